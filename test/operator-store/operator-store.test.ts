// The operator store contract, run against SQLite and a real PostgreSQL server.
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/operator-store/migrations.js';
import { openOperatorStore } from '../../src/operator-store/open-operator-store.js';
import type { OperatorStore } from '../../src/operator-store/operator-store.js';
import { openPostgresDriver } from '../../src/operator-store/postgres-driver.js';
import { runMigrations } from '../../src/operator-store/run-migrations.js';
import { openSqliteDriver } from '../../src/operator-store/sqlite-driver.js';
import { temporaryDirectory } from '../helpers.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from './postgres-server.js';

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL store tests skipped: ${unavailable}`);
let postgres: PostgresServer | null = null;
let databases = 0;

beforeAll(async () => {
  if (!unavailable) postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
});

/** A fresh database on the test server (one per test keeps them independent). */
async function freshPostgresUrl(): Promise<string> {
  const name = `kbqa_test_${++databases}`;
  const admin = new pg.Client({ connectionString: postgres!.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgres!.url.replace(/\/postgres$/, `/${name}`);
}

const backends = [
  { name: 'SQLite', skip: false, open: async (now: () => Date) => openOperatorStore({ sqlitePath: join(temporaryDirectory(), 'operator.sqlite'), now }) },
  { name: 'PostgreSQL', skip: unavailable !== null, open: async (now: () => Date) => openOperatorStore({ databaseUrl: await freshPostgresUrl(), sqlitePath: 'unused', now }) },
];

describe.each(backends)('the operator store on $name', ({ skip, open }) => {
  let clock = Date.parse('2026-03-01T08:00:00.000Z');
  const now = () => new Date(clock);
  let store: OperatorStore;
  beforeAll(async () => {
    if (!skip) store = await open(now);
  });
  afterAll(async () => store?.close());

  it.skipIf(skip)('should apply the versioned migrations once', async () => {
    expect(await store.migrations()).toEqual(migrations.map(({ version, name }) => ({ version, name })));
  });

  it.skipIf(skip)('should keep feedback with its answer and citations, and filter it', async () => {
    const citations = [{ n: 1, sourceId: 'a', title: '标题', date: '2025-01-01', quote: '原文' }];
    const first = await store.addFeedback({ answerId: 'id-1', question: '押金多久退还？', rating: 'down', comment: '不对，100% 错', indexVersion: 'v1', answer: '七天。', citations });
    expect(first).toEqual({ id: expect.any(Number), answerId: 'id-1', question: '押金多久退还？', rating: 'down', comment: '不对，100% 错', indexVersion: 'v1', answer: '七天。', citations, createdAt: '2026-03-01T08:00:00.000Z' });
    clock += 3600_000;
    await store.addFeedback({ answerId: 'id-2', question: '逾期费怎么收？', rating: 'up', comment: null, indexVersion: 'v2', answer: null, citations: null });
    const all = await store.listFeedback({ limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.items.map((item) => item.answerId)).toEqual(['id-2', 'id-1']);
    expect((await store.listFeedback({ rating: 'down', limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['id-1']);
    expect((await store.listFeedback({ indexVersion: 'v2', limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['id-2']);
    expect((await store.listFeedback({ search: '100%', limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['id-1']);
    expect((await store.listFeedback({ search: '_', limit: 10, offset: 0 })).total).toBe(0);
    expect((await store.listFeedback({ from: '2026-03-01T08:30:00.000Z', limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['id-2']);
    expect((await store.listFeedback({ to: '2026-03-01T08:30:00.000Z', limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['id-1']);
    expect(await store.listFeedback({ limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ answerId: 'id-1' }] });
  });

  it.skipIf(skip)('should log conversations and purge those older than the retention', async () => {
    const entry = { sessionId: 's-1', question: '你好', answer: '答', status: 'answered', mode: 'extractive', indexVersion: 'v1', answerId: 'x', channel: 'api' };
    await store.addConversation(entry);
    clock += 86_400_000;
    await store.addConversation({ ...entry, sessionId: 's-2' });
    expect((await store.listConversations({ limit: 10, offset: 0 })).items.map((item) => item.sessionId)).toEqual(['s-2', 's-1']);
    expect((await store.listConversations({ sessionId: 's-1', limit: 10, offset: 0 })).total).toBe(1);
    expect(await store.purgeConversations(new Date(clock - 3600_000).toISOString())).toBe(1);
    expect((await store.listConversations({ limit: 10, offset: 0 })).items).toEqual([{ ...entry, sessionId: 's-2', id: expect.any(Number), createdAt: new Date(clock).toISOString() }]);
  });

  it.skipIf(skip)('should record who did what in the audit', async () => {
    const record = await store.addAudit({ actor: 'editor-li', action: 'document.create', target: 'notices/a.md', details: { version: 'v3' } });
    expect(record).toEqual({ id: expect.any(Number), actor: 'editor-li', action: 'document.create', target: 'notices/a.md', details: { version: 'v3' }, createdAt: new Date(clock).toISOString() });
    await store.addAudit({ actor: 'admin', action: 'version.activate', target: 'v1', details: null });
    expect((await store.listAudit({ actor: 'editor-li', limit: 10, offset: 0 })).items.map((item) => item.action)).toEqual(['document.create']);
  });
});

describe('replicas on one PostgreSQL database', () => {
  it.skipIf(unavailable !== null)('should see each other\'s feedback, logs and audit', async () => {
    const url = await freshPostgresUrl();
    const [first, second] = await Promise.all([openOperatorStore({ databaseUrl: url, sqlitePath: 'unused' }), openOperatorStore({ databaseUrl: url, sqlitePath: 'unused' })]);
    expect([first.kind, second.kind]).toEqual(['postgres', 'postgres']);
    await first.addFeedback({ answerId: 'shared-id', question: '问', rating: 'down', comment: null, indexVersion: null, answer: null, citations: null });
    await second.addAudit({ actor: 'li', action: 'document.create', target: 'a.md', details: null });
    expect((await second.listFeedback({ limit: 10, offset: 0 })).items.map((item) => item.answerId)).toEqual(['shared-id']);
    expect((await first.listAudit({ limit: 10, offset: 0 })).total).toBe(1);
    await Promise.all([first.close(), second.close()]);
  });

  it.skipIf(unavailable !== null)('should fail to open with the reason when the server cannot be reached', async () => {
    await expect(openOperatorStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', sqlitePath: 'unused' })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('runMigrations', () => {
  const extra = [...migrations, { version: 2, name: 'a note column', sqlite: ['ALTER TABLE feedback ADD COLUMN note TEXT'], postgres: ['ALTER TABLE feedback ADD COLUMN note TEXT'] }];

  it('should apply only the new migrations of an existing SQLite database', async () => {
    const path = join(temporaryDirectory(), 'operator.sqlite');
    const driver = openSqliteDriver({ path });
    expect(await runMigrations({ driver })).toEqual([1]);
    expect(await runMigrations({ driver })).toEqual([]);
    expect(await runMigrations({ driver, migrations: extra })).toEqual([2]);
    await driver.close();
  });

  it('should leave the schema unchanged when a migration fails', async () => {
    const driver = openSqliteDriver({ path: ':memory:' });
    await expect(runMigrations({ driver, migrations: [...migrations, { version: 2, name: 'broken', sqlite: ['ALTER TABLE nowhere ADD COLUMN x TEXT'], postgres: [] }] })).rejects.toThrow(/nowhere/);
    expect(await driver.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'feedback')")).toEqual([]);
    await driver.close();
  });

  it.skipIf(unavailable !== null)('should migrate once when replicas start together on PostgreSQL', async () => {
    const url = await freshPostgresUrl();
    const drivers = [openPostgresDriver({ connectionString: url }), openPostgresDriver({ connectionString: url }), openPostgresDriver({ connectionString: url })];
    const applied = await Promise.all(drivers.map((driver) => runMigrations({ driver, migrations: extra })));
    expect(applied.flat().sort()).toEqual([1, 2]);
    await Promise.all(drivers.map((driver) => driver.close()));
  });
});
