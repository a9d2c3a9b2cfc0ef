// GET /admin/conflicts (the corpus-wide contradiction report) and GET /admin/explain?q=… (hit testing with the trace),
// both straight from the answer engine: buildConflictReport and explainQuestion, as `npm run conflicts` and `ask --trace`.
import { Hono } from 'hono';
import { z } from 'zod';
import { explainQuestion } from '../../answer/explain-question.js';
import { AppError } from '../../errors/app-error.js';
import { buildConflictReport } from '../../report/build-conflict-report.js';
import type { ChatService } from '../chat-service.js';
import { maxMessageLength } from '../request-schemas.js';

export const explainQuerySchema = z.object({ q: z.string().trim().min(1, 'q must not be empty').max(maxMessageLength) });

export function adminInsightRoutes({ chat }: { chat: ChatService }) {
  return new Hono()
    .get('/admin/conflicts', (context) => {
      const index = chat.index();
      // Each entry also names the corpus files behind the sources to retire, as the documents API addresses them.
      const pathOf = (sourceId: string) => index.documents.get(sourceId)?.path ?? sourceId;
      const conflicts = buildConflictReport({ index }).map((entry) => ({ ...entry, retireDocuments: [...new Set(entry.retire.map(pathOf))] }));
      return context.json({ indexVersion: index.version, conflicts });
    })
    .get('/admin/explain', async (context) => {
      const parsed = explainQuerySchema.safeParse({ q: context.req.query('q') });
      if (!parsed.success) throw new AppError({ code: 'invalid_request', message: `Invalid query: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` });
      const index = chat.index();
      const explanation = await explainQuestion({ index, message: parsed.data.q });
      // The answer as the chat API serves it without a session (standard answers at the configured similarity, its answerId).
      const response = await chat.recompute({ index, message: parsed.data.q });
      return context.json({ indexVersion: index.version, question: parsed.data.q, ...explanation, response });
    });
}
