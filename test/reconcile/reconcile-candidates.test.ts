// The ordered resolution rules, each deciding one table row; the reason given is the one that decided.
import { describe, expect, it } from 'vitest';
import type { Authority } from '../../src/corpus/corpus-types.js';
import { reconcileCandidates } from '../../src/reconcile/reconcile-candidates.js';
import type { Candidate } from '../../src/reconcile/resolution-types.js';
import type { Statement } from '../../src/reconcile/statement-types.js';

interface Row {
  value: string;
  source: string;
  authority?: Authority;
  date?: string | null;
  asOf?: string | null;
  family?: string;
  figure?: boolean;
  verdict?: Candidate['verdict'];
  specificity?: number;
}

let counter = 0;
function candidate(row: Row): Candidate {
  counter += 1;
  const statement = { key: `chunk:${counter}`, sourceId: row.source, text: `${row.source} says ${row.value}` } as unknown as Statement;
  return {
    statement,
    valueKey: row.value,
    authority: row.authority ?? 'unknown',
    date: row.date ?? null,
    asOf: row.asOf ?? null,
    family: row.family ?? row.source,
    figure: row.figure ?? false,
    verdict: row.verdict ?? 'applies',
    specificity: row.specificity ?? 0,
  };
}

function decide(rows: Row[]) {
  const resolution = reconcileCandidates(rows.map(candidate));
  return {
    adopted: resolution.adopted?.valueKey ?? null,
    rule: resolution.rule,
    rejected: resolution.rejected.map((entry) => `${entry.candidate.statement.sourceId}:${entry.reason}`).sort(),
  };
}

describe('reconcileCandidates', () => {
  it.each([
    [
      'applicability: a statement whose condition the user does not meet is set aside',
      [{ value: 'no', source: 'a' }, { value: 'yes', source: 'b', verdict: 'condition_not_met' as const }],
      { adopted: 'no', rule: 'applicability', rejected: ['b:condition_not_met'] },
    ],
    [
      'applicability: a statement about another place is set aside',
      [{ value: 'yes', source: 'a' }, { value: 'no', source: 'b', verdict: 'other_scope' as const }],
      { adopted: 'yes', rule: 'applicability', rejected: ['b:other_scope'] },
    ],
    [
      'scope: the statement addressing the user’s situation most narrowly governs',
      [{ value: 'no', source: 'a', specificity: 3, authority: 'media' as const }, { value: 'yes', source: 'b', specificity: 1, authority: 'official' as const }],
      { adopted: 'no', rule: 'scope', rejected: ['b:less_specific'] },
    ],
    [
      'internal consistency: a source stating both values loses them',
      [{ value: 'yes', source: 'a' }, { value: 'no', source: 'b' }, { value: 'yes', source: 'b' }],
      { adopted: 'yes', rule: 'internal_consistency', rejected: ['b:inconsistent_source'] },
    ],
    [
      'authority: official beats media and unknown, even when newer',
      [{ value: '7', source: 'a', authority: 'official' as const, date: '2022-01-01' }, { value: '15', source: 'b', authority: 'unknown' as const, date: '2025-01-01' }],
      { adopted: '7', rule: 'authority', rejected: ['b:less_authoritative'] },
    ],
    [
      'time: among equally authoritative regulations the newer wins; a less authoritative rival is named as such',
      [
        { value: '7', source: 'new', authority: 'official' as const, date: '2024-06-20' },
        { value: '15', source: 'old', authority: 'official' as const, date: '2022-03-15' },
        { value: '15', source: 'blog', authority: 'unknown' as const, date: '2025-10-08' },
      ],
      { adopted: '7', rule: 'time', rejected: ['blog:less_authoritative', 'old:outdated'] },
    ],
    [
      'time: a figure’s as-of date outranks publication dates',
      [
        { value: '1.6', source: 'a', date: '2025-03-10', asOf: '2024-12', figure: true },
        { value: '1.55', source: 'b', date: '2025-06-20', asOf: '2024-06', figure: true },
        { value: '1.4', source: 'c', date: '2025-10-08', asOf: '2023-06', figure: true },
      ],
      { adopted: '1.6', rule: 'time', rejected: ['b:outdated', 'c:outdated'] },
    ],
    [
      'time: an undated statement never beats a dated one',
      [{ value: '15', source: 'a', date: '2025-08-07' }, { value: '45', source: 'b', date: null }],
      { adopted: '15', rule: 'time', rejected: ['b:undated'] },
    ],
    [
      'time: an undated statement on the older side is undated, not outdated',
      [{ value: '15', source: 'a', date: '2025-08-07' }, { value: '45', source: 'b', date: '2022-03-15' }, { value: '45', source: 'c', date: null }],
      { adopted: '15', rule: 'time', rejected: ['b:outdated', 'c:undated'] },
    ],
    [
      'consensus: more independent families win; copies count once',
      [
        { value: '0.1', source: 'a', family: 'f1' },
        { value: '0.1', source: 'b', family: 'f2' },
        { value: '0.5', source: 'c', family: 'f3' },
        { value: '0.5', source: 'd', family: 'f3' },
      ],
      { adopted: '0.1', rule: 'consensus', rejected: ['c:minority', 'd:minority'] },
    ],
    [
      'unresolved: nothing decides',
      [{ value: 'yes', source: 'a' }, { value: 'no', source: 'b' }],
      { adopted: null, rule: 'unresolved', rejected: [] },
    ],
    [
      'agreement: one value applying is no contradiction',
      [{ value: 'yes', source: 'a' }, { value: 'yes', source: 'b' }],
      { adopted: 'yes', rule: null, rejected: [] },
    ],
  ])('%s', (_name, rows, expected) => {
    expect(decide(rows)).toEqual(expected);
  });

  it('should keep statements limited to a situation the user did not mention as exceptions, not as rejected', () => {
    const resolution = reconcileCandidates([candidate({ value: 'yes', source: 'a' }), candidate({ value: 'no', source: 'b', verdict: 'narrower' })]);
    expect(resolution.adopted?.valueKey).toBe('yes');
    expect(resolution.rule).toBeNull();
    expect(resolution.exceptions.map((entry) => entry.statement.sourceId)).toEqual(['b']);
  });

  it('should trace every rule it tried', () => {
    const resolution = reconcileCandidates([candidate({ value: 'yes', source: 'a' }), candidate({ value: 'no', source: 'b' })]);
    expect(resolution.trace).toEqual([
      'applicability: 2 apply, 0 narrower, 0 set aside',
      'scope: no narrower statement',
      'internal_consistency: no source contradicts itself',
      'authority: no side is more authoritative',
      'time: does not decide',
      'consensus: does not decide',
      'unresolved',
    ]);
  });
});
