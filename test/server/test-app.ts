// Builds an app around an index for the server tests.
import { join } from 'node:path';
import { pino } from 'pino';
import { loadIndex, type LoadedIndex } from '../../src/index/load-index.js';
import { createApp, type AppDependencies } from '../../src/server/create-app.js';
import { IndexHolder } from '../../src/server/index-holder.js';
import { MemoryRateLimiter } from '../../src/server/memory-rate-limiter.js';
import { createMetrics } from '../../src/server/metrics.js';
import type { SessionStore } from '../../src/server/session-store.js';
import { SqliteSessionStore } from '../../src/server/sqlite-session-store.js';
import { temporaryDirectory } from '../helpers.js';

export const silentLogger = pino({ level: 'silent' });

export function testApp({
  indexDirectory,
  settings = {},
  sessionDatabase,
  sessions,
  now,
  llm,
  lifecycle,
  reindexer,
  operator,
}: {
  indexDirectory: string;
  settings?: Partial<AppDependencies['settings']>;
  sessionDatabase?: string;
  sessions?: SessionStore;
  now?: () => number;
  llm?: AppDependencies['llm'];
  lifecycle?: AppDependencies['lifecycle'];
  reindexer?: AppDependencies['reindexer'];
  operator?: AppDependencies['operator'];
}) {
  const indexes = new IndexHolder({ indexDirectory, embedderSettings: {}, logger: silentLogger });
  indexes.refresh();
  const store = new SqliteSessionStore({ path: sessionDatabase ?? join(temporaryDirectory(), 'sessions.sqlite'), ttlMilliseconds: 3600_000, now });
  const metrics = createMetrics();
  const app = createApp({
    indexes,
    sessions: sessions ?? store,
    limiter: new MemoryRateLimiter(now),
    logger: silentLogger,
    metrics,
    settings: { apiKeys: [], corsOrigins: [], rateLimitPerMinute: 1000, requestTimeoutMilliseconds: 10_000, logQuestions: false, ...settings },
    now,
    llm,
    lifecycle,
    reindexer,
    operator,
  });
  return { app, indexes, sessions: store, metrics };
}

export function loaded(indexDirectory: string): LoadedIndex {
  return loadIndex({ indexDirectory, embedderSettings: {} });
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
