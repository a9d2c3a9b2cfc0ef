// Rivals worded unlike each other, on a fictional swimming-card corpus written by the test: a change statement
// ("由20个工作日压缩至8个工作日") rivals every figure it changes, and a sentence denying a general verb of a manner
// ("网上是办不了的") rivals one saying it is done so; the statement that decided the rule speaks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { buildIndex, temporaryDirectory } from '../helpers.js';

const files: Record<string, string> = {
  'rules/domain.yaml': `assistant:
  name: 游泳卡问答
  coverage: 游泳年卡的办理、时限和费用
  noAnswer: 抱歉，资料库中没有相关内容。我可以回答{coverage}等问题。
  disclaimer: 以上内容依据资料库整理，仅供参考，以游泳馆的规定为准。
  treatmentDisclaimer: ''
  unresolvedAdvice: 建议向游泳馆服务台确认。
treatmentCues: []
`,
  'old-notice.md': `---
title: 游泳年卡管理办法
date: 2021-03-01
publisher: 星港市体育局
authority: official
---
游泳馆应当自受理之日起20个工作日内制作发放游泳年卡；
办理游泳年卡应当提交本人身份证和近期照片。
`,
  'new-notice.md': `---
title: 关于优化游泳年卡办理服务的通知
date: 2024-02-01
publisher: 星港市体育局
authority: official
---
游泳年卡制卡时限由20个工作日压缩至8个工作日，自受理之日起计算。
会员可通过星港体育APP在线办理年卡续期，无需本人到场。
`,
  'member-blog.txt': `年卡续期那些事

年卡续期必须本人带着会员卡去前台现场办理，网上是办不了的。
我去年就是排了半天队才办好。
`,
  'city-guide.md': `---
title: 游泳年卡办理攻略
date: 2025-04-10
publisher: 星港生活网
---
游泳年卡受理后8个工作日内就能拿到卡。
游泳年卡一般受理后20个工作日内可以领取。
退卡的，需年卡冻结满6个月后才能申请退还余额。
游泳年卡原则上不得转让，但部分门店允许开卡30天内转让。
`,
};

let index: LoadedIndex;
beforeAll(async () => {
  const corpus = join(temporaryDirectory('kbqa-swim-'), 'corpus');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(corpus, name, '..'), { recursive: true });
    writeFileSync(join(corpus, name), text);
  }
  ({ index } = await buildIndex(corpus));
});

const ask = async (message: string): Promise<AnswerResponse> => (await answerQuestion({ index, message, session: null, sessionId: null })).response;
const lead = (response: AnswerResponse) => response.answer.split('\n\n')[0];

describe('a change statement worded unlike the figures it changes', () => {
  it.each([['交完申请多久能拿到卡？'], ['受理后多久拿到游泳年卡？'], ['游泳年卡现在办要多久能拿到？']])('should answer %s with the newer changed figure, by the change statement that decided', async (question) => {
    const response = await ask(question);
    expect(lead(response)).toBe('8个工作日。游泳年卡制卡时限由20个工作日压缩至8个工作日，自受理之日起计算。[1]');
    expect(response.conflicts[0].rule).toBe('time');
    expect(response.conflicts[0].rejected.map((entry) => entry.statement)).toContain('游泳馆应当自受理之日起20个工作日内制作发放游泳年卡；');
  });
});

describe('a rumour denying a general verb of a manner', () => {
  it.each([['听说年卡续期网上根本办不了，只能去前台，真的吗？'], ['年卡续期网上办不了吗？'], ['有人说年卡续期没法网上办，是真的吗？']])('should deny %s by the notice that it is done so, and reject the sentence repeating it', async (question) => {
    const response = await ask(question);
    expect(lead(response)).toBe('不是。会员可通过星港体育APP在线办理年卡续期，无需本人到场。[1]');
    expect(response.conflicts[0].rejected).toContainEqual(expect.objectContaining({ statement: '年卡续期必须本人带着会员卡去前台现场办理，网上是办不了的。', reason: 'less_authoritative' }));
  });

  it('should confirm the denial a 吗 question asks about when the corpus states it', async () => {
    expect(lead(await ask('年卡续期网上能办吗？'))).toBe('可以。会员可通过星港体育APP在线办理年卡续期，无需本人到场。[1]');
  });
});

describe('a rumour that a wait is not needed', () => {
  it.each([['听说退卡第二个月就能把年卡余额全部退出来，不用等半年，真的吗？'], ['年卡退卡以后是不是不用等半年就能退余额？']])('should deny %s by the statement requiring the same wait in other units (满6个月)', async (question) => {
    expect(lead(await ask(question))).toBe('不是，满6个月。退卡的，需年卡冻结满6个月后才能申请退还余额。[1]');
  });
});

describe('a least wait the act needs', () => {
  it.each([
    ['已经退卡了，现在能申请退还余额吗？', '退卡的，需年卡冻结满6个月后才能申请退还余额。[1]'],
    ['我上个月退卡了，现在能申请退还余额吗？', '不能。退卡的，需年卡冻结满6个月后才能申请退还余额。[1]'],
    ['退卡8个月了，现在能申请退还余额吗？', '可以。退卡的，需年卡冻结满6个月后才能申请退还余额。[1]'],
    ['退卡3个月了，现在能申请退还余额吗？', '不能。退卡的，需年卡冻结满6个月后才能申请退还余额。[1]'],
    ['听说年卡要冻结满一年才能退余额，是不是这样？', '不是。退卡的，需年卡冻结满6个月后才能申请退还余额。[1]'],
  ])('should answer %s by whether the user is past it, and give no yes or no to one who does not say', async (question, expected) => {
    expect(lead(await ask(question))).toBe(expected);
  });
});

describe('a rule only some allow, within a limit', () => {
  it.each([
    ['开卡两个月了，年卡还能转让吗？', '不能。游泳年卡原则上不得转让，但部分门店允许开卡30天内转让。[1]'],
    ['开卡10天，年卡能转让吗？', '游泳年卡原则上不得转让，但部分门店允许开卡30天内转让。[1]'],
  ])('should answer %s no for a user past the limit, and give no yes or no to one within it', async (question, expected) => {
    expect(lead(await ask(question))).toBe(expected);
  });
});
