// POST /admin/reindex (background ingest) and GET /admin/reindex (its state); the admin tokens are checked before.
import { Hono } from 'hono';
import { AppError } from '../../errors/app-error.js';
import type { Reindexer } from '../reindexer.js';

export function adminRoutes({ reindexer, otherIngestRunning = () => false }: { reindexer: Reindexer | null; otherIngestRunning?: () => boolean }) {
  const enabled = () => {
    if (!reindexer) throw new AppError({ code: 'not_found', message: 'Re-indexing is not available on this server.' });
    return reindexer;
  };
  return new Hono()
    .post('/admin/reindex', (context) => {
      const started = !otherIngestRunning() && enabled().start();
      return context.json({ started, status: enabled().status }, started ? 202 : 409);
    })
    .get('/admin/reindex', (context) => context.json(enabled().status));
}
