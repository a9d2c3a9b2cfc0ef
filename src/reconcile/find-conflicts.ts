// The corpus-wide contradiction report: claims that answer the same thing with different values (pure).
import type { Authority } from '../corpus/corpus-types.js';
import type { Language } from '../rules/compile-language.js';
import type { Claim } from './derive-claims.js';
import { isDuration } from './find-quantities.js';
import { reconcileCandidates } from './reconcile-candidates.js';
import type { Candidate, Resolution } from './resolution-types.js';
import type { Statement } from './statement-types.js';

export interface ConflictSource {
  authority: Authority;
  date: string | null;
  family: string;
}

export interface ConflictEntry {
  /** What the claims are about: their shared words, or the label they share. */
  subject: string;
  /** The kind of value: a quantity's unit, or "是/否" for a polarity. */
  kind: string;
  /** Each value with the statements that state it. */
  values: Array<{ value: string; statements: Statement[] }>;
  /** The decision for a user who states no particular situation. */
  resolution: Resolution;
}

const quantitySubject = 0.34;
const polaritySubject = 0.3;

function jaccard(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared || 1);
}

class Groups {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, position) => position);
  }
  find(item: number): number {
    while (this.parent[item] !== item) item = this.parent[item] = this.parent[this.parent[item]];
    return item;
  }
  union(left: number, right: number): void {
    const [a, b] = [this.find(left), this.find(right)].sort((x, y) => x - y);
    this.parent[b] = a;
  }
}

const sameCondition = 0.5;

/**
 * Whether two statements can speak of one situation: one or neither is under a condition (a general statement
 * covers every situation), or both are under conditions that name the same things and whose durations overlap. Two
 * statements under different conditions are about different situations ("若新参保地未接入…可划入银行账户" beside
 * "省内跨市转移…时,不划转、不提现").
 */
function sameSituation(left: Statement, right: Statement): boolean {
  if (!left.condition || !right.condition) return true;
  const words = (statement: Statement) => new Set(statement.condition!.words.map((entry) => entry.word));
  const a = words(left);
  const b = words(right);
  if ((a.size > 0 || b.size > 0) && jaccard(a, b) < sameCondition) return false;
  return conditionsOverlap(left, right);
}

/**
 * Whether two statements of one document are items of one enumeration rather than rivals: lines of one section
 * ("在职职工…5000元" beside "退休人员…6000元"), or lines under different labels ("在三级医院:" beside "在二级及以下医院:").
 */
function enumerated(left: Statement, right: Statement): boolean {
  if (left.sourceId !== right.sourceId) return false;
  return (left.section !== null && left.section === right.section) || (left.label !== null && right.label !== null && left.label !== right.label);
}

/** Whether two conditions' durations can hold at once. */
function conditionsOverlap(left: Statement, right: Statement): boolean {
  const durations = (statement: Statement) => (statement.condition?.quantities ?? []).filter(isDuration);
  const a = durations(left);
  const b = durations(right);
  if (a.length === 0 || b.length === 0) return true;
  const range = (quantity: Statement['analysis']['quantities'][number]) => {
    const size = quantity.base / quantity.value;
    const low = quantity.comparator === 'atMost' ? 0 : quantity.base;
    const high = quantity.comparator === 'atLeast' ? Number.POSITIVE_INFINITY : quantity.upper !== null ? quantity.upper * size : quantity.base;
    return [low, high] as const;
  };
  return a.some((x) => b.some((y) => {
    const [lowX, highX] = range(x);
    const [lowY, highY] = range(y);
    return lowX < highY && lowY < highX;
  }));
}

/** The value a claim states, as a key ("15|工作日", "转移:no", "outcome:keep"), or null when it states none. */
function valueOf(claim: Claim, predicate: string | null): { key: string; label: string } | null {
  if (claim.kind === 'quantity' && claim.quantity) {
    const { value, upper, unit } = claim.quantity;
    return { key: `${value}${upper !== null ? `-${upper}` : ''}|${unit}`, label: `${value}${upper !== null ? `-${upper}` : ''}${unit}` };
  }
  if (claim.kind !== 'polarity') return null;
  if (predicate === null) return claim.outcome ? { key: `outcome:${claim.outcome}`, label: claim.outcome === 'keep' ? '保留' : '失去' } : null;
  const negated = claim.negated.includes(predicate);
  return { key: `${predicate}:${negated ? 'no' : 'yes'}`, label: `${negated ? '不' : ''}${predicate}` };
}

function kindOf(bucket: string): string {
  return bucket.startsWith('unit:') ? bucket.slice(5) : bucket.startsWith('predicate:') ? bucket.slice(10) : '保留/失去';
}

