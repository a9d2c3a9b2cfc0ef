// POST /admin/reindex (background ingest) and GET /admin/reindex (its state); the admin tokens are checked before.
import { Hono } from 'hono';
import { AppError } from '../../errors/app-error.js';
import type { ReindexControl } from '../reindexer.js';

export function adminRoutes({ reindexer }: { reindexer: ReindexControl | null }) {
  const enabled = () => {
    if (!reindexer) throw new AppError({ code: 'not_found', message: 'Re-indexing is not available on this server.' });
    return reindexer;
  };
  return new Hono()
    // 409 (ingest_locked, from the error table) while this server's run (a re-index or a console change) or any other ingest of the index is going.
    // Under WORKERS > 1 the run is the cluster primary's: start() asks it.
    .post('/admin/reindex', async (context) => context.json({ started: true, status: await enabled().start() }, 202))
    .get('/admin/reindex', (context) => context.json(enabled().status));
}
