// POST /v1/chat/completions and GET /v1/models: the OpenAI chat API for bots.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AppError } from '../../errors/app-error.js';
import type { LoadedIndex } from '../../index/load-index.js';
import { questionContextOf } from '../../answer/answer-question.js';
import { analyseQuestion } from '../../question/analyse-question.js';
import { nextSessionState, type SessionState } from '../../question/session-state.js';
import type { ChatResponse } from '../chat-response.js';
import type { ChatService } from '../chat-service.js';
import { readJsonBody } from '../read-json-body.js';
import { hasVisibleText, maxMessageLength, openAIChatRequestSchema, type OpenAIChatRequest } from '../request-schemas.js';
import { splitDeltas } from '../split-deltas.js';

export const modelName = 'kb-extractive';

/** Earlier user turns replayed as history: as many as a stored session keeps, so the work per request is bounded. */
export const historyTurns = 10;

function textOf(content: OpenAIChatRequest['messages'][number]['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => (part.type === 'text' ? part.text ?? '' : '')).join('');
}

/** The earlier user messages replayed as session turns. */
function historyOf(index: LoadedIndex, messages: string[]): SessionState {
  let session: SessionState = { turns: [] };
  for (const message of messages) session = nextSessionState({ session, analysis: analyseQuestion({ message, previous: session.turns.at(-1) ?? null, context: questionContextOf(index) }) });
  return session;
}

/** The assistant message: the answer, the cited sources and the disclaimer. */
export function assistantContent(response: ChatResponse): string {
  const sources = response.citations.map((citation) => `[${citation.n}] ${citation.title}${citation.date ? `（${citation.date}）` : ''}`);
  return [response.answer, sources.length ? `参考来源：\n${sources.join('\n')}` : '', response.disclaimer].filter(Boolean).join('\n\n');
}

function structured(response: ChatResponse) {
  return { status: response.status, citations: response.citations, conflicts: response.conflicts, disclaimer: response.disclaimer, indexVersion: response.indexVersion, answerId: response.answerId };
}

export function openAIRoutes({ chat, now }: { chat: ChatService; now: () => number }) {
  return new Hono()
    .get('/v1/models', (context) => context.json({ object: 'list', data: [{ id: modelName, object: 'model', created: 0, owned_by: 'kbqa' }] }))
    .post('/v1/chat/completions', async function postCompletions(context) {
      const body = await readJsonBody(context, openAIChatRequestSchema);
      const userMessages = body.messages.filter((message) => message.role === 'user').map((message) => textOf(message.content).trim());
      const question = userMessages.at(-1);
      if (!question || !hasVisibleText(question)) throw new AppError({ code: 'invalid_request', message: 'Invalid request: messages: the last user message must have text content' });
      if ([...question].length > maxMessageLength) throw new AppError({ code: 'invalid_request', message: `Invalid request: the last user message must be at most ${maxMessageLength} characters` });
      const index = chat.index();
      // Turns before the last `historyTurns` are ignored, however many the client sends.
      const history = historyOf(index, userMessages.slice(0, -1).filter(Boolean).slice(-historyTurns));
      const response = await chat.answer({ index, message: question, history, channel: 'openai' });
      const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
      const created = Math.floor(now() / 1000);
      const model = body.model ?? modelName;
      const content = assistantContent(response);
      if (!body.stream) {
        return context.json({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          kb: structured(response),
        });
      }
      return streamSSE(context, async function stream(sse) {
        const chunk = (delta: Record<string, unknown>, finishReason: string | null, extra: Record<string, unknown> = {}) =>
          JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }], ...extra });
        await sse.writeSSE({ data: chunk({ role: 'assistant', content: '' }, null) });
        for (const delta of splitDeltas(content)) await sse.writeSSE({ data: chunk({ content: delta }, null) });
        await sse.writeSSE({ data: chunk({}, 'stop', { kb: structured(response) }) });
        await sse.writeSSE({ data: '[DONE]' });
      });
    });
}
