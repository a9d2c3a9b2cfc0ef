// Answers a chat message with session state from the store; shared by every chat endpoint.
import { answerQuestion } from '../answer/answer-question.js';
import type { AnswerResponse } from '../answer/answer-types.js';
import { AppError } from '../errors/app-error.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { SessionState } from '../question/session-state.js';
import type { LlmAnswerer } from '../answer/llm/llm-answerer.js';
import { answerIdOf } from '../feedback/answer-id.js';
import type { AnsweredEvent } from '../feedback/log-conversation.js';
import type { Metrics } from './metrics.js';
import { SessionStore } from './session-store.js';

export interface ChatService {
  /** The index serving right now (taken once per request). */
  index(): LoadedIndex;
  answer(input: { index: LoadedIndex; message: string; sessionId?: string; history?: SessionState; channel?: string }): Promise<AnswerResponse>;
  /** The answer to `message` without a session or a model, as feedback recomputes it. */
  recompute(input: { index: LoadedIndex; message: string }): Promise<AnswerResponse>;
}


/**
 * Answers are a pure function of (index version, session state, message), so repeated questions are served
 * from a small LRU cache; `cacheSize: 0` turns it off.
 */
export function createChatService({ indexes, sessions, metrics, cacheSize = 1000, llm = null, onAnswered, standardAnswerSimilarity }: { indexes: { current: LoadedIndex | null }; sessions: SessionStore; metrics: Metrics; cacheSize?: number; llm?: LlmAnswerer | null; onAnswered?: (event: AnsweredEvent) => void; standardAnswerSimilarity?: number }): ChatService {
  const cache = new Map<string, { response: AnswerResponse; session: SessionState }>();
  async function cachedAnswer(index: LoadedIndex, message: string, session: SessionState | null, sessionId: string) {
    if (cacheSize === 0) return answerQuestion({ index, message, session, sessionId, standardAnswerSimilarity });
    const key = `${index.version}\u0000${session ? JSON.stringify(session) : ''}\u0000${message}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return { response: { ...hit.response, sessionId }, session: hit.session };
    }
    const result = await answerQuestion({ index, message, session, sessionId, standardAnswerSimilarity });
    cache.set(key, result);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return result;
  }
  return {
    index() {
      if (!indexes.current) throw new AppError({ code: 'index_not_found', message: 'No index is loaded yet. Run `npm run ingest` or wait for the build to finish.' });
      return indexes.current;
    },
    async recompute({ index, message }) {
      const { response } = await cachedAnswer(index, message, null, 'recomputed');
      return { ...response, answerId: answerIdOf({ indexVersion: index.version, question: message, answer: response.answer }) };
    },
    async answer({ index, message, sessionId, history, channel = 'api' }) {
      // An unknown or expired session starts afresh; a client-chosen id is kept so it can continue.
      const id = sessionId ?? SessionStore.newId();
      const session = history ?? (sessionId ? sessions.get(sessionId) : null);
      const result = await cachedAnswer(index, message, session, id);
      if (!history) sessions.put(id, result.session);
      const earlier = (history ?? session)?.turns.map((turn) => turn.message) ?? [];
      const answered = llm && result.response.mode !== 'standard' ? await llm.answer({ question: message, history: earlier, extractive: result.response, assistant: index.rules.domain.assistant }) : result.response;
      const response = { ...answered, answerId: answerIdOf({ indexVersion: index.version, question: message, answer: answered.answer }) };
      onAnswered?.({ message, sessionId: id, response, channel });
      metrics.answers.inc({ status: response.status });
      for (const conflict of response.conflicts) metrics.conflicts.inc({ rule: conflict.rule });
      return response;
    },
  };
}
