// How strongly a piece of evidence answers a part, and the candidate the rules weigh it as.
import type { LoadedIndex } from '../index/load-index.js';
import { supersedingOf, type Evidence } from '../retrieval/retrieve-evidence.js';
import type { Candidate } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import { rememberPerKey } from '../text/remember-per-key.js';

/** The share of a question's focus a statement must cover to answer it. */
export const minimumCoverage = 0.4;

const countDimensions = new Set(['provinces', 'cities', 'cards', 'items', 'institutions', 'times', 'people', 'visits', 'households']);

/** Relevance of evidence to the part: focus coverage, the asking clause's words, specificity; examples and teasers weigh less. */
export function scoreEvidence(evidence: Evidence): number {
  let score = evidence.coverage * (0.6 + 0.4 * evidence.askedCoverage) + 0.08 * evidence.specificity - 0.004 * evidence.rank;
  if (evidence.statement.example) score *= 0.55;
  if (evidence.truncated) score *= 0.9;
  if (evidence.statement.analysis.clauses.some((clause) => clause.hedge === 'partial')) score *= 0.95;
  return score;
}

/** Evidence that can be said at all: a sentence, not a heading, a question or page furniture. */
export function isSayable({ index, evidence }: { index: LoadedIndex; evidence: Evidence }): boolean {
  return sayable(evidence.statement, index);
}

/** How long a line ending in a colon must be to state something rather than name what follows. */
const leadInLength = 20;

const sayable = rememberPerKey((statement: Statement, index: LoadedIndex): boolean => {
  const { text, normalized } = statement;
  // Headings, questions and lines that only introduce a list ("…具体如下:") are not statements; a lead-in that says
  // something of its own ("申请提取…，应当提交本人身份证和本人名下银行卡，并按…提供相应证明材料：") is one.
  // A short exclamation ("医保转移必看!") calls for attention; it states nothing.
  // A lead-in may carry the number of the first item after it ("…需要满足以下条件: 1.").
  const line = normalized.replace(/([:：])\s*\d{1,2}[.、．]?$/, '$1');
  const length = [...line].length;
  if (length < 6 || /[?？]$/.test(line) || (length < leadInLength && /[:：]$/.test(line)) || (length < 12 && /[!！]$/.test(line))) return false;
  const { boilerplate, announcements } = index.rules.cleaning;
  if (/[:：]$/.test(line) && index.reading.language.listLeadIns.some((word) => line.includes(word))) return false;
  const said = line.replace(/[:：]$/, '');
  return !boilerplate.some((pattern) => pattern.test(text)) && !announcements.some((pattern) => pattern.test(said));
});

/** The best evidence by score, ties broken by document order for determinism. */
export function best<T extends { evidence: Evidence }>(items: T[]): T | undefined {
  return [...items].sort((left, right) => scoreEvidence(right.evidence) - scoreEvidence(left.evidence) || left.evidence.statement.key.localeCompare(right.evidence.statement.key))[0];
}

/** The candidate a piece of evidence is to the rules, stating `valueKey`. */
export function candidateOf({ index, evidence, valueKey }: { index: LoadedIndex; evidence: Evidence; valueKey: string }): Candidate {
  const { statement } = evidence;
  const document = index.documents.get(statement.sourceId);
  const figure = statement.analysis.asOf !== null || statement.analysis.quantities.some((quantity) => countDimensions.has(quantity.dimension));
  return {
    statement,
    valueKey,
    authority: document?.authority ?? 'unknown',
    // A rule counts from when it takes effect, when the operator says so.
    date: document?.effectiveDate ?? document?.date ?? null,
    asOf: statement.analysis.asOf,
    family: index.families.get(statement.sourceId) ?? statement.sourceId,
    figure,
    verdict: evidence.verdict,
    specificity: evidence.specificity,
    ...(evidence.verdict === 'superseded' ? { supersededBy: supersedingOf(index, statement.sourceId) } : {}),
  };
}
