// Questions on the bundled 医保 corpus in wordings of our own (none from the eval sets): materials for the action the
// user names, necessity, a population the user says does not hold, a share asked in percent.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { buildIndex, bundledCorpus } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  ({ index } = await buildIndex(bundledCorpus));
});

const ask = async (message: string): Promise<AnswerResponse> => (await answerQuestion({ index, message, session: null, sessionId: null })).response;
const lead = (response: AnswerResponse) => response.answer.split('\n\n')[0];

describe('questions on the bundled corpus', () => {
  it('should answer materials for the action the user names, not a section listing materials for another', async () => {
    expect(lead(await ask('单位没按时给我交医保，我去找单位要求补缴，得准备哪些证明？'))).toContain('提供劳动合同、工资证明等材料,要求单位补缴。');
  });

  it.each([
    ['听说医保补缴的滞纳金每天按千分之五收，是真的吗？', '不是，万分之五。滞纳金:逾期补缴需缴纳滞纳金,金额按欠缴金额的每日万分之五计算。[1]'],
    ['我是灵活就业的，断了两个月想补，网上说滞纳金一天按千分之五算，真有这么高吗？', '不是，万分之五。滞纳金:逾期补缴需缴纳滞纳金,金额按欠缴金额的每日万分之五计算。[1]'],
    ['断缴了想补，滞纳金一天收多少？', '万分之五。滞纳金:逾期补缴需缴纳滞纳金,金额按欠缴金额的每日万分之五计算。[1]'],
  ])('should read a share written as a fraction and check the one heard: %s', async (question, expected) => {
    expect(lead(await ask(question))).toBe(expected);
  });

  it('should unglue a general verb from the verb it precedes (办转出) and answer the part of a breakdown asked about', async () => {
    expect(lead(await ask('我的医保要从天津转到西安，天津那边办转出一般要几个工作日？'))).toBe('10个工作日内。跨省转移时,转出地需在10个工作日内完成转出,转入地在5个工作日内完成转入;[1]');
  });

  it.each([
    ['我的医保从兰州转去重庆，转出手续兰州那边已经办完了，重庆这边收到以后几天能转进来？'],
    ['转入地要几个工作日？'],
  ])('should answer the part a breakdown gives for the direction asked (转进来 is 转入), under a condition the user leaves open: %s', async (question) => {
    expect(lead(await ask(question))).toBe('5个工作日内。跨省转移时,转出地需在10个工作日内完成转出,转入地在5个工作日内完成转入;[1]');
  });

  it('should check the figure a question asks back (这么慢) against the nearest clause stating one, past a remark in between', async () => {
    expect(lead(await ask('我要从青岛调去合肥上班，网上有人说医保跨省转移整个流程得45个工作日，快俩月了，真有这么慢吗？')).startsWith('不是，不超过15个工作日。')).toBe(true);
  });

  it('should compare two kinds of move side by side, each by a statement of that move about what is asked (个人账户)', async () => {
    const [other, within] = lead(await ask('我在广东上班，医保个人账户的钱，调去外省工作和在广东省内换个城市，处理起来有啥不一样？')).split('\n');
    expect(other).toMatch(/^调去外省工作：.*个人账户.*随医保关系.*转移/);
    expect(within).toBe('广东省内换个城市：个人账户资金跨市使用:参保人员省内跨市转移职工医保关系的,个人账户资金跨市使用,不划转、不提现。[3]');
  });

  it('should know a verb and complement the tagger reads as a noun (交上) by its stem', async () => {
    const response = await ask('断缴四个月了，重新交上以后多久能报销？');
    expect(response.status).toBe('answered');
    expect(lead(response)).toMatch(/^(六|6)个月。/);
  });

  it('should answer a when question asked in the second clause, colloquially, with the date the point names', async () => {
    expect(lead(await ask('我今年年底才交的居民医保，交完马上看病能报吗，啥时候开始生效？'))).toBe('次年1月1日。居民医保实行“每年缴费一次,缴费后次年1月1日起生效”的机制,不存在连续缴费年限要求。[1]');
  });

  it('should not tell a user moving across provinces the rule for moves within one (省内跨市)', async () => {
    const answer = lead(await ask('从湖南调到广州工作，医保个人账户里的钱能转过去吗？'));
    expect(answer).toMatch(/^可以。.*随医保关系(跨省)?转移/);
    expect(answer).not.toContain('省内');
  });

  it('should answer 要不要 by the statement saying the action is not needed', async () => {
    expect(lead(await ask('在杭州跳槽换了家公司，医保账户要不要先注销再重新开户？'))).toBe('不需要。在原参保地社保网站或线下社保中心申请转移,将原单位医保账户余额转入新单位医保账户,无需办理注销手续。[1]');
  });

  it('should not take a user who says they have not retired for a retiree', async () => {
    expect(lead(await ask('我在烟台上班还没退休，去一级医院看门诊能报多少？')).startsWith('80%。')).toBe(true);
  });

  it('should deny a figure the user heard that a statement says was changed, whichever script they write in', async () => {
    expect(lead(await ask('有人說煙台職工醫保門診起付標準還是500元，對嗎？'))).toBe('不是，200元。起付标准 :由500元降至200元。[1]');
  });

  it('should answer a share asked in percent with the figure of the labelled rate, kept whole on its teaser line', async () => {
    expect(lead(await ask('我在宣城打零工，自己交职工医保，费率是缴费基数的百分之几？'))).toBe('8.5%。缴费比例 :灵活就业人员需按照缴费基数的 8.5%[1]');
  });
});
