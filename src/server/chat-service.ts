// Answers a chat message with session state from the store; shared by every chat endpoint.
import { answerQuestion } from '../answer/answer-question.js';
import type { AnswerResponse } from '../answer/answer-types.js';
import { AppError } from '../errors/app-error.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { SessionState } from '../question/session-state.js';
import type { LlmAnswerer } from '../answer/llm/llm-answerer.js';
import { answerIdOf } from '../feedback/answer-id.js';
import type { AnsweredEvent } from '../feedback/log-conversation.js';
import type { ChatResponse } from './chat-response.js';
import type { Metrics } from './metrics.js';
import { issuedSessionIdPattern, newSessionId, type SessionStore } from './session-store.js';

/** What a request says about its session, and who is asking. */
export interface SessionRequest {
  /** The id the client sent, if any: continued only when it names a live session of `owner`. */
  id?: string;
  /** `"session": true`: start a session when `id` does not continue one. */
  start: boolean;
  owner: string;
}

export interface ChatService {
  /** The index serving right now (taken once per request). */
  index(): LoadedIndex;
  /**
   * Answers `message`. With `session`, the HTTP session contract applies: no id and no `start` is a one-off answer
   * (nothing stored, `sessionId: null`); an id the owner does not hold starts a new session with an id the server
   * issues. With `history` (the OpenAI route) the turns come from the request and nothing is stored.
   */
  answer(input: { index: LoadedIndex; message: string; session?: SessionRequest; history?: SessionState; channel?: string }): Promise<ChatResponse>;
  /** The answer to `message` without a session or a model, as feedback recomputes it. */
  recompute(input: { index: LoadedIndex; message: string }): Promise<AnswerResponse>;
}

interface Conversation {
  id: string | null;
  owner: string;
  state: SessionState | null;
}

/** The conversation a request continues or starts; another owner's session is never read into it. */
async function resolveConversation(sessions: SessionStore, request: SessionRequest): Promise<Conversation> {
  if (request.id !== undefined && issuedSessionIdPattern.test(request.id)) {
    const stored = await sessions.get(request.id);
    if (stored && stored.owner === request.owner) return { id: request.id, owner: request.owner, state: stored.state };
  }
  if (request.id !== undefined || request.start) return { id: newSessionId(), owner: request.owner, state: null };
  return { id: null, owner: request.owner, state: null };
}

/**
 * Answers are a pure function of (index version, session state, message), so repeated questions are served
 * from a small LRU cache; `cacheSize: 0` turns it off.
 */
export function createChatService({ indexes, sessions, metrics, cacheSize = 1000, llm = null, onAnswered, standardAnswerSimilarity }: { indexes: { current: LoadedIndex | null }; sessions: SessionStore; metrics: Metrics; cacheSize?: number; llm?: LlmAnswerer | null; onAnswered?: (event: AnsweredEvent) => void; standardAnswerSimilarity?: number }): ChatService {
  const cache = new Map<string, { response: AnswerResponse; session: SessionState }>();
  async function cachedAnswer(index: LoadedIndex, message: string, session: SessionState | null) {
    if (cacheSize === 0) return answerQuestion({ index, message, session, sessionId: '', standardAnswerSimilarity });
    const key = `${index.version}\u0000${session ? JSON.stringify(session) : ''}\u0000${message}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = await answerQuestion({ index, message, session, sessionId: '', standardAnswerSimilarity });
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
      const { response } = await cachedAnswer(index, message, null);
      return { ...response, sessionId: 'recomputed', answerId: answerIdOf({ indexVersion: index.version, question: message, answer: response.answer }) };
    },
    async answer({ index, message, session, history, channel = 'api' }) {
      const conversation = history ? { id: null, owner: '', state: history } : session ? await resolveConversation(sessions, session) : { id: null, owner: '', state: null };
      const result = await cachedAnswer(index, message, conversation.state);
      if (conversation.id !== null) await sessions.set(conversation.id, { owner: conversation.owner, state: result.session });
      const earlier = conversation.state?.turns.map((turn) => turn.message) ?? [];
      const answered = llm && result.response.mode !== 'standard' ? await llm.answer({ question: message, history: earlier, extractive: result.response, assistant: index.rules.domain.assistant }) : result.response;
      const response = { ...answered, answerId: answerIdOf({ indexVersion: index.version, question: message, answer: answered.answer }) };
      onAnswered?.({ message, sessionId: conversation.id ?? '', response, channel });
      metrics.answers.inc({ status: response.status });
      for (const conflict of response.conflicts) metrics.conflicts.inc({ rule: conflict.rule });
      return { ...response, sessionId: conversation.id };
    },
  };
}
