// A window of days around an event, applied to the date the user gives for it.
import { describe, expect, it } from 'vitest';
import { reckonDate } from '../../src/answer/reckon-date.js';
import { findQuantities } from '../../src/reconcile/find-quantities.js';
import type { Statement } from '../../src/reconcile/statement-types.js';
import { compileLanguage } from '../../src/rules/compile-language.js';
import { defaultLanguage } from '../../src/rules/defaults/default-language.js';

const language = compileLanguage({ data: defaultLanguage, normalize: (text) => text.normalize('NFKC').toLowerCase() });
const reckon = (sentence: string, message: string) => {
  const [quantity] = findQuantities({ text: sentence, language });
  return reckonDate({ statement: { normalized: sentence } as Statement, quantity, message });
};

describe('reckonDate', () => {
  it.each([
    ['持证人应当在有效期满前30日内申请签注。', '居住证明年1月15号到期，最早什么时候能签注？', { text: '12月16日起', reckoning: '持证人应当在有效期满前30日内，按1月15日计' }],
    ['应当自变更之日起30日内办理变更登记。', '我3月1日搬的家，最晚哪天要登记？', { text: '3月31日前', reckoning: '应当自变更之日起30日内，按3月1日计' }],
    ['应当自变更之日起30日内办理变更登记。', '我2024年12月20日搬的家，最晚哪天要登记？', { text: '2025年1月19日前', reckoning: '应当自变更之日起30日内，按12月20日计' }],
  ])('should reckon %s for %s', (sentence, message, expected) => {
    expect(reckon(sentence, message)).toEqual(expected);
  });

  it.each([
    ['持证人应当在有效期满前30日内申请签注。', '最早什么时候能签注？'],
    ['持证人应当在有效期满前30日内申请签注。', '1月15号到期，3月2号出差，最早什么时候签注？'],
    ['自受理之日起15个工作日内办结。', '我1月15号交的申请，最晚什么时候办完？'],
    ['居住满30日的，可以申请。', '我1月15号来的，什么时候能申请？'],
  ])('should reckon nothing for %s with %s: no date, two dates, working days, or no window', (sentence, message) => {
    expect(reckon(sentence, message)).toBeNull();
  });
});
