// Clauses, conditions, negation scope, hedges and enumerations of one sentence.
import { describe, expect, it } from 'vitest';
import { analyseSentence, isNegated } from '../../src/reconcile/analyse-sentence.js';
import { compileLanguage } from '../../src/rules/compile-language.js';
import { defaultLanguage } from '../../src/rules/defaults/default-language.js';

const language = compileLanguage({ data: defaultLanguage, normalize: (text) => text.normalize('NFKC').toLowerCase() });
const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

/** The clause texts of a sentence marked C (condition), L (label) or M (main). */
function clauses(text: string, labelLength = 0): string[] {
  const normalized = normalize(text);
  return analyseSentence({ text: normalized, language, labelLength }).clauses.map(
    (clause) => `${clause.label ? 'L' : clause.condition ? 'C' : 'M'}:${normalized.slice(clause.start, clause.end)}`,
  );
}

/** Whether the first occurrence of `word` in the sentence lies under a negation. */
function negated(text: string, word: string): boolean {
  const normalized = normalize(text);
  return isNegated(analyseSentence({ text: normalized, language }), normalized.indexOf(word));
}

describe('analyseSentence: conditions', () => {
  it.each([
    ['若停止缴费超过3个月,个人账户余额将清零。', ['C:若停止缴费超过3个月', 'M:个人账户余额将清零']],
    ['持证人跨市变更居住地的,应当在新居住地重新办理居住登记。', ['C:持证人跨市变更居住地的', 'M:应当在新居住地重新办理居住登记']],
    ['跨省转移时,转出地需在10个工作日内完成转出。', ['C:跨省转移时', 'M:转出地需在10个工作日内完成转出']],
    ['如新参保地未接入医保平台,可申请将资金划入个人银行账户。', ['C:如新参保地未接入医保平台', 'M:可申请将资金划入个人银行账户']],
    ['在居住地办理居住登记满半年,并符合条件之一的,可以申领居住证。', ['C:在居住地办理居住登记满半年', 'C:并符合条件之一的', 'M:可以申领居住证']],
    ['医保个人账户的钱属于个人所有,不会清0。', ['M:医保个人账户的钱属于个人所有', 'M:不会清0']],
    ['以下是具体操作方式:如下所示', ['M:以下是具体操作方式', 'M:如下所示']],
    ['如果断缴时间较短,并在规定时间内补缴了费用,那么通常可以在次月恢复待遇。', ['C:如果断缴时间较短', 'C:并在规定时间内补缴了费用', 'M:那么通常可以在次月恢复待遇']],
    ['若逾期未还,并且多次催还无效,则暂停借阅。', ['C:若逾期未还', 'C:并且多次催还无效', 'M:则暂停借阅']],
    ['待遇享受期已经开始后的缴费不再退回。', ['C:待遇享受期已经开始后的', 'M:缴费不再退回']],
    ['持有本市居住证,连续缴纳社保满2年,即可申请积分落户。', ['C:持有本市居住证', 'C:连续缴纳社保满2年', 'M:即可申请积分落户']],
    ['根据目前的政策,可以只购买医保。', ['M:根据目前的政策', 'M:可以只购买医保']],
    ['转出地确认后,将个人账户清0,并将余额划转至转入地。', ['C:转出地确认后', 'M:将个人账户清0', 'M:并将余额划转至转入地']],
  ])('should read the conditions of %s', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it('should keep a line label apart from the clauses it labels', () => {
    expect(clauses('断缴3个月内:多数地区允许补缴,补缴后次月恢复医保待遇。', 7)).toEqual(['L:断缴3个月内', 'M:多数地区允许补缴', 'M:补缴后次月恢复医保待遇']);
  });
});

describe('analyseSentence: negation scope', () => {
  it.each([
    ['医保个人账户的钱属于个人所有,不会清0。', '清0', true],
    ['医保个人账户的钱属于个人所有,不会清0。', '属于', false],
    ['个人账户资金不划转、不提现,仅限跨市使用。', '提现', true],
    ['个人账户资金不划转、不提现,仅限跨市使用。', '跨市使用', false],
    ['统筹账户余额通常只能在参保地使用,无法直接转移。', '转移', true],
    ['期间更换工作单位或变更住址不影响累计。', '累计', false],
    ['全流程不超过15个工作日。', '工作日', false],
    ['无需在新居住地重新居住满半年,可直接申请换领。', '半年', true],
    ['不少人不得不在新城市重新等待半年。', '等待', false],
    ['网上是办不了的。', '办', true],
    ['原个人账户余额不会清零,但不会自动转入新账户。', '转入', true],
    ['需未重新就业且账户封存满6个月后才能提取。', '就业', true],
    ['需未重新就业且账户封存满6个月后才能提取。', '提取', false],
    ['网上是没法办的。', '办', true],
  ])('should read whether, in %s, %s is negated (%s)', (text, word, expected) => {
    expect(negated(text, word)).toBe(expected);
  });
});

describe('analyseSentence: hedges, modality and lists', () => {
  it.each([
    ['职工医保个人账户资金原则上随医保关系跨省转移。', 'default'],
    ['部分地区允许补缴近3个月费用。', 'partial'],
    ['可能需要重新参保。', 'partial'],
    ['居住证有效期为一年。', null],
    ['向税务部门申请退回重复时段的个人缴费部分。', null],
    ['但部分地区允许补缴。', 'partial'],
  ])('should read the hedge of %s as %s', (text, hedge) => {
    const analysis = analyseSentence({ text: normalize(text), language });
    expect(analysis.clauses[0].hedge).toBe(hedge);
  });

  it.each([
    ['签注必须本人去派出所办理。', 'necessary'],
    ['可申请将资金划入个人银行账户。', 'possible'],
    ['居住证有效期为一年。', null],
  ])('should read the modality of %s as %s', (text, modality) => {
    expect(analyseSentence({ text: normalize(text), language }).clauses[0].modality).toBe(modality);
  });

  it.each([
    ['包括配偶、父母、子女、兄弟姐妹等近亲属。', ['配偶', '父母', '子女', '兄弟姐妹']],
    ['携带身份证、社保卡、参保凭证等材料办理。', ['携带身份证', '社保卡', '参保凭证']],
    ['读者可以为配偶、子女办理副证。', null],
  ])('should read the enumeration of %s', (text, items) => {
    expect(analyseSentence({ text: normalize(text), language }).list).toEqual(items);
  });
});
