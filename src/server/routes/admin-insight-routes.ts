// GET /admin/conflicts (the corpus-wide contradiction report) and GET /admin/explain?q=… (hit testing with the trace).
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { interimConflictReport, interimExplain } from '../../operator/interim-engine-report.js';
import type { ChatService } from '../chat-service.js';
import { maxMessageLength } from '../request-schemas.js';

export const explainQuerySchema = z.object({ q: z.string().trim().min(1, 'q must not be empty').max(maxMessageLength) });

export function adminInsightRoutes({ chat, standardAnswerSimilarity }: { chat: ChatService; standardAnswerSimilarity: number }) {
  return new Hono()
    .get('/admin/conflicts', (context) => context.json(interimConflictReport({ index: chat.index() })))
    .get('/admin/explain', async (context) => {
      const parsed = explainQuerySchema.safeParse({ q: context.req.query('q') });
      if (!parsed.success) throw new AppError({ code: 'invalid_request', message: `Invalid query: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` });
      return context.json(await interimExplain({ index: chat.index(), question: parsed.data.q, standardAnswerSimilarity }));
    });
}
