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
