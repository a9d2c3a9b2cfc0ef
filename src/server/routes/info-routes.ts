// Retrieval for bots, source texts, health, readiness and metrics.
import { Hono } from 'hono';
import { AppError } from '../../errors/app-error.js';
import { searchChunks } from '../../retrieval/search-chunks.js';
import type { ChatService } from '../chat-service.js';
import { searchQuerySchema } from '../request-schemas.js';

interface InfoDependencies {
  chat: ChatService;
  indexes: { current: { version: string; manifest: { counts: { documents: number; subDocuments: number; chunks: number } } } | null; lastError: string | null; fallbackFrom?: string | null };
  lifecycle: { draining: boolean };
  metricsText: () => Promise<string>;
  metricsContentType: string;
}

export function infoRoutes({ chat, indexes, lifecycle, metricsText, metricsContentType }: InfoDependencies) {
  return new Hono()
    .get('/api/search', async function getSearch(context) {
      const parsed = searchQuerySchema.safeParse({ q: context.req.query('q'), k: context.req.query('k') ?? undefined });
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        throw new AppError({ code: 'invalid_request', message: `Invalid query: ${problems.join('; ')}`, details: problems });
      }
      const index = chat.index();
      const hits = await searchChunks({ index, query: parsed.data.q, k: parsed.data.k });
      return context.json({
        indexVersion: index.version,
        hits: hits.map((hit) => {
          const document = index.documents.get(hit.chunk.sourceId);
          return {
            sourceId: hit.chunk.sourceId,
            title: document?.title ?? hit.chunk.sourceId,
            date: document?.date ?? null,
            heading: hit.chunk.path.at(-1) ?? null,
            text: hit.chunk.sentences.map((sentence) => sentence.text).join(''),
            score: hit.score,
            lexicalScore: hit.lexicalScore,
            vectorSimilarity: hit.vectorSimilarity,
          };
        }),
      });
    })
    .get('/api/sources/:id{.+}', function getSource(context) {
      const index = chat.index();
      // Hono has decoded the path parameter once already; decoding again would turn %25 into a URIError (a 500).
      const id = context.req.param('id');
      const document = index.documents.get(id);
      if (!document) throw new AppError({ code: 'not_found', message: `No source ${id} in index ${index.version}.` });
      const { lines, ...metadata } = document;
      return context.json({ ...metadata, text: lines.map((line) => line.text).join('\n') });
    })
    .get('/healthz', (context) => context.json({ status: 'ok' }))
    .get('/readyz', function getReady(context) {
      const index = indexes.current;
      if (lifecycle.draining) return context.json({ status: 'draining', error: 'the server is shutting down' }, 503);
      if (!index) return context.json({ status: 'not_ready', error: indexes.lastError ?? 'no index loaded yet' }, 503);
      const { documents, subDocuments, chunks } = index.manifest.counts;
      const fallback = indexes.fallbackFrom ? { fallbackFrom: indexes.fallbackFrom } : {};
      return context.json({ status: 'ready', version: index.version, ...fallback, documents, subDocuments, chunks });
    })
    .get('/metrics', async function getMetrics(context) {
      return context.text(await metricsText(), 200, { 'content-type': metricsContentType });
    });
}
