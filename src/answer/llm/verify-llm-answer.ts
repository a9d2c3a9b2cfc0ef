// Deterministic checks of a generated answer against the passages and the rule layer's facts (pure).
import type { AnswerResponse, Citation } from '../answer-types.js';

export type FallbackReason =
  | 'not_configured'
  | 'no_answer'
  | 'circuit_open'
  | 'timeout'
  | 'upstream_error'
  | 'empty_output'
  | 'no_citations'
  | 'unsupported_number'
  | 'states_rejected'
  | 'contradicts_adopted';

export type Verification = { ok: true; answer: string; citations: Citation[]; repaired: string[] } | { ok: false; reason: FallbackReason; detail: string };

const numberPattern = /\d+(?:\.\d+)?/g;
const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/清0/g, '清零');

/** The yes/no word an extractive lead opens with ("不会。…") and its opposite family. */
function leadPolarity(lead: string): 'negative' | 'positive' | null {
  const opening = /^(不会|不能|不可以|不是|没有|不需要|不)[。，,]/.exec(lead) ? 'negative' : /^(会|可以|能|是|有|需要)[。，,]/.exec(lead) ? 'positive' : null;
  return opening;
}

/**
 * Verifies `text` against the extractive response it was grounded on: markers refer to given passages (unknown
 * markers are dropped), the used passages become the citations (renumbered by first use), every number appears in
 * a cited passage or an adopted fact, and the first paragraph neither states a rejected value nor flips the
 * adopted yes/no.
 */
export function verifyLlmAnswer({ text, extractive, question }: { text: string; extractive: AnswerResponse; question: string }): Verification {
  const repaired: string[] = [];
  let answer = text.trim().replace(/\r\n/g, '\n');
  if (!answer) return { ok: false, reason: 'empty_output', detail: 'the model returned no text' };
  const given = new Map(extractive.citations.map((citation) => [citation.n, citation]));
  answer = answer.replace(/\[(\d+)\]/g, (marker, number: string) => {
    if (given.has(Number(number))) return marker;
    repaired.push(`dropped unknown marker ${marker}`);
    return '';
  });
  const order: number[] = [];
  for (const match of answer.matchAll(/\[(\d+)\]/g)) if (!order.includes(Number(match[1]))) order.push(Number(match[1]));
  if (order.length === 0) return { ok: false, reason: 'no_citations', detail: 'the answer cites no passage' };
  const renumber = new Map(order.map((old, position) => [old, position + 1]));
  answer = answer.replace(/\[(\d+)\]/g, (_, number: string) => `[${renumber.get(Number(number))}]`);
  const citations = order.map((old) => ({ ...given.get(old)!, n: renumber.get(old)! }));

  const support = fold([question, ...citations.map((citation) => citation.quote), ...extractive.conflicts.map((conflict) => conflict.adopted?.statement ?? '')].join('\n'));
  const supported = new Set(support.match(numberPattern) ?? []);
  // List numbering ("1. ", "2、") is layout, not a figure.
  const prose = answer.replace(/\[\d+\]/g, '').replace(/^\s*\d+[.、．)]\s*/gm, '');
  for (const number of fold(prose).match(numberPattern) ?? []) {
    if (!supported.has(number)) return { ok: false, reason: 'unsupported_number', detail: `${number} appears in no cited passage or adopted fact` };
  }

  const lead = fold(answer.split(/\n\s*\n/)[0].replace(/\[\d+\]/g, ''));
  const adoptedNumbers = new Set(extractive.conflicts.flatMap((conflict) => fold(conflict.adopted?.statement ?? '').match(numberPattern) ?? []));
  for (const conflict of extractive.conflicts) {
    for (const rejected of conflict.rejected) {
      const statement = fold(rejected.statement);
      if (statement.length >= 6 && lead.includes(statement.slice(0, Math.min(statement.length, 16)))) {
        return { ok: false, reason: 'states_rejected', detail: `the first paragraph repeats the rejected statement ${rejected.statement}` };
      }
      for (const number of statement.match(numberPattern) ?? []) {
        if (!adoptedNumbers.has(number) && lead.includes(number)) return { ok: false, reason: 'states_rejected', detail: `the first paragraph states the rejected value ${number}` };
      }
    }
  }
  const expected = leadPolarity(fold(extractive.answer.split(/\n\s*\n/)[0]));
  const actual = leadPolarity(lead);
  if (expected && actual && expected !== actual) return { ok: false, reason: 'contradicts_adopted', detail: 'the first paragraph answers yes/no the other way round' };
  return { ok: true, answer, citations, repaired };
}
