// The opt-in conversation log (LOG_CONVERSATIONS=1): personal data, kept LOG_RETENTION_DAYS, never required.
import type { Logger } from 'pino';
import type { OperatorStore } from '../operator-store/operator-store.js';
import type { AnswerResponse } from '../answer/answer-types.js';

/** What the chat service reports after each answer. */
export type AnsweredEvent = { message: string; sessionId: string; response: AnswerResponse; channel: string };

/** Records each answered question; a failing write is logged and never fails the answer. */
export function conversationLogger({ store, logger }: { store: OperatorStore; logger: Logger }): (event: AnsweredEvent) => void {
  return function logConversation({ message, sessionId, response, channel }) {
    store
      .addConversation({ sessionId, question: message, answer: response.answer, status: response.status, mode: response.mode ?? null, indexVersion: response.indexVersion, answerId: response.answerId ?? '', channel })
      .catch((error: Error) => logger.error({ error: error.message }, 'conversation log write failed'));
  };
}

/** Deletes conversations older than the retention; returns how many. */
export function purgeOldConversations({ store, retentionDays, now = () => Date.now() }: { store: OperatorStore; retentionDays: number; now?: () => number }): Promise<number> {
  return store.purgeConversations(new Date(now() - retentionDays * 86_400_000).toISOString());
}