/** Pairs of comparable claims grouped into contradictions, each reconciled for a user who states nothing particular. */
export function findConflicts({ claims, sourceOf, language, weightOf }: {
  claims: Claim[];
  sourceOf: (sourceId: string) => ConflictSource;
  language: Language;
  /** How distinctive a word is (inverse document frequency). */
  weightOf: (word: string) => number;
}): ConflictEntry[] {
  const entries: ConflictEntry[] = [];
  const subjects = claims.map((claim) => new Set(claim.subject));
  const claimsOfStatement = new Map<string, Claim[]>();
  for (const claim of claims) claimsOfStatement.set(claim.statement.key, [...(claimsOfStatement.get(claim.statement.key) ?? []), claim]);
  const outcomeWords = new Set([...language.loss, ...language.keep]);

  // Buckets of claims that could answer the same thing: a quantity unit, a negated predicate, an outcome.
  const buckets = new Map<string, Array<{ position: number; predicate: string | null }>>();
  const add = (key: string, position: number, predicate: string | null) => buckets.set(key, [...(buckets.get(key) ?? []), { position, predicate }]);
  const negatedWords = new Set(claims.flatMap((claim) => claim.negated.filter((word) => word.length > 1 && !outcomeWords.has(word)).slice(0, 1)));
  claims.forEach((claim, position) => {
    // Examples and anecdotes ("张先生…") illustrate; they do not state what holds.
    if (claim.statement.example) return;
    if (claim.kind === 'quantity' && claim.quantity) add(`unit:${claim.quantity.unit}`, position, null);
    if (claim.kind !== 'polarity') return;
    if (claim.outcome) add('outcome', position, null);
    // What a negation denies is the word right after it ("不划转"); a claim that says the word plainly is its rival.
    for (const word of new Set(claim.words)) if (negatedWords.has(word)) add(`predicate:${word}`, position, word);
  });

  // A statement giving one figure per party ("总馆受理…3个工作日,分馆发证…2个工作日") breaks a whole down: each part
  // rivals only a claim about that part, named by the words that tell it from its siblings.
  const ownWords = claims.map((claim) => {
    if (claim.kind !== 'quantity' || !claim.quantity) return null;
    const siblings = (claimsOfStatement.get(claim.statement.key) ?? []).filter((other) => other !== claim && other.quantity?.unit === claim.quantity!.unit && other.quantity.value !== claim.quantity!.value);
    return siblings.length === 0 ? null : claim.subject.filter((word) => !siblings.some((other) => other.subject.includes(word)));
  });
  const samePart = (left: number, right: number) =>
    (ownWords[left] === null || ownWords[left]!.some((word) => subjects[right].has(word))) && (ownWords[right] === null || ownWords[right]!.some((word) => subjects[left].has(word)));

  for (const [bucket, members] of buckets) {
    if (members.length < 2) continue;
    const threshold = bucket.startsWith('unit:') ? quantitySubject : polaritySubject;
    const groups = new Groups(members.length);
    for (let left = 0; left < members.length; left++) {
      for (let right = left + 1; right < members.length; right++) {
        const a = claims[members[left].position];
        const b = claims[members[right].position];
        if (a.statement.key === b.statement.key || !sameSituation(a.statement, b.statement) || enumerated(a.statement, b.statement) || !samePart(members[left].position, members[right].position)) continue;
        const predicate = members[left].predicate;
        const leftSubject = new Set([...subjects[members[left].position]].filter((word) => word !== predicate));
        const rightSubject = new Set([...subjects[members[right].position]].filter((word) => word !== predicate));
        if (jaccard(leftSubject, rightSubject) >= threshold) groups.union(left, right);
      }
    }
    const byGroup = new Map<number, typeof members>();
    members.forEach((member, position) => byGroup.set(groups.find(position), [...(byGroup.get(groups.find(position)) ?? []), member]));
    for (const group of byGroup.values()) {
      const values = new Map<string, { label: string; claims: Claim[] }>();
      for (const member of group) {
        const claim = claims[member.position];
        const value = valueOf(claim, member.predicate);
        if (!value) continue;
        const entry = values.get(value.key) ?? { label: value.label, claims: [] };
        if (!entry.claims.some((other) => other.statement.key === claim.statement.key)) entry.claims.push(claim);
        values.set(value.key, entry);
      }
      // A statement on both sides (a clause that keeps and one that loses) contradicts nothing by itself: it is left out.
      const sides = new Map<string, number>();
      for (const entry of values.values()) for (const claim of entry.claims) sides.set(claim.statement.key, (sides.get(claim.statement.key) ?? 0) + 1);
      for (const [key, entry] of values) {
        entry.claims = entry.claims.filter((claim) => sides.get(claim.statement.key) === 1);
        if (entry.claims.length === 0) values.delete(key);
      }
      if (values.size < 2) continue;
      const candidates: Candidate[] = [...values].flatMap(([key, entry]) =>
        entry.claims.map((claim) => {
          const source = sourceOf(claim.statement.sourceId);
          const strict = claim.statement.condition !== null || claim.statement.scope.regions.length > 0 || Object.keys(claim.statement.scope.changes).length > 0;
          return {
            statement: claim.statement,
            valueKey: key,
            authority: source.authority,
            date: source.date,
            asOf: claim.statement.analysis.asOf,
            family: source.family,
            figure: claim.statement.analysis.asOf !== null,
            verdict: strict ? ('narrower' as const) : ('applies' as const),
            specificity: 0,
          };
        }),
      );
      // The subject: the words every claim shares, else those most of them share, the most distinctive first.
      const counts = new Map<string, number>();
      for (const member of group) for (const word of subjects[member.position]) if (word !== member.predicate) counts.set(word, (counts.get(word) ?? 0) + 1);
      const most = Math.max(0, ...counts.values());
      const shared = [...counts].filter(([, count]) => count === most && count > 1).map(([word]) => word);
      const subject = shared.sort((left, right) => weightOf(right) - weightOf(left) || left.localeCompare(right)).slice(0, 4).join('·') || claims[group[0].position].statement.label || kindOf(bucket);
      entries.push({
        subject,
        kind: kindOf(bucket),
        values: [...values.values()].map((entry) => ({ value: entry.label, statements: entry.claims.map((claim) => claim.statement) })),
        resolution: reconcileCandidates(candidates),
      });
    }
  }
  return entries.sort((left, right) => right.values.reduce((sum, value) => sum + value.statements.length, 0) - left.values.reduce((sum, value) => sum + value.statements.length, 0) || left.subject.localeCompare(right.subject));
}
