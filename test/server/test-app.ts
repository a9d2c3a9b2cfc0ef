// Builds an app around an index for the server tests.
import { join } from 'node:path';
import { pino } from 'pino';
import { loadIndex, type LoadedIndex } from '../../src/index/load-index.js';
import { createApp, type AppDependencies } from '../../src/server/create-app.js';
import { IndexHolder } from '../../src/server/index-holder.js';
import { createMetrics } from '../../src/server/metrics.js';
import { SessionStore } from '../../src/server/session-store.js';
import { temporaryDirectory } from '../helpers.js';

export const silentLogger = pino({ level: 'silent' });

export function testApp({ indexDirectory, settings = {}, sessionDatabase, now, llm, reindexer, operator }: { indexDirectory: string; settings?: Partial<AppDependencies['settings']>; sessionDatabase?: string; now?: () => number; llm?: AppDependencies['llm']; reindexer?: AppDependencies['reindexer']; operator?: AppDependencies['operator'] }) {
  const indexes = new IndexHolder({ indexDirectory, embedderSettings: {}, logger: silentLogger });
  indexes.refresh();
  const sessions = new SessionStore(sessionDatabase ?? join(temporaryDirectory(), 'sessions.sqlite'), 3600_000);
  const metrics = createMetrics();
  const app = createApp({
    indexes,
    sessions,
    logger: silentLogger,
    metrics,
    settings: { apiKeys: [], corsOrigins: [], rateLimitPerMinute: 1000, requestTimeoutMilliseconds: 10_000, logQuestions: false, ...settings },
    now,
    llm,
    reindexer,
    operator,
  });
  return { app, indexes, sessions, metrics };
}

export function loaded(indexDirectory: string): LoadedIndex {
  return loadIndex({ indexDirectory, embedderSettings: {} });
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
