// A yes/no part: each statement's yes or no to what is asked, reconciled; the adopted side's word and statement lead.
import type { LoadedIndex } from '../index/load-index.js';
import type { FocusWord, QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import { findQuantities } from '../reconcile/find-quantities.js';
import { readPolarity, type PolarityReading } from '../reconcile/read-polarity.js';
import { reconcileCandidates } from '../reconcile/reconcile-candidates.js';
import type { Resolution } from '../reconcile/resolution-types.js';
import type { Evidence } from '../retrieval/retrieve-evidence.js';
import { questionContextOf } from './answer-question.js';
import { best, candidateOf, scoreEvidence } from './rank-evidence.js';

export interface PolarEvidence {
  evidence: Evidence;
  reading: PolarityReading;
}

const comparableShare = 0.5;


/**
 * The asked nouns the corpus uses least: what the question is about ("统筹账户" in "统筹账户的钱能转到新的参保地吗").
 * Nouns about as rare as the rarest one (within 1.5×) all count.
 */
export function distinctiveNouns({ index, part }: { index: LoadedIndex; part: QuestionPart }): FocusWord[] {
  const { frequency } = questionContextOf(index);
  const nouns = part.predicate.filter((word) => !word.verb && word.word.length > 1 && frequency(word.word) > 0);
  if (nouns.length === 0) return [];
  const rarest = Math.min(...nouns.map((word) => frequency(word.word)));
  return nouns.filter((word) => frequency(word.word) <= rarest * 1.5);
}

const coordination = /^(及|和|与|、|以及|或)/;

/**
 * Whether a statement is about the distinctive noun: it names it (or its label does), and — when it answers by a
 * verb — not only as one item of a coordination ("转移个人账户及统筹账户余额" mentions, it does not state).
 */
function isAbout(statement: PolarEvidence['evidence']['statement'], nouns: FocusWord[], basis: string): boolean {
  if (nouns.length === 0) return true;
  const text = `${statement.label ?? ''}|${statement.normalized}`;
  const alternatives = nouns.flatMap((noun) => noun.alternatives.filter((alternative) => alternative.length > 1));
  const positions = alternatives.flatMap((alternative) => {
    const found: Array<[number, number]> = [];
    for (let at = text.indexOf(alternative); at >= 0; at = text.indexOf(alternative, at + 1)) found.push([at, at + alternative.length]);
    return found;
  });
  if (positions.length === 0) return false;
  if (basis === 'noun') return true;
  return positions.some(([start, end]) => !coordination.test(text.slice(end)) && !/(及|和|与|、|以及|或)$/.test(text.slice(0, start)));
}

/** Every piece of evidence that says yes or no to the part's question. */
export function readAnswers({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): PolarEvidence[] {
  const { language, synonyms } = index.reading;
  const nouns = distinctiveNouns({ index, part });
  const given = new Set(part.given.flatMap((word) => synonyms.alternatives(word)));
  const askedQuantities = findQuantities({ text: part.asked, language });
  const polar: PolarEvidence[] = [];
  for (const item of evidence) {
    const reading = readPolarity({
      statement: item.statement,
      words: part.predicate,
      quantities: askedQuantities,
      presupposed: (word) => [...given].some((said) => said.length > 1 && (word.includes(said) || said.includes(word))),
      userQuantities: analysis.situation.quantities,
      language,
    });
    if (reading && isAbout(item.statement, nouns, reading.basis)) polar.push({ evidence: item, reading });
  }
  return polar;
}

/** The resolution of the statements comparable with the best one, and that best statement. */
export function resolveYesNo({ index, polar }: { index: LoadedIndex; polar: PolarEvidence[] }): { lead: PolarEvidence; resolution: Resolution } | null {
  const applicable = polar.filter((item) => item.evidence.verdict === 'applies');
  const lead = best(applicable.length > 0 ? applicable : polar.filter((item) => item.evidence.verdict === 'narrower'));
  if (!lead) return null;
  // Comparable: statements that answer by the asked verb or outcome about the asked subject (found by readAnswers),
  // and statements that only mention a noun when they are about as relevant as the best one.
  const floor = comparableShare * lead.evidence.coverage;
  const comparable = polar.filter((item) => (item.reading.basis !== 'noun' && item.evidence.coverage >= floor / 2) || (item.evidence.coverage >= floor && scoreEvidence(item.evidence) >= comparableShare * scoreEvidence(lead.evidence)));
  const seen = new Set<string>();
  const candidates = comparable
    .filter((item) => !seen.has(item.evidence.statement.key) && seen.add(item.evidence.statement.key))
    .map((item) => candidateOf({ index, evidence: item.evidence, valueKey: item.reading.answer }));
  return { lead, resolution: reconcileCandidates(candidates) };
}
