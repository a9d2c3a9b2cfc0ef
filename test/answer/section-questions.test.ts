// Conditions, channels and several-part questions on a fictional gym-card corpus written by the test: a guide with
// sections, and many news items that share the question's words but answer none of it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { writeGymCorpus } from '../fixtures/gym-corpus.js';
import { buildIndex, temporaryDirectory } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  ({ index } = await buildIndex(writeGymCorpus(join(temporaryDirectory('kbqa-gym-'), 'corpus'))));
});

const ask = async (message: string): Promise<AnswerResponse> => (await answerQuestion({ index, message, session: null, sessionId: null })).response;
const lead = (response: AnswerResponse) => response.answer.split('\n\n')[0];

describe('who acts', () => {
  it.each([['我女儿今年12岁，在这边办了年卡，现在要转店，得谁去办？'], ['孩子14岁，转店谁来申请？']])('should answer %s by the statement saying who does it, for a user whose age meets its condition', async (question) => {
    expect(lead(await ask(question))).toBe('就未成年人而言：未满16周岁的会员，由家长代为办理转店。[1]');
  });
});

describe('questions answered by a section, and conditions that presuppose the asked action', () => {
  it.each([
    ['跨区转健身卡需要满足哪些条件？'],
    ['申请跨区转店之前自己要满足什么条件？'],
    ['健身卡转到别的区要符合什么要求？'],
  ])('should answer %s with the section headed by its kind, found by the heading even among many chunks sharing its words', async (question) => {
    const response = await ask(question);
    expect(lead(response)).toBe('转店条件：\n1. 停卡与登记：在原门店已办理停卡手续，并在新门店完成会员登记。[1]\n2. 账户状态：原会员账户需为正常状态，无欠费或冻结。[2]');
  });

  it.each([['听说停卡超过一个月，补交会费以后就不用重新预约私教课了，是这样吗？'], ['停卡两个月了，补交会费后是不是不用重新预约私教课？']])(
    'should check the rumour %s that something is no longer needed against the statement requiring it',
    async (question) => {
      expect(lead(await ask(question))).toBe('不是。停卡超过30天的会员，可以补交会费，但需重新预约私教课。[1]');
    },
  );

  it.each([
    ['会费是不是随时都能退？', '不是。训练课程已经开始后的会费不再退还。[1]'],
    ['会费啥时候都可以退吗？', '不能。训练课程已经开始后的会费不再退还。[1]'],
  ])('should deny a claim that something holds always (%s) by the statement denying it under a condition', async (question, expected) => {
    expect(lead(await ask(question))).toBe(expected);
  });

  it('should answer a 要不要 question by whether the statement requires the asked action', async () => {
    expect(lead(await ask('停卡超过30天，补交会费后要不要重新预约私教课？'))).toBe('需要。停卡超过30天的会员，可以补交会费，但需重新预约私教课。[1]');
  });

  it('should decline a yes/no question no statement answers rather than lead with one that only shares its nouns', async () => {
    expect((await ask('转店以后基础课程还能预约吗？')).status).toBe('no_answer');
  });

  it('should answer a question of difference by the statement naming both things', async () => {
    expect(lead(await ask('年卡跟次卡有啥不一样？'))).toBe('年卡与次卡是两种独立卡种，卡内余额不会随卡种转换而转到新卡。[1]');
  });

  it('should answer a question of difference by one statement about each thing when none names both', async () => {
    expect(lead(await ask('基础课程和私教课程有什么区别？'))).toBe('基础课程：基础课程全部可以用年卡支付。[1]\n私教课程：私教课程(如拳击课、普拉提)需另行付费,不能用年卡支付。[2]');
  });

  it('should read a light verb ("线下办的话") as the action the question names around it, not as any 办', async () => {
    const response = await ask('健身卡要从东区转到西区，线下办的话去哪里？');
    expect(lead(response)).toBe('线下办理：携带身份证、会员卡到新门店前台申请转店。[1]');
  });

  it('should say a section once when two parts of the question are answered by it', async () => {
    const response = await ask('卡内余额怎么查？有哪些渠道？');
    expect(response.answer.match(/线下查询：/g)).toHaveLength(1);
    expect(response.answer.match(/查询卡内余额。/g)).toHaveLength(2);
    expect(lead(response)).toBe('线下查询：\n1. 拨打会员热线，按语音提示查询卡内余额。[1]\n2. 携带会员卡到门店办事大厅查询卡内余额。[2]');
  });

  it('should not take a statement comparing two card types as specific to a user who names one of them', async () => {
    const response = await ask('我办的是年卡，转店的话卡内余额能一起转过去吗？');
    expect(lead(response).startsWith('可以。')).toBe(true);
    expect(lead(response)).not.toContain('卡种转换');
  });

  it('should not read "if short and paid, then back next day" as saying a longer gap cannot be paid: its condition presupposes paying', async () => {
    const response = await ask('我停卡两个月了，还能补交会费吗？');
    expect(lead(response)).toBe('可以。停卡超过30天的会员，可以补交会费，但需重新预约私教课。[1]');
  });

  it.each([
    ['停卡十天了，补交会费后次日能恢复训练吗？', '可以，次日。'],
    ['停卡两个月了，补交会费后次日能恢复训练吗？', '不能。'],
  ])('should still answer %s by the duration the condition sets', async (question, start) => {
    expect(lead(await ask(question)).startsWith(start)).toBe(true);
  });

  it('should never say a sentence that announces what follows or promises an attachment', async () => {
    const response = await ask('转店一定要先停卡吗？');
    expect(lead(response)).toBe('需要。停卡与登记：在原门店已办理停卡手续，并在新门店完成会员登记。[1]');
    expect(response.answer).not.toMatch(/小编|附各门店/);
  });

  it('should answer whether something must be done somewhere by the statement saying it no longer must', async () => {
    const response = await ask('健身卡转店必须去开卡所在区的原门店吗？');
    expect(lead(response)).toBe('不是。会员卡转店不再限定在原门店办理，可到全市任一门店就近办理。[1]');
  });

  it('should read a state in the asking clause ("扣费重复了") as the situation a condition asks for', async () => {
    expect(lead(await ask('扣费重复了能退吗？'))).toBe('可以。若因系统故障重复扣费,会员可申请全额退还。[1]');
  });

  it('should read a time condition folded into the subject, take its modal from 能 (not the 会 of 会费), and keep a special case as an exception', async () => {
    const response = await ask('训练课程开始后会费还能退吗？');
    expect(lead(response)).toBe('不能。训练课程已经开始后的会费不再退还。[1]');
    expect(response.answer).toContain('另外：特殊会员(如学生)可按门店规定申请退还会费。[2]');
  });

  it.each([
    ['芜湖', '年卡退费需扣除20%手续费,次卡不退。[1]'],
    ['蚌埠', '年卡退费需扣除10%手续费,次卡不退。[1]'],
  ])('should answer a user in %s from the teaser about their city only, though the statements name no city', async (city, expected) => {
    const response = await ask(`我在${city}办的年卡，退费要扣多少手续费？`);
    expect(lead(response)).toBe(expected);
    expect(response.citations).toHaveLength(1);
  });

  it('should not answer a materials question with a section headed 材料 whose items list none', async () => {
    expect(lead(await ask('转店要准备哪些证明？'))).toBe('证明材料:转店时需提供身份证、会员卡、缴费收据等材料。[1]');
  });

  it('should take the statement naming what the user says they have ("拳击课") over one about the topic alone', async () => {
    expect(lead(await ask('教练给我推荐的是拳击课，能用年卡支付吗？'))).toBe('不能。私教课程(如拳击课、普拉提)需另行付费,不能用年卡支付。[1]');
  });

  it('should not read a list of things to bring ("携带身份证、会员卡…") as saying yes about the card', async () => {
    const response = await ask('会员卡扣费重复了能退吗？');
    expect(lead(response)).toBe('若因系统故障重复扣费,会员可申请全额退还。[1]');
  });

  it('should decline a question for an amount of money that no statement gives, rather than answer with one that names none', async () => {
    expect((await ask('拳击课要另外付多少钱？')).status).toBe('no_answer');
  });
});
