// Routes in-process with app.request.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { answerIdOf } from '../../src/feedback/answer-id.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import { buildIndex, copyCorpus, libraryCorpus } from '../helpers.js';
import { json, loaded, testApp } from './test-app.js';

let indexDirectory: string;
beforeAll(async () => {
  const corpus = copyCorpus(libraryCorpus);
  writeFileSync(join(corpus, 'unsafe.md'), '---\ntitle: 夜读活动\n---\n夜读活动的海报写着<script>alert(1)</script>和<img src=x onerror=alert(2)>，每晚开放。\n');
  ({ indexDirectory } = await buildIndex(corpus));
});

describe('POST /api/chat', () => {
  it('should return the same answer as the CLI core', async () => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request('/api/chat', json({ message: '逾期费怎么收？' }));
    expect(response.status).toBe(200);
    const body = await response.json();
    const direct = await answerQuestion({ index: loaded(indexDirectory), message: '逾期费怎么收？', session: null, sessionId: '' });
    expect(body).toEqual({ ...direct.response, sessionId: null, answerId: answerIdOf({ indexVersion: direct.response.indexVersion, question: '逾期费怎么收？', answer: direct.response.answer }) });
  });

  it('should render corpus markup as text in the answer', async () => {
    const { app } = testApp({ indexDirectory });
    const body = await (await app.request('/api/chat', json({ message: '夜读活动的海报写着什么？' }))).json();
    expect(body.status).toBe('answered');
    expect(body.answer).toContain('＜script＞');
    expect(body.answer).not.toMatch(/<script|<img/);
  });

  it.each([
    ['a wrong content type', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"message":"x"}' }, 400, 'invalid_request', /Content-Type: application\/json/],
    ['invalid JSON', json('{"message":'), 400, 'invalid_request', /not valid JSON/],
    ['a missing message', json({}), 400, 'invalid_request', /message/],
    ['a message of the wrong type', json({ message: 42 }), 400, 'invalid_request', /message/],
    ['an empty message', json({ message: '   ' }), 400, 'invalid_request', /must not be empty/],
    ['a message over 1,000 characters', json({ message: '长'.repeat(1001) }), 400, 'invalid_request', /at most 1000 characters/],
    ['an unknown field', json({ message: '你好', admin: true }), 400, 'invalid_request', /admin/],
    ['a sessionId that is not a string', json({ message: '你好', sessionId: 42 }), 400, 'invalid_request', /sessionId/],
    ['a session flag that is not a boolean', json({ message: '你好', session: 'yes' }), 400, 'invalid_request', /session/],
    ['a body over 16 KB', json({ message: 'x', padding: 'y'.repeat(20_000) }), 413, 'payload_too_large', /16384 bytes/],
  ])('should answer %s with a JSON error', async (_, init, status, code, message) => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request('/api/chat', init);
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error)).toEqual(['code', 'message']);
    expect(body.error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  });

  it('should answer unknown routes and methods with 404 JSON', async () => {
    const { app } = testApp({ indexDirectory });
    for (const [path, method] of [['/nope', 'GET'], ['/api/chat', 'GET']]) {
      const response = await app.request(path, { method });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });
});

