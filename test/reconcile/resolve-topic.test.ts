import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/reconcile/claim-types.js';
import { resolveTopic } from '../../src/reconcile/resolve-topic.js';
import type { Scope } from '../../src/reconcile/scope.js';
import type { ScopeRules } from '../../src/rules/rule-schema.js';

const scopeRules: ScopeRules = {
  dimensions: {
    transfer: { label: '转移范围', strict: false, values: { 跨省: ['跨省'], 省内跨市: ['省内'] } },
    population: { label: '人群', strict: true, values: { 退休人员: ['退休'] } },
  },
  enumerationSeparators: '、',
};

let counter = 0;
function claim(value: boolean | number, overrides: Partial<Claim> = {}): Claim {
  counter++;
  return {
    id: `c${counter}`,
    topic: 't',
    value,
    valueKey: String(value),
    sentence: `说法${counter}`,
    normalized: `说法${counter}`,
    offset: counter,
    chunkId: `k${counter}`,
    sourceId: overrides.sourceId ?? `s${counter}`,
    sourceDate: null,
    asOf: null,
    authority: 'unknown',
    duplicateKey: `d${counter}`,
    family: overrides.family ?? overrides.sourceId ?? `s${counter}`,
    truncated: false,
    scope: { values: {}, regions: [] },
    ...overrides,
  };
}
const anyone: Scope = { values: {}, regions: [] };

describe('resolveTopic: the ordered rules', () => {
  it.each<[string, Claim[], Scope, 'regulation' | 'figure', string | null, string | null, string[]]>([
    // name, claims, user, stability, adopted value, rule, reasons of the rejected sides
    ['agreeing sources are no conflict', [claim(true), claim(true)], anyone, 'regulation', 'true', null, []],
    ['scope: the narrower rule governs its situation', [claim(false, { scope: { values: {}, regions: ['广东'] } }), claim(true), claim(true)], { values: {}, regions: ['广东'] }, 'regulation', 'false', 'scope', ['other_scope']],
    ['scope: a claim about the user\'s 跨省 move governs a general one', [claim(15, { scope: { values: { transfer: '跨省' }, regions: [] } }), claim(45, { sourceDate: '2025-01-01' })], { values: { transfer: '跨省' }, regions: [] }, 'regulation', '15', 'scope', ['other_scope']],
    ['scope: without the user saying 跨省, time decides between the same claims', [claim(15, { scope: { values: { transfer: '跨省' }, regions: [] } }), claim(45, { sourceDate: '2025-01-01' })], anyone, 'regulation', '45', 'time', ['undated']],
    ['scope: a retirees-only rule is a note, not a conflict, for other users', [claim(true, { scope: { values: { population: '退休人员' }, regions: [] } }), claim(false)], anyone, 'regulation', 'false', null, []],
    ['authority: official beats media beats unknown', [claim(true, { authority: 'official' }), claim(false, { authority: 'media' }), claim(false)], anyone, 'regulation', 'true', 'authority', ['less_authoritative']],
    ['time: a newer dated rule supersedes an older one', [claim(15, { sourceDate: '2025-08-07' }), claim(45, { sourceDate: '2024-01-01' })], anyone, 'regulation', '15', 'time', ['outdated']],
    ['time: an undated claim never beats a dated one', [claim(15, { sourceDate: '2025-08-07' }), claim(45), claim(45)], anyone, 'regulation', '15', 'time', ['undated']],
    ['time: for figures the latest as-of date wins over a later publication', [claim(17, { asOf: '2025-03', sourceDate: '2025-03-19' }), claim(11, { sourceDate: '2025-05-01' })], anyone, 'figure', '17', 'time', ['outdated']],
    ['authority is weighed before time', [claim(1, { authority: 'official', sourceDate: '2020-01-01' }), claim(2, { authority: 'media', sourceDate: '2025-01-01' })], anyone, 'regulation', '1', 'authority', ['less_authoritative']],
    ['internal consistency: a self-contradicting source is set aside', [claim(true, { sourceId: 'a' }), claim(false, { sourceId: 'a' }), claim(true, { sourceId: 'b' })], anyone, 'regulation', 'true', 'internal_consistency', ['inconsistent_source']],
    ['consensus: more independent sources win', [claim(0.1, { sourceId: 'a' }), claim(0.1, { sourceId: 'b' }), claim(0.5, { sourceId: 'c' })], anyone, 'regulation', '0.1', 'consensus', ['minority']],
    ['consensus: copies count once', [claim(0.1, { sourceId: 'a', family: 'f' }), claim(0.1, { sourceId: 'b', family: 'f' }), claim(0.5, { sourceId: 'c' })], anyone, 'regulation', null, 'unresolved', []],
    ['unresolved: one source against one', [claim(true), claim(false)], anyone, 'regulation', null, 'unresolved', []],
  ])('%s', (_, claims, user, stability, adopted, rule, reasons) => {
    const resolution = resolveTopic({ topicId: 't', kind: 'polarity', stability, claims, user, scopeRules });
    expect(resolution.adopted?.valueKey ?? null).toBe(adopted);
    expect(resolution.rule).toBe(rule);
    expect(resolution.rejected.map((side) => side.reason)).toEqual(reasons);
    if (rule === 'unresolved') expect(resolution.sides.length).toBeGreaterThan(1);
  });

  it('should not apply a claim about another situation the user named', () => {
    const resolution = resolveTopic({
      topicId: 't', kind: 'polarity', stability: 'regulation',
      claims: [claim(false, { scope: { values: { transfer: '省内跨市' }, regions: [] } }), claim(true, { scope: { values: { transfer: '跨省' }, regions: [] } })],
      user: { values: { transfer: '跨省' }, regions: [] }, scopeRules,
    });
    expect(resolution).toMatchObject({ adopted: { valueKey: 'true' }, rule: null, rejected: [], narrower: [], variants: [] });
  });

  it('should keep the most discussed value of a lenient qualifier the user left open, and set the others aside as variants', () => {
    const inProvince = claim(false, { scope: { values: { transfer: '省内跨市' }, regions: [] } });
    const resolution = resolveTopic({
      topicId: 't', kind: 'polarity', stability: 'regulation',
      claims: [inProvince, claim(true, { scope: { values: { transfer: '跨省' }, regions: [] } }), claim(true, { scope: { values: { transfer: '跨省' }, regions: [] } })],
      user: anyone, scopeRules,
    });
    expect(resolution.adopted?.valueKey).toBe('true');
    expect(resolution.rule).toBeNull();
    expect(resolution.variants).toEqual([inProvince]);
  });

  it('should merge list claims instead of opposing them', () => {
    const resolution = resolveTopic({
      topicId: 't', kind: 'list', stability: 'regulation',
      claims: [claim(true, { value: ['配偶', '子女'], valueKey: '子女|配偶' }), claim(true, { value: ['父母'], valueKey: '父母' })],
      user: anyone, scopeRules,
    });
    expect(resolution.adopted?.value).toEqual(['子女', '父母', '配偶']);
    expect(resolution.rule).toBeNull();
  });
});
