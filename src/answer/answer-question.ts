// The one answering core behind the CLI and the HTTP API, as a list of pure steps:
// analyse the question → retrieve evidence → gather comparable claims and reconcile them → compose.
import type { LoadedIndex } from '../index/load-index.js';
import { analyseQuestion, type QuestionContext } from '../question/analyse-question.js';
import type { QuestionAnalysis } from '../question/question-types.js';
import { nextSessionState, type SessionState } from '../question/session-state.js';
import { retrieveEvidence } from '../retrieval/retrieve-evidence.js';
import { matchStandardAnswer } from '../standard-answers/match-standard-answer.js';
import { answerPart } from './answer-part.js';
import type { AnswerResponse } from './answer-types.js';
import { CitationBook } from './citation-book.js';
import { composeAnswer } from './compose-answer.js';
import type { PartAnswer } from './part-answer-types.js';

export interface AnswerResult {
  response: AnswerResponse;
  session: SessionState;
  /** What the steps found, for `ask --trace` and the operators' explain view. */
  trace: { analysis: QuestionAnalysis; parts: PartAnswer[] };
}

/** The reading context of questions against an index (built once per index and kept by `questionContextOf`). */
const contexts = new WeakMap<LoadedIndex, QuestionContext>();

export function questionContextOf(index: LoadedIndex): QuestionContext {
  let context = contexts.get(index);
  if (!context) {
    const { followUp } = index.rules.domain;
    context = {
      text: index.text,
      reading: index.reading,
      // The domain's follow-up markers add to the language's own ("那…", "具体…", "…呢").
      followUp: {
        starts: [...new Set([...index.reading.language.followUpStarts, ...followUp.starts.map(index.text.normalize)])],
        ends: [...new Set([...index.reading.language.followUpEnds, ...followUp.ends.map(index.text.normalize)])],
        maxLengthWithoutTopic: followUp.maxLengthWithoutTopic,
      },
      treatmentCues: index.normalizedTreatmentCues,
      knows: (word) => index.lexical.postings[word] !== undefined,
      frequency: createFrequency(index),
      written: createWritten(index),
    };
    contexts.set(index, context);
  }
  return context;
}

/**
 * How many chunks use a word, counting every indexed word that contains it ("参保地" inside "新参保地"); memoized per
 * index in this function's own cache.
 */
/** Whether a text occurs in some statement, however the segmenter cut it; the corpus text is joined once, on first use. */
function createWritten(index: LoadedIndex): (text: string) => boolean {
  const memo = new Map<string, boolean>();
  let corpus: string | null = null;
  return (text) => {
    let found = memo.get(text);
    if (found === undefined) {
      corpus ??= index.statements.map((statement) => statement.normalized).join('\n');
      found = corpus.includes(text);
      memo.set(text, found);
    }
    return found;
  };
}

function createFrequency(index: LoadedIndex): (word: string) => number {
  const memo = new Map<string, number>();
  const vocabulary = Object.keys(index.lexical.postings);
  return (word) => {
    let count = memo.get(word);
    if (count === undefined) {
      count = 0;
      for (const token of vocabulary) if (token.includes(word)) count += index.lexical.postings[token].length / 2;
      memo.set(word, count);
    }
    return count;
  };
}

/** Answers one message; the same index, message and session always give the same response. */
export async function answerQuestion({ index, message, session, sessionId, standardAnswerSimilarity = 0.9 }: {
  index: LoadedIndex;
  message: string;
  session: SessionState | null;
  sessionId: string | null;
  /** How similar a question must be to an editor's standard answer's to get it (1: the same after normalization). */
  standardAnswerSimilarity?: number;
}): Promise<AnswerResult> {
  const { assistant } = index.rules.domain;
  const analysis = analyseQuestion({ message, previous: session?.turns.at(-1) ?? null, context: questionContextOf(index) });
  const disclaimer = analysis.treatment ? `${assistant.disclaimer}${assistant.treatmentDisclaimer}` : assistant.disclaimer;
  const base = { sessionId: sessionId as string, indexVersion: index.version, disclaimer, mode: 'extractive' as const };
  const nextSession = nextSessionState({ session, analysis });
  const decline = (text: string, parts: PartAnswer[] = []): AnswerResult => ({
    response: { ...base, status: 'no_answer', answer: text.replace('{coverage}', assistant.coverage), citations: [], conflicts: [] },
    session: nextSession,
    trace: { analysis, parts },
  });
  if (analysis.refusal && analysis.refusal !== 'entertain') return decline(assistant.refusal);
  // An editor's standard answer also replaces what would have been no answer.
  const standard = matchStandardAnswer({ answers: index.standardAnswers, question: message, normalize: index.text.normalize, threshold: standardAnswerSimilarity });
  if (standard) return { response: { ...base, mode: 'standard', status: 'answered', answer: standard.answer.answer, citations: standard.answer.citations, conflicts: [] }, session: nextSession, trace: { analysis, parts: [] } };
  if (analysis.refusal || analysis.unknownWords.length > 0 || analysis.parts.length === 0) return decline(assistant.noAnswer);

  const answers: PartAnswer[] = [];
  for (const [position, part] of analysis.parts.entries()) {
    const evidence = await retrieveEvidence({ index, analysis, part });
    const answer = answerPart({ index, analysis, part, evidence });
    if (!answer) {
      if (position === 0) return decline(assistant.noAnswer);
      continue;
    }
    answers.push(answer);
  }
  const book = new CitationBook(index.documents);
  const { answer, conflicts } = composeAnswer({ answers, book, advice: assistant.unresolvedAdvice });
  if (!answer) return decline(assistant.noAnswer, answers);
  return {
    response: { ...base, status: 'answered', answer, citations: book.citations(), conflicts },
    session: nextSession,
    trace: { analysis, parts: answers },
  };
}
