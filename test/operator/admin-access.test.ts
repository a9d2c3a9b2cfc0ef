// Admin tokens (ADMIN_TOKEN, named ADMIN_TOKENS), the public console page, the operator configuration and OpenAPI.
import { describe, expect, it } from 'vitest';
import { adminTokens, loadConfig } from '../../src/config.js';
import { buildIndex, libraryCorpus } from '../helpers.js';
import { testApp } from '../server/test-app.js';
import { adminToken, asEditor, operatorApp } from '../server/operator-app.js';

describe('admin tokens', () => {
  it('should answer 401 without a token and 403 with a wrong one (bot keys included), and let named tokens in', async () => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    expect((await app.request('/admin/documents')).status).toBe(401);
    const wrong = await app.request('/admin/documents', { headers: { authorization: 'Bearer not-a-token' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: { code: 'forbidden', message: 'The admin token is not valid.' } });
    expect((await app.request('/admin/documents', { headers: asEditor })).status).toBe(200);
    expect((await app.request('/admin/versions', { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(200);
  });

  it('should disable the admin API, but not the console page, while no token is configured', async () => {
    const { indexDirectory } = await buildIndex(libraryCorpus);
    const { app } = testApp({ indexDirectory });
    const refused = await app.request('/admin/documents', { headers: asEditor });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toMatch(/set ADMIN_TOKEN/);
    const page = await app.request('/admin');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-admin-enabled="false"');
  });
});

describe('GET /admin', () => {
  it('should serve the console page and its bundle without a token, holding no data', async () => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    const page = await app.request('/admin');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain('data-admin-enabled="true"');
    expect(text).not.toMatch(/guide-|读者证|editor-li/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await app.request('/admin/console.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await app.request('/admin/console.js', { headers: { 'if-none-match': script.headers.get('etag')! } })).status).toBe(304);
  });
});

describe('operator configuration', () => {
  it('should default to SQLite, no conversation log, similarity 0.9', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ OPERATOR_DB: 'data/operator.sqlite', LOG_CONVERSATIONS: false, LOG_RETENTION_DAYS: 30, STANDARD_ANSWER_SIMILARITY: 0.9, ADMIN_TOKENS: [] });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('should name ADMIN_TOKEN admin and read ADMIN_TOKENS as name=token pairs', () => {
    expect(adminTokens(loadConfig({ ADMIN_TOKEN: 'root-secret', ADMIN_TOKENS: 'li=li-secret-1, wang=wang-secret' }))).toEqual({ admin: 'root-secret', li: 'li-secret-1', wang: 'wang-secret' });
  });

  it('should list every operator setting problem at once', () => {
    expect(() => loadConfig({ ADMIN_TOKENS: 'li', DATABASE_URL: 'mysql://x', LOG_CONVERSATIONS: 'yes', LOG_RETENTION_DAYS: '0', STANDARD_ANSWER_SIMILARITY: '1.5' })).toThrow(
      expect.objectContaining({
        details: [
          expect.stringMatching(/^ADMIN_TOKENS.*name=token/),
          expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ URL/),
          expect.stringMatching(/^LOG_CONVERSATIONS: /),
          expect.stringMatching(/^LOG_RETENTION_DAYS: /),
          expect.stringMatching(/^STANDARD_ANSWER_SIMILARITY: must be a number from 0 to 1/),
        ],
      }),
    );
  });
});

describe('OpenAPI', () => {
  it('should document the operator routes from their schemas', async () => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    const document = await (await app.request('/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/feedback', '/admin', '/admin/documents', '/admin/documents/{path}', '/admin/versions', '/admin/versions/{id}/activate', '/admin/answers', '/admin/answers/{id}', '/admin/feedback', '/admin/conversations', '/admin/audit', '/admin/conflicts', '/admin/explain']),
    );
    expect(document.components.schemas.Feedback.properties.rating.enum).toEqual(['up', 'down']);
    expect(document.paths['/admin/feedback'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['rating', 'from', 'to', 'q', 'format']));
    expect(await (await app.request('/docs')).text()).toContain('/admin/documents/{path}');
  });
});
