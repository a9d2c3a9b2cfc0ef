// GET /admin/versions (the kept versions) and POST /admin/versions/<id>/activate (atomic rollback).
import { Hono } from 'hono';
import type { CorpusPublisher } from '../../operator/corpus-publisher.js';
import { activateVersion, listVersions } from '../../operator/index-versions.js';
import { adminName } from '../middleware/admin-auth.js';

export function adminVersionRoutes({ publisher, indexes }: { publisher: CorpusPublisher; indexes: { current: { version: string } | null } }) {
  return new Hono()
    .get('/admin/versions', (context) => context.json({ serving: indexes.current?.version ?? null, versions: listVersions(publisher.options.indexDirectory) }))
    .post('/admin/versions/:version/activate', async (context) => {
      const result = await activateVersion({ publisher, version: context.req.param('version'), actor: adminName(context) });
      return context.json({ ...result, serving: indexes.current?.version ?? null });
    });
}
