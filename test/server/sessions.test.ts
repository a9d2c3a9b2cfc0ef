// The HTTP session contract: one-off questions store nothing; sessions have server-issued ids bound to their owner.
import { beforeAll, describe, expect, it } from 'vitest';
import { issuedSessionIdPattern } from '../../src/server/session-store.js';
import { buildIndex, libraryCorpus } from '../helpers.js';
import { json, testApp } from './test-app.js';

let indexDirectory: string;
beforeAll(async () => {
  ({ indexDirectory } = await buildIndex(libraryCorpus));
});

const opening = '东区读者证余额能迁移吗？';
const followUp = '为什么？';
const continued = '读者证余额不随证迁移';

type App = ReturnType<typeof testApp>['app'];
const chat = async (app: App, body: object, headers: Record<string, string> = {}) => (await app.request('/api/chat', json(body, headers))).json();

describe('one-off questions', () => {
  it('should answer without a sessionId with sessionId null and store nothing', async () => {
    const { app, sessions } = testApp({ indexDirectory });
    for (let request = 0; request < 20; request++) expect((await chat(app, { message: opening })).sessionId).toBeNull();
    expect(await chat(app, { message: opening, sessionId: null })).toMatchObject({ sessionId: null, status: 'answered' });
    expect(sessions.count()).toBe(0);
  });

  it('should stream a one-off answer with sessionId null in the meta event, storing nothing', async () => {
    const { app, sessions } = testApp({ indexDirectory });
    const text = await (await app.request('/api/chat/stream', json({ message: opening }))).text();
    expect(JSON.parse(/event: meta\ndata: (.*)/.exec(text)![1]).sessionId).toBeNull();
    expect(sessions.count()).toBe(0);
  });
});

describe('sessions', () => {
  it('should start a session on "session": true with an unguessable id the server issues', async () => {
    const { app, sessions } = testApp({ indexDirectory });
    const first = await chat(app, { message: opening, session: true });
    const second = await chat(app, { message: opening, session: true });
    expect(first.sessionId).toMatch(issuedSessionIdPattern);
    expect(Buffer.from(first.sessionId, 'base64url').length * 8).toBe(192);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(sessions.count()).toBe(2);
  });

  it('should continue a session the caller owns, with or without "session": true', async () => {
    const { app } = testApp({ indexDirectory });
    const { sessionId } = await chat(app, { message: opening, session: true });
    const plain = await chat(app, { message: followUp, sessionId });
    expect(plain.sessionId).toBe(sessionId);
    expect(plain.answer.split('\n\n')[0]).toContain(continued);
    const flagged = await chat(app, { message: followUp, sessionId, session: true });
    expect(flagged.sessionId).toBe(sessionId);
    expect(flagged.answer.split('\n\n')[0]).toContain(continued);
  });

  it('should continue a session over /api/chat/stream, the meta event carrying the id', async () => {
    const { app } = testApp({ indexDirectory });
    const { sessionId } = await chat(app, { message: opening, session: true });
    const text = await (await app.request('/api/chat/stream', json({ message: followUp, sessionId }))).text();
    expect(JSON.parse(/event: meta\ndata: (.*)/.exec(text)![1]).sessionId).toBe(sessionId);
    expect(text).toContain(continued);
  });

  it.each([
    ['invented by the client', 'session-0001'],
    ['malformed', '../../etc/passwd'],
    ['shaped like an issued id but never issued', 'A'.repeat(32)],
  ])('should start a new session for an id %s, never adopting it', async (_, invented) => {
    const { app, sessions } = testApp({ indexDirectory });
    const answer = await chat(app, { message: followUp, sessionId: invented });
    expect(answer.sessionId).toMatch(issuedSessionIdPattern);
    expect(answer.sessionId).not.toBe(invented);
    expect(answer.status).toBe('no_answer');
    expect(sessions.count()).toBe(1);
    // The client keeps using the issued id: the conversation continues under it.
    await chat(app, { message: opening, sessionId: answer.sessionId });
    expect((await chat(app, { message: followUp, sessionId: answer.sessionId })).answer).toContain(continued);
  });

  it('should start a new session for an expired id', async () => {
    let time = 0;
    const { app } = testApp({ indexDirectory, now: () => time });
    const { sessionId } = await chat(app, { message: opening, session: true });
    time += 3600_000 + 1;
    const later = await chat(app, { message: followUp, sessionId });
    expect(later.sessionId).toMatch(issuedSessionIdPattern);
    expect(later.sessionId).not.toBe(sessionId);
    expect(later.status).toBe('no_answer');
  });

  it("should never let another API key continue, or inherit anything from, someone's session", async () => {
    const { app } = testApp({ indexDirectory, settings: { apiKeys: ['key-one', 'key-two'] } });
    const one = { authorization: 'Bearer key-one' };
    const two = { authorization: 'Bearer key-two' };
    const { sessionId } = await chat(app, { message: opening, session: true }, one);
    const intruder = await chat(app, { message: followUp, sessionId }, two);
    expect(intruder.sessionId).toMatch(issuedSessionIdPattern);
    expect(intruder.sessionId).not.toBe(sessionId);
    expect(intruder.status).toBe('no_answer');
    // The owner's conversation is untouched by the attempt.
    const owner = await chat(app, { message: followUp, sessionId }, one);
    expect(owner.sessionId).toBe(sessionId);
    expect(owner.answer.split('\n\n')[0]).toContain(continued);
  });
});
