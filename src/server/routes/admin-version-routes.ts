// GET /admin/versions (the kept versions, with the change that made each) and POST /admin/versions/<id>/activate (atomic rollback).
import { Hono } from 'hono';
import type { CorpusPublisher } from '../../operator/corpus-publisher.js';
import { activateVersion, listVersions } from '../../operator/index-versions.js';
import { adminName } from '../middleware/admin-auth.js';

export function adminVersionRoutes({ publisher, indexes }: { publisher: CorpusPublisher; indexes: { current: { version: string } | null } }) {
  const { store } = publisher.options;
  return new Hono()
    .get('/admin/versions', async (context) => {
      // The audit says which change published each version (versions built by the CLI or a re-index have none).
      const audit = await store.listAudit({ limit: 500, offset: 0 });
      const changeOf = new Map<string, { actor: string; action: string; target: string; at: string }>();
      for (const entry of audit.items) {
        const version = (entry.details as { outcome?: string; version?: string } | null)?.version;
        if (version && !changeOf.has(version) && entry.action !== 'version.activate') changeOf.set(version, { actor: entry.actor, action: entry.action, target: entry.target, at: entry.createdAt });
      }
      const versions = listVersions(publisher.options.indexDirectory).map((entry) => ({ ...entry, change: changeOf.get(entry.version) ?? null }));
      return context.json({ serving: indexes.current?.version ?? null, versions });
    })
    .post('/admin/versions/:version/activate', async (context) => {
      const result = await activateVersion({ publisher, version: context.req.param('version'), actor: adminName(context) });
      return context.json({ ...result, serving: indexes.current?.version ?? null });
    });
}
