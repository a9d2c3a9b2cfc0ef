// answerId on every answer, POST /api/feedback, GET /admin/feedback with filters and exports, opt-in conversation logs.
import { describe, expect, it } from 'vitest';
import { answerIdOf } from '../../src/feedback/answer-id.js';
import { purgeOldConversations } from '../../src/feedback/log-conversation.js';
import { libraryCorpus } from '../helpers.js';
import { json } from '../server/test-app.js';
import { asEditor, operatorApp } from '../server/operator-app.js';

const question = '逾期费怎么收？';

describe('answerId', () => {
  it('should be a digest of index version, question and answer, the same for the same question on the same index', async () => {
    const { app, indexes } = await operatorApp({ corpus: libraryCorpus });
    const first = await (await app.request('/api/chat', json({ message: question }))).json();
    const second = await (await app.request('/api/chat', json({ message: question, sessionId: 'another-session' }))).json();
    expect(first.answerId).toBe(answerIdOf({ indexVersion: indexes.current!.version, question, answer: first.answer }));
    expect(second.answerId).toBe(first.answerId);
    expect(answerIdOf({ indexVersion: 'other', question, answer: first.answer })).not.toBe(first.answerId);
    const completion = await (await app.request('/v1/chat/completions', json({ messages: [{ role: 'user', content: question }] }))).json();
    expect(completion.kb.answerId).toBe(first.answerId);
  });
});

describe('POST /api/feedback', () => {
  it('should keep the rating with the recomputed answer and citations, and list it with filters and exports', async () => {
    const { app, indexes } = await operatorApp({ corpus: libraryCorpus });
    const answered = await (await app.request('/api/chat', json({ message: question }))).json();
    const down = await app.request('/api/feedback', json({ answerId: answered.answerId, question, rating: 'down', comment: '金额写错了, "0.1元"？' }));
    expect(down.status).toBe(201);
    expect(await down.json()).toMatchObject({ answerId: answered.answerId, recomputed: true, indexVersion: indexes.current!.version });
    // An answer the server cannot recompute (a follow-up in a session, another version) is kept without it.
    const up = await app.request('/api/feedback', json({ answerId: 'A'.repeat(22), question: '押金多久退还？', rating: 'up', indexVersion: 'v-old' }));
    expect(await up.json()).toMatchObject({ recomputed: false, indexVersion: 'v-old' });

    const listed = await (await app.request('/admin/feedback', { headers: asEditor })).json();
    expect(listed.total).toBe(2);
    expect(listed.items[1]).toMatchObject({ rating: 'down', question, comment: '金额写错了, "0.1元"？', answer: answered.answer, citations: answered.citations, indexVersion: indexes.current!.version });
    expect(listed.items[0]).toMatchObject({ rating: 'up', answer: null, citations: null });
    expect((await (await app.request('/admin/feedback?rating=down', { headers: asEditor })).json()).items.map((item: { rating: string }) => item.rating)).toEqual(['down']);
    expect((await (await app.request('/admin/feedback?q=%E9%87%91%E9%A2%9D', { headers: asEditor })).json()).total).toBe(1);
    expect((await (await app.request('/admin/feedback?from=2999-01-01', { headers: asEditor })).json()).total).toBe(0);
    expect((await app.request('/admin/feedback?rating=meh', { headers: asEditor })).status).toBe(400);

    const csv = await app.request('/admin/feedback?format=csv&rating=down', { headers: asEditor });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="feedback-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('id,createdAt,rating,question,comment,answerId,indexVersion,answer,citations');
    expect(lines[1]).toContain(',down,逾期费怎么收？,"金额写错了, ""0.1元""？",');
    const jsonl = await (await app.request('/admin/feedback?format=jsonl', { headers: asEditor })).text();
    expect(jsonl.trim().split('\n').map((line) => JSON.parse(line).rating)).toEqual(['up', 'down']);
  });

  it.each([
    ['a malformed answerId', { answerId: 'x', question, rating: 'up' }, /answerId/],
    ['an unknown rating', { answerId: 'A'.repeat(22), question, rating: 'meh' }, /rating/],
    ['an empty question', { answerId: 'A'.repeat(22), question: ' ', rating: 'up' }, /question must not be empty/],
    ['a comment over 2000 characters', { answerId: 'A'.repeat(22), question, rating: 'down', comment: '长'.repeat(2001) }, /comment must be at most 2000/],
    ['an unknown field', { answerId: 'A'.repeat(22), question, rating: 'up', user: 'x' }, /user/],
  ])('should refuse %s with a 400', async (_, body, message) => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    const response = await app.request('/api/feedback', json(body));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(message);
  });
});

describe('conversation logs', () => {
  it('should store nothing by default', async () => {
    const { app, store } = await operatorApp({ corpus: libraryCorpus });
    await app.request('/api/chat', json({ message: question }));
    await app.request('/api/chat/stream', json({ message: question }));
    expect((await store.listConversations({ limit: 10, offset: 0 })).total).toBe(0);
    expect(await (await app.request('/admin/conversations', { headers: asEditor })).json()).toEqual({ logging: false, retentionDays: 30, total: 0, limit: 50, offset: 0, items: [] });
  });

  it('should log every channel when LOG_CONVERSATIONS is on, list and export them, and purge past the retention', async () => {
    const { app, store } = await operatorApp({ corpus: libraryCorpus, logConversations: true });
    const answered = await (await app.request('/api/chat', json({ message: question, session: true }))).json();
    await (await app.request('/api/chat/stream', json({ message: '押金多久退还？' }))).text();
    await app.request('/v1/chat/completions', json({ messages: [{ role: 'user', content: '今天天气怎么样？' }] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = await (await app.request('/admin/conversations', { headers: asEditor })).json();
    expect(listed.logging).toBe(true);
    expect(listed.items.map((item: { channel: string; status: string }) => [item.channel, item.status])).toEqual([
      ['openai', 'no_answer'],
      ['stream', 'answered'],
      ['api', 'answered'],
    ]);
    // (the session id is the one the server issued)
    expect(listed.items[2]).toMatchObject({ sessionId: answered.sessionId, question, answer: answered.answer, answerId: answered.answerId });
    expect((await (await app.request(`/admin/conversations?sessionId=${answered.sessionId}`, { headers: asEditor })).json()).total).toBe(1);
    const csv = await (await app.request('/admin/conversations?format=csv', { headers: asEditor })).text();
    expect(csv.split('\r\n')[0]).toBe('id,createdAt,sessionId,channel,question,status,mode,answer,answerId,indexVersion');
    expect(await purgeOldConversations({ store, retentionDays: 30, now: () => Date.now() + 31 * 86_400_000 })).toBe(3);
    expect((await store.listConversations({ limit: 10, offset: 0 })).total).toBe(0);
  });
});
