// The one answering core behind the CLI and the HTTP API: pure given the loaded index and the session.
import type { LoadedIndex } from '../index/load-index.js';
import { sentenceKey } from '../index/find-duplicates.js';
import type { TopicResolution } from '../reconcile/resolution-types.js';
import { resolveTopic } from '../reconcile/resolve-topic.js';
import type { PreparedTopic } from '../reconcile/topic-matcher.js';
import { findPlaces } from '../retrieval/region-gazetteer.js';
import { searchChunks } from '../retrieval/search-chunks.js';
import { nextSessionState, understandQuery, type SessionState } from '../retrieval/understand-query.js';
import { matchStandardAnswer } from '../standard-answers/match-standard-answer.js';
import type { AnswerResponse } from './answer-types.js';
import { CitationBook } from './citation-book.js';
import { composeAnswer, type TopicOutcome } from './compose-answer.js';
import { createRepresentativePicker } from './pick-representative.js';
import { chunkContext, coverage, rankSentences } from './rank-sentences.js';

export interface AnswerResult {
  response: AnswerResponse;
  session: SessionState;
}

const retrievedChunks = 8;
const maxMemoizedResolutions = 5000;
const articleCoverage = 0.35;
const teaserCoverage = 0.5;

/** Answers one message; the same index, message and session always give the same response. */
export async function answerQuestion({ index, message, session, sessionId, standardAnswerSimilarity = 0.9 }: {
  index: LoadedIndex;
  message: string;
  session: SessionState | null;
  sessionId: string;
  /** How similar a question must be to a standard answer's to get it (1: the same after normalization). */
  standardAnswerSimilarity?: number;
}): Promise<AnswerResult> {
  const understanding = understandQuery({ index, message, session });
  const { domain } = index.rules;
  const keyOf = (text: string) => sentenceKey(index.text.normalize(text));

  // The words that decide whether the corpus covers the question: the user's own, places aside.
  const ownWords = understanding.keywords.filter(({ token }) => findPlaces(token)[0]?.name !== token);

  const hits = await searchChunks({ index, query: understanding.effective, k: retrievedChunks, expanded: understanding.expanded });
  const eligible = hits.filter((hit) => {
    const share = coverage({ index, query: ownWords, text: chunkContext(index, hit.chunk), alternatives: index.synonymAlternatives });
    return share >= (index.documents.get(hit.chunk.sourceId)?.kind === 'teaser' ? teaserCoverage : articleCoverage);
  });

  // Resolutions depend only on the index, the topic and the user's scope, so they are memoized on the index.
  const scopeKey = JSON.stringify([Object.entries(understanding.scope.values).sort(), [...understanding.scope.regions].sort()]);
  const resolve = (topic: PreparedTopic): TopicResolution => {
    const key = `${topic.id}\u0000${scopeKey}`;
    let resolution = index.resolutions.get(key) as TopicResolution | undefined;
    if (!resolution) {
      resolution = resolveTopic({ topicId: topic.id, kind: topic.kind, stability: topic.stability, claims: index.claimsByTopic.get(topic.id) ?? [], user: understanding.scope, scopeRules: index.rules.scope });
      if (index.resolutions.size >= maxMemoizedResolutions) index.resolutions.clear();
      index.resolutions.set(key, resolution);
    }
    return resolution;
  };
  const outcomes: TopicOutcome[] = understanding.topics
    .map(({ topic }) => ({ topic, resolution: resolve(topic) }))
    .filter(({ resolution }) => resolution.adopted !== null || resolution.rule === 'unresolved');

  const nextSession = nextSessionState({ session, message, understanding });
  const disclaimer = understanding.treatment ? `${domain.assistant.disclaimer}${domain.assistant.treatmentDisclaimer}` : domain.assistant.disclaimer;
  const base = { sessionId, indexVersion: index.version, disclaimer, mode: 'extractive' as const };
  const standard = matchStandardAnswer({ answers: index.standardAnswers, question: message, normalize: index.text.normalize, threshold: standardAnswerSimilarity });
  if (standard) return { response: { ...base, mode: 'standard', status: 'answered', answer: standard.answer.answer, citations: standard.answer.citations, conflicts: [] }, session: nextSession };

  const sentences = rankSentences({ index, query: understanding.expanded, chunks: eligible.map((hit) => hit.chunk) });
  const noAnswer: AnswerResult = {
    response: { ...base, status: 'no_answer', answer: domain.assistant.noAnswer.replace('{coverage}', domain.assistant.coverage), citations: [], conflicts: [] },
    session: nextSession,
  };
  if (outcomes.length === 0 && sentences.length === 0) return noAnswer;

  const pick = createRepresentativePicker({ index, scope: understanding.scope, questionWords: ownWords });

  // A point must not state, as a side remark, a value the rules reject for the user on another topic.
  const contested = ({ chunkId, offset }: { chunkId: string; offset: number }) =>
    (index.claimsBySentence.get(`${chunkId}:${offset}`) ?? []).some((claim) => {
      if (outcomes.some((outcome) => outcome.topic.id === claim.topic)) return false;
      const topic = index.topics.find((candidate) => candidate.id === claim.topic)!;
      const resolution = resolve(topic);
      return resolution.rule === 'unresolved' || (resolution.adopted !== null && topic.kind !== 'list' && resolution.adopted.valueKey !== claim.valueKey);
    });

  const book = new CitationBook(index.documents);
  const { answer, conflicts } = composeAnswer({
    outcomes,
    question: understanding.normalized,
    sentences,
    answerWords: understanding.answerWords,
    contested,
    book,
    pick,
    sentenceKey: keyOf,
    advice: domain.assistant.unresolvedAdvice,
  });
  if (!answer) return noAnswer;
  return { response: { ...base, status: 'answered', answer, citations: book.citations(), conflicts }, session: nextSession };
}
