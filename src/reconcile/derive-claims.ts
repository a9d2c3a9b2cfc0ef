// Claims a statement makes: quantities, polarities (negated, outcome, modality) and lists, clause by clause (pure).
import type { Language } from '../rules/compile-language.js';
import { isNegated } from './analyse-sentence.js';
import type { Quantity } from './find-quantities.js';
import type { Statement } from './statement-types.js';

export type ClaimKind = 'quantity' | 'polarity' | 'list';
export type Outcome = 'keep' | 'loss';

export interface Claim {
  id: string;
  kind: ClaimKind;
  statement: Statement;
  /** Index of the clause in the statement's analysis. */
  clause: number;
  /** What the claim is about: the clause's content words and the line's label, canonical. */
  subject: string[];
  /** The content words of the claim's own clause. */
  words: string[];
  quantity: Quantity | null;
  /** Content words of the clause under a negation. */
  negated: string[];
  /** Whether the clause says something is kept (累计, 继续使用, 不会清零) or lost (清零, 失效, 冻结). */
  outcome: Outcome | null;
  items: string[] | null;
}

/**
 * The outcome a clause states: of the outcome words found (longest first, not overlapping), the last one, which is
 * the clause's predicate ("断交之前的缴费年限也仍然有效": 仍然有效, not the 断 of 断交); flipped under a negation.
 */
export function outcomeOf({ statement, clause, language }: { statement: Statement; clause: number; language: Language }): Outcome | null {
  const { start, end } = statement.analysis.clauses[clause];
  const text = statement.normalized.slice(start, end);
  const taken: Array<[number, number]> = [];
  let found: { outcome: Outcome; at: number } | null = null;
  for (const [outcome, words] of [['loss', language.loss], ['keep', language.keep]] as const) {
    for (const word of words) {
      const at = text.indexOf(word);
      if (at < 0 || taken.some(([from, to]) => at < to && at + word.length > from)) continue;
      taken.push([at, at + word.length]);
      if (!found || at > found.at) found = { outcome, at };
    }
  }
  if (!found) return null;
  const negated = isNegated(statement.analysis, start + found.at);
  return negated ? (found.outcome === 'keep' ? 'loss' : 'keep') : found.outcome;
}

/** Content words of a clause that lie under a negation. */
function negatedWords(statement: Statement, clause: number): string[] {
  const { start, end, negations } = statement.analysis.clauses[clause];
  if (negations.length === 0) return [];
  const text = statement.normalized.slice(start, end);
  const words: string[] = [];
  let cursor = 0;
  for (const word of statement.clauseTokens[clause]) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    if (isNegated(statement.analysis, start + at)) words.push(word);
  }
  return words;
}

/** Every claim of a statement: one per quantity of a main clause, one per polar clause, one per list. */
export function deriveClaims({ statement, language }: { statement: Statement; language: Language }): Claim[] {
  const claims: Claim[] = [];
  // A claim's subject is what it is about: its words without numbers, units and comparators, nor, in a sentence
  // stating a change ("由15个工作日压缩至7个工作日"), the words of the change (由, 压缩, 至).
  const changes = statement.analysis.quantities.some((quantity) => quantity.former !== null);
  const changeWords = changes ? [...language.changeVerbs, ...language.changeTargets, ...language.changeFrom] : [];
  const valueWords = new Set([...language.units.map((unit) => unit.spelling), ...changeWords, ...language.atMost, ...language.atLeast, ...language.approximately, ...language.negation, ...language.possible, ...language.necessary, ...language.hedgeDefault, ...language.hedgePartial]);
  // A unit the segmenter joined to its comparator ("工作日内") is a value word too.
  const unitSpellings = language.units.map((unit) => unit.spelling).filter((spelling) => spelling.length > 1);
  const isValueWord = (word: string) => valueWords.has(word) || unitSpellings.some((spelling) => word.startsWith(spelling) && valueWords.has(word.slice(spelling.length)));
  const about = (words: string[]) => words.filter((word) => !/\d/.test(word) && !isValueWord(word));
  const labelWords = about(statement.analysis.clauses.flatMap((clause, position) => (clause.label ? statement.clauseTokens[position] : [])));
  // A polar clause often leaves its subject to the clause before ("统筹账户余额…,无法直接转移"): it is about the sentence.
  const sentenceWords = about(statement.analysis.clauses.flatMap((clause, position) => (clause.label || clause.condition ? [] : statement.clauseTokens[position])));
  statement.analysis.clauses.forEach((clause, position) => {
    if (clause.label || clause.condition) return;
    const subject = [...new Set([...about(statement.clauseTokens[position]), ...labelWords])];
    const quantities = statement.analysis.quantities.filter((quantity) => quantity.start >= clause.start && quantity.start < clause.end && !quantity.superseded);
    quantities.forEach((quantity, index) => {
      claims.push({ id: `${statement.key}#${position}q${index}`, kind: 'quantity', statement, clause: position, subject, words: statement.clauseTokens[position], quantity, negated: [], outcome: null, items: null });
    });
    const outcome = outcomeOf({ statement, clause: position, language });
    if (quantities.length === 0 && (clause.negations.length > 0 || outcome !== null || clause.modality !== null)) {
      const polarSubject = [...new Set([...sentenceWords, ...labelWords])];
      claims.push({ id: `${statement.key}#${position}p`, kind: 'polarity', statement, clause: position, subject: polarSubject, words: statement.clauseTokens[position], quantity: null, negated: negatedWords(statement, position), outcome, items: null });
    }
  });
  if (statement.analysis.list) {
    claims.push({ id: `${statement.key}#l`, kind: 'list', statement, clause: 0, subject: [...new Set(statement.clauseTokens.flat())], words: statement.clauseTokens.flat(), quantity: null, negated: [], outcome: null, items: statement.analysis.list });
  }
  return claims;
}

/**
 * Claim counts for the ingest summary: the claims `deriveClaims` makes (quantity, polarity, list), and of the
 * statements, those under a condition, with a change statement, and figures with an as-of date.
 */
export function countClaims({ statements, language }: { statements: Statement[]; language: Language }): Record<string, number> {
  const counts: Record<string, number> = { quantity: 0, polarity: 0, list: 0, condition: 0, change: 0, asOf: 0 };
  for (const statement of statements) {
    for (const claim of deriveClaims({ statement, language })) counts[claim.kind] += 1;
    if (statement.condition) counts.condition += 1;
    if (statement.analysis.quantities.some((quantity) => quantity.former !== null)) counts.change += 1;
    if (statement.analysis.asOf && statement.analysis.quantities.length > 0) counts.asOf += 1;
  }
  return counts;
}
