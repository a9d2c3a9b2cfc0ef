// What `ask --trace` and the operators' explain view show: the question analysis, the retrieved passages with their
// scores and verdicts, the comparable claims and the rule trace, next to the answer itself.
import type { LoadedIndex } from '../index/load-index.js';
import type { SessionState } from '../question/session-state.js';
import { retrieveEvidence } from '../retrieval/retrieve-evidence.js';
import { answerQuestion } from './answer-question.js';
import type { AnswerResponse } from './answer-types.js';
import { scoreEvidence } from './rank-evidence.js';

export interface Explanation {
  analysis: {
    parts: Array<{ text: string; type: string; yesNo: { yes: string; no: string } | null; unit: string | null; focus: Array<{ word: string; weight: number; asked: boolean }> }>;
    situation: { scope: unknown; words: string[]; quantities: string[] };
    refusal: string | null;
    unknownWords: string[];
    followUp: boolean;
  };
  passages: Array<{ part: number; sourceId: string; sentence: string; label: string | null; path: string[]; score: number; coverage: number; verdict: string; specificity: number }>;
  claims: Array<{ part: number; sourceId: string; sentence: string; value: string; verdict: string; specificity: number; authority: string; date: string | null; family: string }>;
  rules: Array<{ part: number; rule: string | null; trace: string[] }>;
  response: AnswerResponse;
}

/** Answers a question and reports every step's findings (pure given the index and session). */
export async function explainQuestion({ index, message, session = null }: { index: LoadedIndex; message: string; session?: SessionState | null }): Promise<Explanation> {
  const { response, trace } = await answerQuestion({ index, message, session, sessionId: null });
  const { analysis } = trace;
  const passages: Explanation['passages'] = [];
  for (const [part, question] of analysis.parts.entries()) {
    const evidence = await retrieveEvidence({ index, analysis, part: question });
    for (const item of [...evidence].sort((left, right) => scoreEvidence(right) - scoreEvidence(left)).slice(0, 12)) {
      const { statement } = item;
      passages.push({ part, sourceId: statement.sourceId, sentence: statement.text, label: statement.label, path: statement.path, score: Number(scoreEvidence(item).toFixed(3)), coverage: Number(item.coverage.toFixed(3)), verdict: item.verdict, specificity: item.specificity });
    }
  }
  const claims: Explanation['claims'] = [];
  const rules: Explanation['rules'] = [];
  trace.parts.forEach((answer, part) => {
    const resolution = answer.resolution;
    if (!resolution) return;
    const candidates = [...(resolution.adopted?.candidates ?? []), ...resolution.rejected.map((entry) => entry.candidate), ...resolution.sides.flatMap((side) => side.candidates), ...resolution.exceptions];
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (seen.has(candidate.statement.key)) continue;
      seen.add(candidate.statement.key);
      claims.push({ part, sourceId: candidate.statement.sourceId, sentence: candidate.statement.text, value: candidate.valueKey, verdict: candidate.verdict, specificity: candidate.specificity, authority: candidate.authority, date: candidate.date, family: candidate.family });
    }
    rules.push({ part, rule: resolution.rule, trace: resolution.trace });
  });
  return {
    analysis: {
      parts: analysis.parts.map((part) => ({ text: part.text, type: part.type, yesNo: part.yesNo, unit: part.unit?.unit ?? null, focus: part.focus.map((word) => ({ word: word.word, weight: word.weight, asked: word.asked })) })),
      situation: { scope: analysis.situation.scope, words: analysis.situation.words, quantities: analysis.situation.quantities.map((quantity) => `${quantity.value}${quantity.unit}(${quantity.comparator})`) },
      refusal: analysis.refusal,
      unknownWords: analysis.unknownWords,
      followUp: analysis.followUp,
    },
    passages,
    claims,
    rules,
    response,
  };
}
