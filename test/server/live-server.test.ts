// A real listening server: SSE, the official openai client, hot reload under requests, sessions across a restart.
import { mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { switchCurrent } from '../../src/index/index-store.js';
import { SqliteSessionStore } from '../../src/server/sqlite-session-store.js';
import { buildIndex, copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { testApp } from './test-app.js';

let indexDirectory: string;
let corpus: string;
beforeAll(async () => {
  corpus = copyCorpus(libraryCorpus);
  ({ indexDirectory } = await buildIndex(corpus));
});

async function listen(app: ReturnType<typeof testApp>['app']): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, base: `http://127.0.0.1:${info.port}` }));
  });
}

const post = (base: string, path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function parseEvents(text: string): Array<{ event: string; data: string }> {
  return text
    .trim()
    .split(/\n\n+/)
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n'),
    }));
}

describe('a listening server', () => {
  let server: ServerType;
  let base: string;
  let holder: ReturnType<typeof testApp>['indexes'];
  beforeAll(async () => {
    const built = testApp({ indexDirectory });
    holder = built.indexes;
    ({ server, base } = await listen(built.app));
  });
  afterAll(() => server.close());

  it('should stream meta, deltas that add up to the /api/chat answer, then citations, conflicts, disclaimer, done', async () => {
    const expected = await (await post(base, '/api/chat', { message: '逾期费怎么收？' })).json();
    const response = await post(base, '/api/chat/stream', { message: '逾期费怎么收？' });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseEvents(await response.text());
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('meta');
    expect(names.slice(-4)).toEqual(['citations', 'conflicts', 'disclaimer', 'done']);
    expect(new Set(names.slice(1, -4))).toEqual(new Set(['delta']));
    expect(events.filter((event) => event.event === 'delta').map((event) => JSON.parse(event.data).text).join('')).toBe(expected.answer);
    expect(JSON.parse(events.at(-4)!.data)).toEqual(expected.citations);
    expect(JSON.parse(events.at(-3)!.data)).toEqual(expected.conflicts);
  });

  it('should serve the official openai client, with and without streaming', async () => {
    const expected: AnswerResponse = await (await post(base, '/api/chat', { message: '逾期费怎么收？' })).json();
    expect(expected.status).toBe('answered');
    expect(expected.citations.length).toBeGreaterThan(0);
    const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'unused' });
    const completion = await client.chat.completions.create({ model: 'kb-extractive', messages: [{ role: 'user', content: '逾期费怎么收？' }] });
    const content = completion.choices[0].message.content!;
    // The assistant message is the /api/chat answer, its sources by number and title, then the disclaimer.
    const sources = expected.citations.map((citation) => `[${citation.n}] ${citation.title}${citation.date ? `（${citation.date}）` : ''}`);
    expect(content).toBe(`${expected.answer}\n\n参考来源：\n${sources.join('\n')}\n\n${expected.disclaimer}`);
    expect((completion as unknown as { kb: unknown }).kb).toEqual({ status: 'answered', citations: expected.citations, conflicts: expected.conflicts, disclaimer: expected.disclaimer, indexVersion: expected.indexVersion, answerId: expected.answerId });
    const stream = await client.chat.completions.create({ model: 'kb-extractive', messages: [{ role: 'user', content: '逾期费怎么收？' }], stream: true });
    let streamed = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(streamed).toBe(content);
    expect(finish).toBe('stop');
    expect((await client.models.list()).data.map((model) => model.id)).toEqual(['kb-extractive']);
  });

  it('should switch to a new index version under load without failing a request, and refuse a broken one', async () => {
    const before = holder.current!.version;
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) statuses.push((await post(base, '/api/chat', { message: '押金多久退还？' })).status);
    })();
    appendFileSync(join(corpus, 'guide-d.md'), '夜间还书箱在各分馆门口。\n');
    const summary = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(holder.refresh()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await load;
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(summary.version).not.toBe(before);
    expect((await (await fetch(`${base}/readyz`)).json()).version).toBe(summary.version);

    mkdirSync(join(indexDirectory, 'versions', 'broken'), { recursive: true });
    writeFileSync(join(indexDirectory, 'versions', 'broken', 'manifest.json'), '{ not json');
    switchCurrent(indexDirectory, 'broken');
    expect(holder.refresh()).toBe(false);
    expect(holder.lastError).toMatch(/cannot be loaded/);
    expect((await (await fetch(`${base}/readyz`)).json()).version).toBe(summary.version);
    expect((await post(base, '/api/chat', { message: '押金多久退还？' })).status).toBe(200);
    switchCurrent(indexDirectory, summary.version);
  });
});

describe('sessions', () => {
  it('should survive a restart of the server', async () => {
    const database = join(temporaryDirectory(), 'sessions.sqlite');
    const first = testApp({ indexDirectory, sessionDatabase: database });
    const { server, base } = await listen(first.app);
    const started = await (await post(base, '/api/chat', { message: '东区读者证余额能迁移吗？', session: true })).json();
    server.close();
    await first.sessions.close();

    const second = testApp({ indexDirectory, sessionDatabase: database });
    const restarted = await listen(second.app);
    const body = await (await post(restarted.base, '/api/chat', { message: '为什么？', sessionId: started.sessionId })).json();
    restarted.server.close();
    expect(body.sessionId).toBe(started.sessionId);
    expect(body.answer.split('\n\n')[0]).toContain('读者证余额不随证迁移');
  });

  it('should expire sessions after their time to live', async () => {
    let time = 0;
    const store = new SqliteSessionStore({ path: ':memory:', ttlMilliseconds: 1000, now: () => time });
    await store.set('abcdefgh', { owner: 'anonymous', state: { turns: [] } });
    expect(await store.get('abcdefgh')).toEqual({ owner: 'anonymous', state: { turns: [] } });
    time = 1001;
    expect(await store.get('abcdefgh')).toBeNull();
    expect(store.count()).toBe(0);
  });
});

describe('bodies read from the socket', () => {
  it('should refuse an oversized body without a declared length, and accept a normal one', async () => {
    const { app } = testApp({ indexDirectory });
    const { server, base } = await listen(app);
    const { request } = await import('node:http');
    const send = (chunks: string[]) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const outgoing = request(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
          let body = '';
          response.on('data', (data) => (body += data));
          response.on('end', () => resolve({ status: response.statusCode!, body }));
        });
        outgoing.on('error', reject);
        for (const chunk of chunks) outgoing.write(chunk);
        outgoing.end();
      });
    const oversized = await send(['{"message":"', 'x'.repeat(10_000), 'y'.repeat(10_000), '"}']);
    expect(oversized.status).toBe(413);
    expect(JSON.parse(oversized.body).error.code).toBe('payload_too_large');
    const normal = await send(['{"message":"逾期费', '怎么收？"}']);
    expect(normal.status).toBe(200);
    expect(JSON.parse(normal.body).status).toBe('answered');
    server.close();
  });
});
