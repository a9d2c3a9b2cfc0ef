// WORKERS=2 under node:cluster without Redis: the primary builds the index before forking, every worker serves and
// hot-reloads, and sessions, rate limits, failed-authentication counts and metrics are the whole server's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../../src/index/ingest-corpus.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../../helpers.js';
import { httpOnce } from './http-once.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

let server: ServerProcess;
let corpus: string;
let indexDirectory: string;
const keys = { sessions: 'key-for-sessions', limit: 'key-for-limits' };
const perMinute = 6;
const adminToken = 'admin-secret';

beforeAll(async () => {
  corpus = copyCorpus(libraryCorpus);
  indexDirectory = join(temporaryDirectory(), 'index');
  server = await startServerProcess({
    env: { WORKERS: '2', CORPUS_DIR: corpus, INDEX_DIR: indexDirectory, HOST: '127.0.0.1', API_KEYS: `${keys.sessions},${keys.limit}`, ADMIN_TOKEN: adminToken, RATE_LIMIT_PER_MIN: String(perMinute), AUTH_FAILURES_PER_MIN: '3' },
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const as = (key: string) => ({ authorization: `Bearer ${key}` });
/** Workers (by cluster id) that logged a request to `path` after log line `from`. */
const workersServing = (path: string, from: number) => new Set(server.logs.slice(from).filter((line) => line.msg === 'request' && line.path === path).map((line) => line.worker));

describe('WORKERS=2', () => {
  it('should build the index once, in the primary, before forking the workers', () => {
    const built = server.logs.findIndex((line) => line.msg === 'index built');
    const forked = server.logs.findIndex((line) => line.msg === 'starting workers');
    expect(built).toBeGreaterThanOrEqual(0);
    expect(built).toBeLessThan(forked);
    expect(server.logs[built].worker).toBeUndefined();
    expect(server.logs.filter((line) => line.msg === 'index built')).toHaveLength(1);
    const listening = server.logs.filter((line) => line.msg?.startsWith('listening'));
    expect(listening.map((line) => line.worker).sort()).toEqual([1, 2]);
    expect(new Set(listening.map((line) => line.pid)).size).toBe(2);
  });

  it('should continue a session on whichever worker gets the next turn', async () => {
    const from = server.logs.length;
    const started = (await httpOnce(`${server.base}/api/chat`, { method: 'POST', headers: as(keys.sessions), body: { message: '东区读者证余额能迁移吗？', session: true } })).json();
    for (let turn = 0; turn < 3; turn++) {
      const next = (await httpOnce(`${server.base}/api/chat`, { method: 'POST', headers: as(keys.sessions), body: { message: '为什么？', sessionId: started.sessionId } })).json();
      expect(next.sessionId).toBe(started.sessionId);
      expect(next.answer.split('\n\n')[0]).toContain('读者证余额不随证迁移');
    }
    // (the request logs arrive through a pipe, after the responses)
    await expect.poll(() => workersServing('/api/chat', from)).toEqual(new Set([1, 2]));
  });

  it('should count a rate limit for the whole server, not per worker', async () => {
    const from = server.logs.length;
    const statuses: number[] = [];
    for (let request = 0; request < perMinute + 4; request++) statuses.push((await httpOnce(`${server.base}/api/search?q=押金`, { headers: as(keys.limit) })).status);
    expect(statuses).toEqual([...Array(perMinute).fill(200), 429, 429, 429, 429]);
    // (the request logs arrive through a pipe, after the responses)
    await expect.poll(() => workersServing('/api/search', from)).toEqual(new Set([1, 2]));
  });

  it('should show the whole server in /metrics, whichever worker answers', async () => {
    const counts = [];
    for (let scrape = 0; scrape < 2; scrape++) {
      const text = (await httpOnce(`${server.base}/metrics`, { headers: as(keys.sessions) })).body;
      counts.push(Number(/^kbqa_http_requests_total\{route="\/api\/search",method="GET",status="200"\} (\d+)$/m.exec(text)?.[1]));
      expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    }
    // the rate-limit test's six answered searches, served by both workers
    expect(counts).toEqual([perMinute, perMinute]);
  });

  it('should hot-reload a new index version in every worker', async () => {
    const before = (await httpOnce(`${server.base}/readyz`)).json().version;
    const published = await ingestCorpus({ corpusDirectory: corpus, indexDirectory, full: true });
    expect(published.version).not.toBe(before);
    await expect
      .poll(async () => {
        const versions = new Set<string>();
        for (let probe = 0; probe < 4; probe++) versions.add((await httpOnce(`${server.base}/readyz`)).json().version);
        return [...versions];
      }, { timeout: 15_000 })
      .toEqual([published.version]);
    const reloads = server.logs.filter((line) => line.msg === 'index loaded' && line.version === published.version);
    expect(reloads.map((line) => line.worker).sort()).toEqual([1, 2]);
  });

  it('should run one re-index for the whole server: started on one worker, seen and refused on the other', async () => {
    const admin = { authorization: `Bearer ${adminToken}` };
    const before = (await httpOnce(`${server.base}/readyz`)).json().version;
    // A change to publish (a re-index that finds nothing changed publishes nothing).
    writeFileSync(join(corpus, 'cluster-notice.md'), '# 通知\n\n各分馆周一闭馆。\n');
    const from = server.logs.length;
    const started = await httpOnce(`${server.base}/admin/reindex`, { method: 'POST', headers: admin });
    expect(started.status).toBe(202);
    expect(started.json().status.state).toBe('running');
    const again = await httpOnce(`${server.base}/admin/reindex`, { method: 'POST', headers: admin });
    expect(again.status).toBe(409);
    // (the request logs arrive through a pipe, after the responses)
    await expect.poll(() => workersServing('/admin/reindex', from)).toEqual(new Set([1, 2]));
    await expect
      .poll(async () => {
        const states = new Set<string>();
        for (let probe = 0; probe < 2; probe++) states.add((await httpOnce(`${server.base}/admin/reindex`, { headers: admin })).json().state);
        return [...states];
      }, { timeout: 60_000, interval: 200 })
      .toEqual(['succeeded']);
    await expect.poll(() => server.logs.filter((line) => line.msg === 'reindex finished').map((line) => line.worker)).toEqual([undefined]);
    await expect.poll(async () => (await httpOnce(`${server.base}/readyz`)).json().version, { timeout: 10_000 }).not.toBe(before);
  });

  it('should count failed authentications from one address across workers', async () => {
    const from = server.logs.length;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await httpOnce(`${server.base}/api/search?q=押金`, { headers: as(`wrong-${attempt}`) })).status);
    expect(statuses).toEqual([403, 403, 403, 429, 429]);
    // (the request logs arrive through a pipe, after the responses)
    await expect.poll(() => workersServing('/api/search', from)).toEqual(new Set([1, 2]));
  });

  it('should replace a worker that dies, and stop every worker on SIGTERM', async () => {
    const victim = server.logs.find((line) => line.msg?.startsWith('listening') && line.worker === 1)!.pid!;
    process.kill(victim, 'SIGKILL');
    await expect.poll(() => server.logs.filter((line) => line.msg?.startsWith('listening')).length, { timeout: 60_000 }).toBe(3);
    expect((await httpOnce(`${server.base}/healthz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.logs.filter((line) => line.msg === 'drained; exiting').map((line) => line.worker).sort()).toEqual([2, 3]);
  });
});
