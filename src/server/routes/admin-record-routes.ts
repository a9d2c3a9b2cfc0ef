// GET /admin/feedback, /admin/conversations and /admin/audit: filtered lists, exported as CSV or JSON Lines.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { toCsv, toJsonLines } from '../../feedback/export-records.js';
import type { ListFilter, OperatorStore, Page } from '../../operator-store/operator-store.js';
import { AppError } from '../../errors/app-error.js';

const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be a date YYYY-MM-DD or an ISO time')
  .transform((value, context) => {
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(time)) {
      context.addIssue({ code: 'custom', message: 'is not a valid time' });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  });

const maxExportRows = 100_000;

export const listQuerySchema = z.object({
  from: instant.optional(),
  to: instant.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv', 'jsonl']).default('json'),
});
export const feedbackQuerySchema = listQuerySchema.extend({ rating: z.enum(['up', 'down']).optional(), indexVersion: z.string().max(100).optional() });
export const conversationQuerySchema = listQuerySchema.extend({ sessionId: z.string().max(128).optional() });
export const auditQuerySchema = listQuerySchema.extend({ actor: z.string().max(64).optional() });

function parseQuery<T extends z.ZodType>(context: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(context.req.query());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError({ code: 'invalid_request', message: `Invalid query: ${problems.join('; ')}`, details: problems });
  }
  return parsed.data;
}

/** One list endpoint: JSON pages, or every matching record as a CSV / JSONL download. */
function listing<Q extends z.infer<typeof listQuerySchema>, R extends object>({ name, schema, list, columns, extra = {} }: { name: string; schema: z.ZodType<Q>; list: (filter: ListFilter & Q) => Promise<Page<R>>; columns: Array<keyof R & string>; extra?: object }) {
  return async (context: Context) => {
    const query = parseQuery(context, schema);
    const exporting = query.format !== 'json';
    const page = await list({ ...query, search: query.q, ...(exporting ? { limit: maxExportRows, offset: 0 } : {}) });
    if (!exporting) return context.json({ ...extra, total: page.total, limit: query.limit, offset: query.offset, items: page.items });
    const stamp = new Date().toISOString().slice(0, 10);
    const csv = query.format === 'csv';
    return context.body(csv ? toCsv({ records: page.items, columns }) : toJsonLines({ records: page.items }), 200, {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${stamp}.${query.format}"`,
    });
  };
}

export function adminRecordRoutes({ store, logConversations, retentionDays }: { store: OperatorStore; logConversations: boolean; retentionDays: number }) {
  return new Hono()
    .get('/admin/feedback', listing({ name: 'feedback', schema: feedbackQuerySchema, list: (filter) => store.listFeedback(filter), columns: ['id', 'createdAt', 'rating', 'question', 'comment', 'answerId', 'indexVersion', 'answer', 'citations'] }))
    .get(
      '/admin/conversations',
      listing({
        name: 'conversations',
        schema: conversationQuerySchema,
        list: (filter) => store.listConversations(filter),
        columns: ['id', 'createdAt', 'sessionId', 'channel', 'question', 'status', 'mode', 'answer', 'answerId', 'indexVersion'],
        extra: { logging: logConversations, retentionDays },
      }),
    )
    .get('/admin/audit', listing({ name: 'audit', schema: auditQuerySchema, list: (filter) => store.listAudit(filter), columns: ['id', 'createdAt', 'actor', 'action', 'target', 'details'] }));
}
