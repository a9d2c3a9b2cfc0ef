// The service on the open internet: failed-authentication throttling, security headers, the operations token,
// process metrics, bounded OpenAI history, and the small input checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { Reindexer } from '../../src/server/reindexer.js';
import { buildIndex, libraryCorpus } from '../helpers.js';
import { json, silentLogger, testApp } from './test-app.js';

let indexDirectory: string;
beforeAll(async () => {
  ({ indexDirectory } = await buildIndex(libraryCorpus));
});

/** The Node connection a request came from, as @hono/node-server passes it (no body: these are GET requests). */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remoteFamily: 'IPv4', remotePort: 40000 } } });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('failed authentication', () => {
  const reindexer = () => new Reindexer({ corpusDirectory: libraryCorpus, indexDirectory: 'unused', logger: silentLogger });

  it.each([
    ['an API key', '/api/search?q=押金', { apiKeys: ['right-key'] }, 'right-key'],
    ['the OPS_TOKEN', '/metrics', { opsToken: 'right-ops-token' }, 'right-ops-token'],
    ['the admin token', '/admin/reindex', { adminToken: 'right-admin-token' }, 'right-admin-token'],
  ])('should throttle wrong %s by client address: 429 with Retry-After, even for the right one, until the window passes', async (_, path, settings, right) => {
    let time = 0;
    const { app } = testApp({ indexDirectory, settings: { ...settings, authFailuresPerMinute: 3 }, now: () => time, reindexer: reindexer() });
    const attacker = from('203.0.113.7');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await app.request(path, bearer(`guess-${attempt}`), attacker)).status);
    expect(statuses).toEqual([403, 403, 403, 429, 429]);
    const refused = await app.request(path, bearer(right), attacker);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    expect((await refused.json()).error).toEqual({ code: 'rate_limited', message: 'Too many failed authentications from this address: the limit is 3 a minute. Retry in 20 s.' });
    // Another address is not affected; the attacker gets one more try once a token is back.
    expect((await app.request(path, bearer(right), from('198.51.100.2'))).status).toBe(200);
    time += 20_000;
    expect((await app.request(path, bearer(right), attacker)).status).toBe(200);
  });

  it('should count missing credentials as failures too', async () => {
    const { app } = testApp({ indexDirectory, settings: { apiKeys: ['right-key'], authFailuresPerMinute: 2 } });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await app.request('/api/search?q=押金', {}, from('203.0.113.8'))).status);
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('security headers', () => {
  it.each(['/healthz', '/api/search?q=押金', '/widget-config.json'])('should send nosniff, no referrer and no framing on %s', async (path) => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each(['/', '/docs'])('should give the HTML page %s a Content-Security-Policy that forbids framing and foreign scripts', async (path) => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request(path);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy.split('; ')).toEqual(expect.arrayContaining(["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]));
  });

  it('should let other sites load /widget.js (no same-origin resource policy)', async () => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cross-origin-resource-policy')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('operations endpoints', () => {
  it.each(['/metrics', '/docs', '/openapi.json'])('should protect %s with OPS_TOKEN when it is set; an API key is not enough', async (path) => {
    const { app } = testApp({ indexDirectory, settings: { opsToken: 'ops-secret', apiKeys: ['bot-key'] } });
    expect((await app.request(path)).status).toBe(401);
    expect((await app.request(path, bearer('bot-key'))).status).toBe(403);
    expect((await app.request(path, bearer('ops-secret'))).status).toBe(200);
  });

  it.each(['/metrics', '/docs', '/openapi.json'])('should require an API key on %s when API_KEYS is set without OPS_TOKEN', async (path) => {
    const { app } = testApp({ indexDirectory, settings: { apiKeys: ['bot-key'] } });
    expect((await app.request(path)).status).toBe(401);
    expect((await app.request(path, bearer('bot-key'))).status).toBe(200);
  });

  it('should keep /healthz and /readyz open for load balancers', async () => {
    const { app } = testApp({ indexDirectory, settings: { opsToken: 'ops-secret', apiKeys: ['bot-key'] } });
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('should expose process and event-loop metrics', async () => {
    const { app } = testApp({ indexDirectory });
    const text = await (await app.request('/metrics')).text();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes', 'nodejs_active_handles_total']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('should report not ready while draining', async () => {
    const lifecycle = { draining: true };
    const { app } = testApp({ indexDirectory, lifecycle });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'draining', error: 'the server is shutting down' });
  });
});

describe('the OpenAI route', () => {
  const opening = { role: 'user', content: '东区读者证余额能迁移吗？' };
  const why = { role: 'user', content: '为什么？' };
  const last = { role: 'user', content: '读者证余额能迁移吗？' };
  const firstParagraph = async (app: ReturnType<typeof testApp>['app'], messages: object[]) => {
    const response = await app.request('/v1/chat/completions', json({ messages }));
    expect(response.status).toBe(200);
    return ((await response.json()).choices[0].message.content as string).split('\n\n')[0];
  };

  it('should answer a 16 KB body of 380 turns with 200, as if only the last 10 were sent', async () => {
    const { app } = testApp({ indexDirectory });
    const messages = [opening, ...Array(380).fill(why), last];
    expect(Buffer.byteLength(JSON.stringify({ messages }))).toBeGreaterThan(15_000);
    expect(await firstParagraph(app, messages)).toBe(await firstParagraph(app, [...Array(10).fill(why), last]));
  });

  it.each([
    ['n > 1', { n: 2 }, /n: only n = 1 is supported/],
    ['tools', { tools: [{ type: 'function', function: { name: 'lookup', parameters: {} } }] }, /tools: tools are not supported/],
    ['functions', { functions: [{ name: 'lookup' }] }, /functions: functions are not supported/],
    ['a JSON response_format', { response_format: { type: 'json_object' } }, /response_format.type: only \{"type":"text"\} is supported/],
  ])('should refuse %s with a clear 400', async (_, extra, message) => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request('/v1/chat/completions', json({ messages: [last], ...extra }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(message);
  });

  it('should accept n = 1 and a text response_format', async () => {
    const { app } = testApp({ indexDirectory });
    expect((await app.request('/v1/chat/completions', json({ messages: [last], n: 1, response_format: { type: 'text' }, tools: [] }))).status).toBe(200);
  });
});

describe('small input checks', () => {
  const invisible = ['\u200b\u200c\u200d', '\u200e\u200f', '\u202a\u202e\u2066\u2069', '\ufeff \u200b', '\u3164'];

  it.each(invisible)('should refuse a message of only invisible characters (%j) on every chat endpoint', async (message) => {
    const { app } = testApp({ indexDirectory });
    for (const [path, body] of [
      ['/api/chat', { message }],
      ['/api/chat/stream', { message }],
      ['/v1/chat/completions', { messages: [{ role: 'user', content: message }] }],
    ] as const) {
      const response = await app.request(path, json(body));
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('invalid_request');
    }
  });

  it('should still accept a question with a zero-width character inside', async () => {
    const { app } = testApp({ indexDirectory });
    expect((await app.request('/api/chat', json({ message: '逾期费\u200b怎么收？' }))).status).toBe(200);
  });

  it.each([
    ['a well-formed id', 'trace-0123_abc=', true],
    ['an id with spaces and quotes', 'a b"c', false],
    ['an id with a line break', 'abc\r\nX-Injected: 1', false],
    ['an id over 128 characters', 'a'.repeat(129), false],
  ])('should keep or replace a client X-Request-Id: %s', async (_, id, kept) => {
    const { app } = testApp({ indexDirectory });
    const headers = new Headers();
    try {
      headers.set('x-request-id', id);
    } catch {
      return; // the client itself cannot send it
    }
    const echoed = (await app.request('/healthz', { headers })).headers.get('x-request-id');
    if (kept) expect(echoed).toBe(id);
    else expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
