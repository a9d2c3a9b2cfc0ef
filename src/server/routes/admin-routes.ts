// POST /admin/reindex (background ingest) and GET /admin/reindex (its state), behind ADMIN_TOKEN.
import { Hono } from 'hono';
import { AppError } from '../../errors/app-error.js';
import type { Reindexer } from '../reindexer.js';

export function adminRoutes({ reindexer, adminToken }: { reindexer: Reindexer | null; adminToken: string | undefined }) {
  return new Hono()
    .use('/admin/*', async function requireAdmin(context, next) {
      if (!adminToken || !reindexer) throw new AppError({ code: 'not_found', message: 'Admin endpoints are disabled: set ADMIN_TOKEN to enable them.' });
      const header = context.req.header('authorization') ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
      if (!token) throw new AppError({ code: 'unauthorized', message: 'Send the admin token as Authorization: Bearer <ADMIN_TOKEN>.' });
      if (token !== adminToken) throw new AppError({ code: 'forbidden', message: 'The admin token is not valid.' });
      await next();
    })
    // 409 (ingest_locked, from the error table) while this server's run or any other ingest of the index is going.
    .post('/admin/reindex', (context) => context.json({ started: true, status: reindexer!.start() }, 202))
    .get('/admin/reindex', (context) => context.json(reindexer!.status));
}
