import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { detectAnswerWords, understandQuery } from '../../src/retrieval/understand-query.js';
import { buildIndex } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  ({ index } = await buildIndex('corpus'));
});

describe('understandQuery on the bundled corpus', () => {
  it.each([
    ['广州调到深圳，个人账户怎么办？', { transfer: '省内跨市' }, ['广东']],
    ['从沈阳转到兰州，医保个人账户能转吗？', { transfer: '跨省' }, ['辽宁', '甘肃']],
    ['广东省内跨市调动，职工医保个人账户资金怎么处理？', { transfer: '省内跨市', insurance: '职工医保' }, ['广东']],
    ['跨省异地安置的退休人员能把钱转到银行卡吗？', { transfer: '跨省', population: '退休人员' }, []],
    ['醫保關係跨省轉移後，個人帳戶餘額會跟著轉過去嗎？', { transfer: '跨省' }, []],
  ])('should read the situation of %s', (message, values, regions) => {
    const { scope } = understandQuery({ index, message, session: null });
    expect(scope).toEqual({ values, regions });
  });

  it.each([
    ['医保统筹账户的钱能转到新的参保地吗？', ['pooled-fund-transfer']],
    ['跨省转移医保关系整个流程最多多少个工作日？', ['transfer-total-time']],
    ['转出地经办机构多少天内要办完转出？', ['transfer-out-time']],
    ['跨省异地安置的退休人员能把医保个人账户的钱转到银行卡吗？', ['account-cash-out']],
    ['职工医保转成居民医保后，个人账户余额还能继续用吗？', ['account-usable-after-switch']],
    ['居民医保转职工医保后原来的余额会转过去吗？', []],
    ['转移医保前断缴了2个月会影响吗？', ['gap-before-transfer']],
    ['股票怎么开户？', []],
  ])('should find the topics of %s', (message, topics) => {
    expect(understandQuery({ index, message, session: null }).topics.map((match) => match.topic.id)).toEqual(topics);
  });

  it('should let a follow-up inherit the situation and find its topic with the earlier question', () => {
    const first = understandQuery({ index, message: '我要从厦门调到杭州工作，医保怎么转？', session: null });
    const session = { turns: [{ message: '我要从厦门调到杭州工作，医保怎么转？', effective: first.effective, topics: [], scope: first.scope }] };
    const followUp = understandQuery({ index, message: '那个人账户里的钱呢？', session });
    expect(followUp.followUp).toBe(true);
    expect(followUp.scope.values).toEqual({ transfer: '跨省' });
    expect(followUp.topics.map((match) => match.topic.id)).toEqual(['account-follows-transfer']);
    expect(understandQuery({ index, message: '要多久？', session }).topics.map((match) => match.topic.id)).toEqual(['transfer-total-time']);
  });
});

describe('detectAnswerWords', () => {
  it.each([
    ['个人账户余额会跟着转过去吗', { yes: '会', no: '不会' }],
    ['个人账户的钱会不会被清零', { yes: '会', no: '不会' }],
    ['能把钱转到银行卡吗', { yes: '可以', no: '不能' }],
    ['整个流程最多多少个工作日', null],
  ])('%s', (question, words) => {
    expect(detectAnswerWords(question)).toEqual(words);
  });
});
