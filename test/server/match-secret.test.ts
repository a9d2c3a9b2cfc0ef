// Keys and tokens are compared in constant time: every configured secret, hashed to one length, through timingSafeEqual.
import * as crypto from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reindexer } from '../../src/server/reindexer.js';
import { secretMatcher, secretName } from '../../src/server/match-secret.js';
import { buildIndex, libraryCorpus } from '../helpers.js';
import { silentLogger, testApp } from './test-app.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});
const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);

describe('secretMatcher', () => {
  it.each([
    ['the exact key', 'key-two', 'key-two'],
    ['a prefix of a key', 'key-tw', null],
    ['a key with more after it', 'key-two2', null],
    ['another case', 'KEY-TWO', null],
    ['nothing', '', null],
  ])('should match %s', (_, candidate, expected) => {
    expect(secretMatcher(['key-one', 'key-two', 'key-three'])(candidate)).toBe(expected);
  });

  it('should name a key without revealing it', () => {
    expect(secretName('key-one')).toMatch(/^key:[0-9a-f]{32}$/);
    expect(secretName('key-one')).not.toContain('key-one');
    expect(secretName('key-one')).toBe(secretName('key-one'));
  });
});

describe('credential checks', () => {
  let indexDirectory: string;
  beforeAll(async () => {
    ({ indexDirectory } = await buildIndex(libraryCorpus));
  });
  beforeEach(() => {
    timingSafeEqual.mockClear();
  });

  it.each([
    ['an API key', '/api/search?q=押金', { apiKeys: ['key-one', 'key-two', 'key-three'] }, 3],
    ['the OPS_TOKEN', '/metrics', { opsToken: 'ops-secret' }, 1],
    ['the admin token', '/admin/reindex', { adminToken: 'admin-secret' }, 1],
  ])('should compare %s with every configured secret through timingSafeEqual on equal-length digests', async (_, path, settings, secrets) => {
    const reindexer = new Reindexer({ corpusDirectory: libraryCorpus, indexDirectory: 'unused', logger: silentLogger });
    const { app } = testApp({ indexDirectory, settings, reindexer });
    expect((await app.request(path, { headers: { authorization: 'Bearer a-wrong-guess' } })).status).toBe(403);
    expect(timingSafeEqual).toHaveBeenCalledTimes(secrets);
    expect(timingSafeEqual.mock.calls.map((call) => call.map((part) => (part as Buffer).length))).toEqual(Array(secrets).fill([32, 32]));
  });
});
