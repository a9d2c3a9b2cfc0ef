// POST /api/chat and POST /api/chat/stream (Server-Sent Events).
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChatService } from '../chat-service.js';
import { readJsonBody } from '../read-json-body.js';
import { chatRequestSchema } from '../request-schemas.js';
import { splitDeltas } from '../split-deltas.js';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error.js';
import { errorBody } from '../error-table.js';
import { sessionOwner } from '../middleware/auth.js';
import type { ChatRequest } from '../request-schemas.js';

export function chatRoutes({ chat, logger, logQuestions }: { chat: ChatService; logger: Logger; logQuestions: boolean }) {
  const logQuestion = (requestId: string, message: string) => {
    if (logQuestions) logger.info({ requestId, question: message }, 'question');
    else logger.debug({ requestId, question: message }, 'question');
  };
  const sessionOf = (body: ChatRequest, context: { get(key: never): unknown }) => ({ id: body.sessionId ?? undefined, start: body.session === true, owner: sessionOwner(context) });
  return new Hono()
    .post('/api/chat', async function postChat(context) {
      const body = await readJsonBody(context, chatRequestSchema);
      logQuestion(String(context.get('requestId' as never)), body.message);
      const index = chat.index();
      return context.json(await chat.answer({ index, message: body.message, session: sessionOf(body, context) }));
    })
    .post('/api/chat/stream', async function postChatStream(context) {
      const body = await readJsonBody(context, chatRequestSchema);
      logQuestion(String(context.get('requestId' as never)), body.message);
      const index = chat.index();
      const session = sessionOf(body, context);
      return streamSSE(context, async function stream(sse) {
        try {
          const response = await chat.answer({ index, message: body.message, session, channel: 'stream' });
          await sse.writeSSE({ event: 'meta', data: JSON.stringify({ sessionId: response.sessionId, indexVersion: response.indexVersion, status: response.status, answerId: response.answerId, mode: response.mode }) });
          for (const delta of splitDeltas(response.answer)) await sse.writeSSE({ event: 'delta', data: JSON.stringify({ text: delta }) });
          await sse.writeSSE({ event: 'citations', data: JSON.stringify(response.citations) });
          await sse.writeSSE({ event: 'conflicts', data: JSON.stringify(response.conflicts) });
          await sse.writeSSE({ event: 'disclaimer', data: JSON.stringify({ text: response.disclaimer }) });
          await sse.writeSSE({ event: 'done', data: JSON.stringify({ status: response.status }) });
        } catch (error) {
          const code = error instanceof AppError ? error.code : 'internal_error';
          logger.error({ error: (error as Error).message }, 'stream failed');
          await sse.writeSSE({ event: 'error', data: JSON.stringify(errorBody(code, error instanceof AppError ? error.message : 'The answer could not be produced.').error) });
        }
      });
    });
}
