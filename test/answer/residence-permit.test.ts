// The second domain as an operator drops it in (居住证, rules/domain.yaml only), asked in wordings of our own: what
// a question requires, asks to happen or never mentions decides the answer, whatever the corpus.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { buildIndex, temporaryDirectory } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  const corpus = join(temporaryDirectory('kbqa-permit-'), 'corpus');
  cpSync('../shared/eval/corpora/juzhuzheng', corpus, { recursive: true });
  ({ index } = await buildIndex(corpus));
});

const ask = async (message: string): Promise<AnswerResponse> => (await answerQuestion({ index, message, session: null, sessionId: null })).response;
const lead = (response: AnswerResponse) => response.answer.split('\n\n')[0];

describe('questions on the 居住证 corpus', () => {
  it('should answer whether a place is required by the statement that lifts the requirement, not by a blog that does it there', async () => {
    const response = await ask('居住证签注必须去户口所在区的派出所吗？');
    expect(lead(response)).toBe('不是。居住证申领和签注不再限定在居住地公安派出所办理，申请人可到居住地所在县（市、区）范围内任一受理点就近办理。[1]');
    expect(response.conflicts[0].rejected).toContainEqual(expect.objectContaining({ statement: '签注必须本人带着身份证去派出所现场办理，网上是办不了的。' }));
  });

  it('should check a figure a rumour states in its hearsay clause against the official one, by either subject its statement gives it', async () => {
    const response = await ask('听说现在居住证签一次能管三年，不用每年签了，是真的吗？我在杭州办的');
    expect(lead(response)).toBe('不是，一年。居住证有效期为一年。[1]');
    expect(response.conflicts[0].rejected[0]).toEqual(expect.objectContaining({ statement: '现在居住证有效期是3年，签一次能管三年，不用每年折腾。', reason: 'less_authoritative' }));
  });

  it('should read where a thing is done (手机上, a noun of place) as the manner the rivals must name', async () => {
    const response = await ask('我长期在外地出差，居住证下个月到期，签注能在手机上办吗？还是必须本人回派出所？');
    expect(lead(response)).toBe('可以。持证人可通过公安政务服务平台在线办理居住证签注，无需本人到场。[1]');
    expect(response.conflicts[0].rejected.map((entry) => entry.statement)).toEqual(['签注必须本人带着身份证去派出所现场办理，网上是办不了的。']);
  });

  it.each([['听说居住证签注必须本人带身份证去派出所现场办，网上根本办不了，真的吗？'], ['有人说签注网上办不了，是真的吗？']])('should deny the rumour %s that a general verb cannot be done somewhere by the statement that it can, and reject the one repeating it', async (question) => {
    const response = await ask(question);
    expect(lead(response)).toBe('不是。持证人可通过公安政务服务平台在线办理居住证签注，无需本人到场。[1]');
    expect(response.conflicts[0].rejected).toContainEqual(expect.objectContaining({ statement: '签注必须本人带着身份证去派出所现场办理，网上是办不了的。', reason: 'less_authoritative' }));
  });

  it.each([
    ['我的居住证明年1月15号到期，最早什么时候可以去签注？', '12月16日起（'],
    ['我1月10号在本市搬了家，最晚什么时候要去办变更登记？', '2月9日前（应当自变更之日起30日内，按1月10日计）。'],
  ])('should give the day a window of days opens or closes for the date the user gives: %s', async (question, start) => {
    expect(lead(await ask(question)).startsWith(start)).toBe(true);
  });

  it('should set aside the general rule of moving, and no statement that merely names 居住证 (居住 of 住 is not said in 居住证)', async () => {
    const response = await ask('我在广州办了居住证住了三年，现在要调去深圳工作，是不是又得在深圳住满半年才能办居住证？');
    expect(lead(response).startsWith('不是。自2024年6月1日起，在广东省内跨市变更居住地的居住证持有人')).toBe(true);
    const rejected = response.conflicts[0].rejected.map((entry) => entry.statement);
    expect(rejected[0]).toBe('持证人跨市变更居住地的，应当在新居住地重新办理居住登记，居住满半年后重新申领居住证，原居住证的居住年限不带转。');
    expect(rejected).not.toContain('居住证有效期为一年。');
    expect(rejected).not.toContain('首次申领居住证不收取费用。');
  });

  it('should reject only a rival about what the question asks something of (签注), by the rule that decided, and name no unrelated statement', async () => {
    const response = await ask('我的居住证下个月到期，人在外地出差回不去，签注能不能在网上办不用本人去？');
    expect(lead(response)).toBe('可以。持证人可通过公安政务服务平台在线办理居住证签注，无需本人到场。[1]');
    expect(response.conflicts.map((conflict) => ({ rule: conflict.rule, rejected: conflict.rejected.map((entry) => [entry.statement, entry.reason]) }))).toEqual([
      { rule: 'authority', rejected: [['签注必须本人带着身份证去派出所现场办理，网上是办不了的。', 'less_authoritative']] },
    ]);
  });

  it('should answer a deadline by the figure that governs the asked action, for a user whose move meets the rule on moving', async () => {
    // "离开常住户口所在地，到其他城市居住的" is met by one who tells of moving; "满半年" governs 申领, not 登记.
    expect(lead(await ask('我下个月初从老家搬到南京租房住，到了以后最晚多少天之内得去登记？'))).toBe(
      '30日内。公民离开常住户口所在地，到其他城市居住的，应当自到达居住地之日起30日内，到居住地公安派出所或者社区警务室办理居住登记。[1]',
    );
  });

  it.each([['我上周在上海的派出所交了居住证申请，一般几个工作日能做好？'], ['居住证多久能做出来？']])('should give the newer compressed time limit for %s, with no figure of another kind as a point', async (question) => {
    const response = await ask(question);
    expect(lead(response)).toBe('7个工作日。居住证制证时限由15个工作日压缩至7个工作日，自受理之日起计算。[1]');
    expect(response.conflicts[0].rule).toBe('time');
    expect(response.answer).not.toContain('亿');
  });

  it.each([['听说居住证办好了只能自己跑去派出所领，不能寄到家里，是真的吗？'], ['听说居住证不能邮寄，真的假的？']])('should deny the rumour %s that something cannot be done by the statement that it can', async (question) => {
    expect(lead(await ask(question))).toBe('不是。审核通过后领取居住证，也可以选择邮寄到家。[1]');
  });

  it('should compare a move to another district with one to another place by the rule of each move', async () => {
    expect(lead(await ask('搬家到别的区和搬到外地，居住证有什么不同？'))).toBe(
      '搬家到别的区：持证人在本市范围内变更居住地址的，应当自变更之日起30日内到新住址所在地的受理点办理变更登记，居住证继续有效。[1]\n搬到外地：持证人跨市变更居住地的，应当在新居住地重新办理居住登记，居住满半年后重新申领居住证，原居住证的居住年限不带转。[2]',
    );
  });

  it('should compare a move within the city with one to another city by the statements of each move', async () => {
    const [same, other] = lead(await ask('我在武汉有居住证，在武汉市内搬家和搬去别的城市，居住证的处理有啥不一样？')).split('\n');
    expect(same.startsWith('武汉市内搬家：')).toBe(true);
    expect(other).toBe('搬去别的城市：持证人跨市变更居住地的，应当在新居住地重新办理居住登记，居住满半年后重新申领居住证，原居住证的居住年限不带转。[2]');
  });

  it('should read a complement glued to a known verb (办上) and a verb of moving (到了无锡) as no asked action', async () => {
    expect(lead(await ask('我从苏州调去无锡上班，到了无锡要多久才能重新办上居住证？'))).toBe('满半年。持证人跨市变更居住地的，应当在新居住地重新办理居住登记，居住满半年后重新申领居住证，原居住证的居住年限不带转。[1]');
  });

  it('should decline a thing the corpus never names though the segmenter splits off a word it does (公|租房)', async () => {
    expect((await ask('我有北京的居住证，能不能凭它去申请公租房？')).status).toBe('no_answer');
  });

  it('should decline a question whose asked action the corpus never speaks of, rather than answer from a mention of its noun', async () => {
    expect((await ask('我和老婆在福州打工，孩子能在福州参保吗？')).status).toBe('no_answer');
  });

  it.each([
    ['在网上申请的居住证，做好了能寄到家里吗？', '可以。'],
    ['我们一家从佛山搬到广州，之前在佛山住的那几年还算不算？', '算。'],
  ])('should know the verbs of %s by their stems and answer', async (question, start) => {
    const response = await ask(question);
    expect(response.status).toBe('answered');
    expect(lead(response).startsWith(start)).toBe(true);
  });

  it('should never answer with a first-person story, even one that starts after an aside', async () => {
    expect((await ask('去派出所办居住证，材料没带全，是不是得来回跑好几趟？')).answer).not.toContain('我第一次');
  });

  it('should reckon points given per year of residence for the years the user states', async () => {
    const response = await ask('我在苏州有居住证，住满4年了，居住年限能积多少分？');
    expect(lead(response)).toBe('8分（每满1年积2分，按4年计）。居住证居住年限每满1年积2分。[1]');
  });

  it('should weigh the rule naming the checked figure above words that only introduce it ("等…才能"), and above an anecdote', async () => {
    const response = await ask('从广州调到长沙，居住证是不是又得等半年才能办？');
    expect(lead(response).startsWith('是，满半年。持证人跨市变更居住地的，应当在新居住地重新办理居住登记，居住满半年后重新申领居住证')).toBe(true);
  });

  it('should answer no when the user\'s own duration ("一年半") misses a requirement stated before 即可 ("满2年…即可申请")', async () => {
    const response = await ask('在苏州社保交了一年半，居住证也有，积分也够了，今年能申请落户吗？');
    expect(lead(response).startsWith('不能。持有苏州市有效居住证，在苏州连续缴纳社会保险满2年')).toBe(true);
  });

  it('should deny a checked figure that the adopted statement says is not needed ("无需…重新居住满半年")', async () => {
    const first = await answerQuestion({ index, message: '我在东莞有居住证，下个月到期，能直接在手机上签注吗？', session: null, sessionId: 't' });
    const { response } = await answerQuestion({ index, message: '那如果我之后搬去惠州住，还要重新等半年才能办吗？', session: first.session, sessionId: 't' });
    expect(lead(response).startsWith('不需要。自2024年6月1日起，在广东省内跨市变更居住地的居住证持有人')).toBe(true);
  });

  it.each([['我还没去派出所办居住登记，可以直接申领居住证吗？'], ['刚搬来半年，一直没登记过居住，能先把居住证办了吗？']])(
    'should answer no when the user says an event the rule requires has not happened: %s',
    async (question) => {
      expect(lead(await ask(question)).startsWith('不能。在居住地办理居住登记满半年，并符合有合法稳定就业、合法稳定住所、连续就读条件之一的')).toBe(true);
    },
  );

  it('should not fail a condition met by any one of its alternatives (…就业、…住所、…就读条件之一) for one the user lacks', async () => {
    expect(lead(await ask('我没有上班，但住在自己买的房子里，居住登记也办了满半年了，能申领居住证吗？')).startsWith('可以。')).toBe(true);
  });

  it('should decline a materials question whose topic, named only in the clause before, the corpus never speaks of', async () => {
    expect((await ask('我有居住证，女儿想在这边考驾照，报名要带什么材料？')).status).toBe('no_answer');
  });

  it.each([
    ['补领居住证要多少钱？', '20元。'],
    ['居住证弄丢了想补一个，听说要交100块，是这个数吗？', '不是，20元。'],
    ['居住证丢了要补，朋友说工本费要50块，是这个价吗？', '不是，20元。'],
  ])('should give the fee of the asked action, stated under a condition naming it, and check the one heard: %s', async (question, start) => {
    expect(lead(await ask(question))).toBe(`${start}居住证损坏或者遗失申请换领、补领的，每证收取工本费20元。[1]`);
  });

  it('should read a colloquial question word (啥时候) as the standard one', async () => {
    expect(lead(await ask('居住证啥时候能拿到？')).startsWith('7个工作日。')).toBe(true);
  });

  it('should not answer yes to a question of nouns only ("是全国统一标准吗") from a sentence naming one of them', async () => {
    expect(lead(await ask('积分落户里居住证一年算几分，是全国统一标准吗？'))).not.toMatch(/^是。/);
  });
});
