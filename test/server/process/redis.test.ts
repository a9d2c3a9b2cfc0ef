// REDIS_URL: sessions and rate limits in a real Redis (Debian's redis-server, started here), shared by two server
// processes, as replicas behind a load balancer would share them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRateLimiter } from '../../../src/server/redis-rate-limiter.js';
import { RedisSessionStore } from '../../../src/server/redis-session-store.js';
import { buildIndex, libraryCorpus, temporaryDirectory } from '../../helpers.js';
import { httpOnce } from './http-once.js';
import { redisServerPath, startRedisServer, type RedisServer } from './redis-server.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

if (!redisServerPath) console.warn('redis.test.ts skipped: redis-server is not installed (apt-get install -y redis-server; npm test installs it when it can)');

describe.skipIf(!redisServerPath)('with REDIS_URL', () => {
  let redis: RedisServer;
  let client: Redis;
  let indexDirectory: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    client = new Redis(redis.url);
    ({ indexDirectory } = await buildIndex(libraryCorpus));
  }, 120_000);
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  describe('the stores', () => {
    it('should expire a session after its time to live', async () => {
      const store = new RedisSessionStore({ client, ttlMilliseconds: 200, prefix: 'unit:' });
      await store.set('abc', { owner: 'anonymous', state: { turns: [] } });
      expect(await store.get('abc')).toEqual({ owner: 'anonymous', state: { turns: [] } });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await store.get('abc')).toBeNull();
    });

    it('should refill a bucket at its rate and say when to retry', async () => {
      const limiter = new RedisRateLimiter({ client, prefix: 'unit:' });
      const take = (cost: number) => limiter.take({ key: 'client:requests', limit: 2, cost });
      expect([await take(1), await take(1), await take(1)]).toEqual([
        { allowed: true, retryAfterSeconds: 0 },
        { allowed: true, retryAfterSeconds: 0 },
        { allowed: false, retryAfterSeconds: 30 },
      ]);
      expect(await take(0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    });
  });

  describe('two server processes on one Redis', () => {
    let first: ServerProcess;
    let second: ServerProcess;
    const key = 'replica-key';
    const limitKey = 'limit-key';
    const sessionFile = join(temporaryDirectory(), 'never.sqlite');
    beforeAll(async () => {
      const env = { REDIS_URL: redis.url, INDEX_DIR: indexDirectory, SESSION_DB: sessionFile, HOST: '127.0.0.1', API_KEYS: `${key},${limitKey}`, RATE_LIMIT_PER_MIN: '5', AUTH_FAILURES_PER_MIN: '3' };
      [first, second] = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
    }, 120_000);
    afterAll(async () => {
      await Promise.all([first?.stop(), second?.stop()]);
    });
    const bearer = { authorization: `Bearer ${key}` };

    it('should keep sessions in Redis, never in SQLite, and continue on one replica a session started on the other', async () => {
      expect(first.logs.find((line) => line.msg?.startsWith('listening'))?.state).toBe('redis');
      const started = (await httpOnce(`${first.base}/api/chat`, { method: 'POST', headers: bearer, body: { message: '东区读者证余额能迁移吗？', session: true } })).json();
      const continued = (await httpOnce(`${second.base}/api/chat`, { method: 'POST', headers: bearer, body: { message: '为什么？', sessionId: started.sessionId } })).json();
      expect(continued.sessionId).toBe(started.sessionId);
      expect(continued.answer.split('\n\n')[0]).toContain('读者证余额不随证迁移');
      expect(await client.keys('kbqa:session:*')).toEqual([`kbqa:session:${started.sessionId}`]);
      expect(existsSync(sessionFile)).toBe(false);
    });

    it('should store nothing for one-off questions', async () => {
      const before = (await client.keys('kbqa:session:*')).length;
      const answer = (await httpOnce(`${second.base}/api/chat`, { method: 'POST', headers: bearer, body: { message: '逾期费怎么收？' } })).json();
      expect(answer.sessionId).toBeNull();
      expect((await client.keys('kbqa:session:*')).length).toBe(before);
    });

    it('should count a rate limit across both replicas', async () => {
      const statuses: number[] = [];
      for (let request = 0; request < 8; request++) statuses.push((await httpOnce(`${(request % 2 ? second : first).base}/api/search?q=押金`, { headers: { authorization: `Bearer ${limitKey}` } })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    });

    it('should count failed authentications from one address across both replicas', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await httpOnce(`${(attempt % 2 ? second : first).base}/api/search?q=押金`, { headers: { authorization: `Bearer wrong-${attempt}` } })).status);
      expect(statuses).toEqual([403, 403, 403, 429, 429]);
    });
  });

  it('should refuse to start when REDIS_URL cannot be reached, saying so', async () => {
    const unreachable = 'redis://127.0.0.1:1';
    await expect(startServerProcess({ env: { REDIS_URL: unreachable, INDEX_DIR: indexDirectory }, timeoutMilliseconds: 30_000 })).rejects.toThrow(/exited \(code 1[\s\S]*Redis at REDIS_URL is not reachable/);
  });
});
