import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { bindAddress, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('should apply the defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 8787, INDEX_DIR: 'data/index', CORPUS_DIR: 'corpus', API_KEYS: [], CORS_ORIGINS: [], RATE_LIMIT_PER_MIN: 120, SESSION_DB: 'data/sessions.sqlite', LOG_QUESTIONS: false });
  });

  it('should list every problem at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', RATE_LIMIT_PER_MIN: '0', LOG_QUESTIONS: 'yes', EMBEDDINGS_BASE_URL: 'not a url' })).toThrow(
      expect.objectContaining({ details: [expect.stringMatching(/^PORT: /), expect.stringMatching(/^RATE_LIMIT_PER_MIN: /), expect.stringMatching(/^LOG_QUESTIONS: /), expect.stringMatching(/^EMBEDDINGS_BASE_URL: /)] }),
    );
  });

  it('should default to one worker per core, no Redis, no operations token, a 10 s drain and 10 auth failures a minute', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ WORKERS: availableParallelism(), DRAIN_TIMEOUT_MS: 10_000, AUTH_FAILURES_PER_MIN: 10 });
    expect([config.REDIS_URL, config.OPS_TOKEN]).toEqual([undefined, undefined]);
  });

  it('should read the production settings, and refuse a REDIS_URL that is not one', () => {
    expect(loadConfig({ WORKERS: '4', REDIS_URL: 'redis://cache:6379', OPS_TOKEN: ' ops ', DRAIN_TIMEOUT_MS: '2500', AUTH_FAILURES_PER_MIN: '3' })).toMatchObject({ WORKERS: 4, REDIS_URL: 'redis://cache:6379', OPS_TOKEN: 'ops', DRAIN_TIMEOUT_MS: 2500, AUTH_FAILURES_PER_MIN: 3 });
    expect(() => loadConfig({ REDIS_URL: 'cache:6379', WORKERS: '0' })).toThrow(expect.objectContaining({ details: [expect.stringMatching(/^WORKERS: /), expect.stringMatching(/^REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/)] }));
  });

  it('should split comma-separated keys and origins', () => {
    expect(loadConfig({ API_KEYS: ' a, b ,,', CORS_ORIGINS: 'https://x.example' })).toMatchObject({ API_KEYS: ['a', 'b'], CORS_ORIGINS: ['https://x.example'] });
  });
});

describe('bindAddress', () => {
  it('should stay on loopback without API keys, whatever HOST says', () => {
    expect(bindAddress(loadConfig({ HOST: '0.0.0.0' }))).toEqual({ host: '127.0.0.1', open: true });
  });

  it('should bind HOST (default 0.0.0.0) with API keys', () => {
    expect(bindAddress(loadConfig({ API_KEYS: 'k' }))).toEqual({ host: '0.0.0.0', open: false });
    expect(bindAddress(loadConfig({ API_KEYS: 'k', HOST: '10.0.0.5' }))).toEqual({ host: '10.0.0.5', open: false });
  });
});