describe('API keys, admin token, rate limit and CORS', () => {
  it('should require a valid bearer key when keys are configured', async () => {
    const { app } = testApp({ indexDirectory, settings: { apiKeys: ['key-one', 'key-two'] } });
    expect((await app.request('/api/chat', json({ message: '逾期费怎么收？' }))).status).toBe(401);
    expect((await app.request('/api/chat', json({ message: '逾期费怎么收？' }, { authorization: 'Bearer nope' }))).status).toBe(403);
    expect((await app.request('/api/chat', json({ message: '逾期费怎么收？' }, { authorization: 'Bearer key-two' }))).status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('should keep the admin token separate from bot keys', async () => {
    const { app } = testApp({ indexDirectory, settings: { apiKeys: ['bot'], adminToken: 'admin-secret' } });
    expect((await app.request('/admin/reindex', { headers: { authorization: 'Bearer bot' } })).status).toBe(403);
  });

  it('should refuse over the limit with 429 and Retry-After', async () => {
    let time = 0;
    const { app } = testApp({ indexDirectory, settings: { rateLimitPerMinute: 2 }, now: () => time });
    const ask = () => app.request('/api/search?q=押金');
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()).error.code).toBe('rate_limited');
    time += 30_000;
    expect((await ask()).status).toBe(200);
  });

  it('should allow only the configured origins', async () => {
    const { app } = testApp({ indexDirectory, settings: { corsOrigins: ['https://allowed.example'] } });
    const allowed = await app.request('/healthz', { headers: { origin: 'https://allowed.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const other = await app.request('/healthz', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('retrieval, sources, health and docs', () => {
  it('should search chunks with scores and sources', async () => {
    const { app } = testApp({ indexDirectory });
    const body = await (await app.request('/api/search?q=逾期费&k=2')).json();
    expect(body.hits).toHaveLength(2);
    expect(body.hits[0]).toMatchObject({ sourceId: expect.stringMatching(/^guide-/), title: expect.any(String), score: expect.any(Number) });
    expect((await app.request('/api/search?k=2')).status).toBe(400);
    expect((await app.request('/api/search?q=x&k=500')).status).toBe(400);
  });

  it('should open a cited source, and 404 an unknown one', async () => {
    const { app } = testApp({ indexDirectory });
    const body = await (await app.request('/api/sources/official-notice')).json();
    expect(body).toMatchObject({ sourceId: 'official-notice', title: '星港市图书馆读者证管理办法', date: '2024-05-01', authority: 'official' });
    expect(body.text).toContain('读者证余额随证一并迁移');
    expect((await app.request('/api/sources/none')).status).toBe(404);
  });

  it('should report readiness and metrics', async () => {
    const { app } = testApp({ indexDirectory });
    // Two questions on the fixture's built-in contradictions (a fee three guides disagree on, branch counts as of different dates), one outside it.
    const bodies: AnswerResponse[] = [];
    for (const message of ['逾期费每天多少钱？', '全市有几家分馆？', '游泳馆几点开门？']) bodies.push(await (await app.request('/api/chat', json({ message }))).json());
    expect(await (await app.request('/readyz')).json()).toMatchObject({ status: 'ready', documents: 13, chunks: expect.any(Number) });
    const metrics = await (await app.request('/metrics')).text();
    const samples = (name: string) => metrics.split('\n').filter((line) => line.startsWith(`${name}{`)).sort();
    const counted = (labels: string[]) => [...new Set(labels)].map((label) => `${label} ${labels.filter((other) => other === label).length}`).sort();
    expect(samples('kbqa_http_requests_total')).toEqual(['kbqa_http_requests_total{route="/api/chat",method="POST",status="200"} 3', 'kbqa_http_requests_total{route="/readyz",method="GET",status="200"} 1']);
    expect(bodies.map((body) => body.status)).toEqual(['answered', 'answered', 'no_answer']);
    expect(samples('kbqa_answers_total')).toEqual(['kbqa_answers_total{status="answered"} 2', 'kbqa_answers_total{status="no_answer"} 1']);
    const rules = bodies.flatMap((body) => body.conflicts.map((conflict) => `kbqa_conflicts_resolved_total{rule="${conflict.rule}"}`));
    expect(rules.length).toBeGreaterThan(0);
    expect(samples('kbqa_conflicts_resolved_total')).toEqual(counted(rules));
    expect(metrics).toContain('kbqa_http_request_duration_seconds_bucket');
  });

  it('should describe the API from the zod schemas', async () => {
    const { app } = testApp({ indexDirectory });
    const document = await (await app.request('/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/chat', '/api/chat/stream', '/v1/chat/completions', '/api/search', '/api/sources/{id}', '/readyz', '/admin/reindex']));
    expect(document.components.schemas.ChatRequest.properties.message.maxLength).toBe(1000);
    expect(document.components.schemas.ChatRequest.properties.session.type).toBe('boolean');
    expect(document.components.schemas.AnswerResponse.properties.sessionId.type).toEqual(['string', 'null']);
    expect(document.paths['/metrics'].get.security).toEqual([{ opsToken: [] }]);
    expect(await (await app.request('/docs')).text()).toContain('/v1/chat/completions');
  });
});

describe('GET /api/sources/:id', () => {
  let percentIndex: string;
  beforeAll(async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, '50%off.md'), '---\ntitle: 半价周\n---\n半价周期间逾期费减半。\n');
    ({ indexDirectory: percentIndex } = await buildIndex(corpus));
  });

  it('should decode the id once: %25 is a literal percent sign', async () => {
    const { app } = testApp({ indexDirectory: percentIndex });
    const response = await app.request('/api/sources/50%25off');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ sourceId: '50%off', title: '半价周' });
  });

  it.each(['%25', '%', '%252e%252e%252f', '%2e%2e%2fpackage.json', '..%2f..%2fREADME', '%E0%A4%A', '%C0%AF', 'abc%ZZ', '50%2525off', 'none'])(
    'should answer the malformed or unknown id %s with a JSON 404',
    async (id) => {
      const { app } = testApp({ indexDirectory: percentIndex });
      const response = await app.request(`/api/sources/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()).error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^No source .+ in index /) });
    },
  );
});

describe('POST /v1/chat/completions', () => {
  it('should answer the last user message with earlier ones as history', async () => {
    const { app } = testApp({ indexDirectory });
    const body = await (
      await app.request('/v1/chat/completions', json({ model: 'kb-extractive', messages: [{ role: 'user', content: '东区读者证余额能迁移吗？' }, { role: 'assistant', content: '…' }, { role: 'user', content: '为什么？' }] }))
    ).json();
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].message.content).toContain('读者证余额不随证迁移');
    expect(body.choices[0].message.content).toContain('参考来源：\n[1] ');
    expect(body.choices[0].message.content.endsWith('以上内容依据资料库整理，仅供参考，以图书馆的规定为准。')).toBe(true);
    expect(body.kb.citations[0].sourceId).toBe('evening-news');
  });

  it('should refuse a request without a user message', async () => {
    const { app } = testApp({ indexDirectory });
    const response = await app.request('/v1/chat/completions', json({ messages: [{ role: 'system', content: 'hi' }] }));
    expect(response.status).toBe(400);
  });
});
