// SIGTERM drains: no new connections, Connection: close while draining, requests in flight finish, idle keep-alive
// sockets are closed cleanly, and DRAIN_TIMEOUT_MS bounds it all.
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../../answer/scripted-llm-server.js';
import { buildIndex } from '../../helpers.js';
import { startServerProcess } from './server-process.js';

let llm: ScriptedServer;
let indexDirectory: string;
beforeAll(async () => {
  llm = await startScriptedServer();
  ({ indexDirectory } = await buildIndex('corpus'));
});
afterAll(() => llm.close());

interface Outcome {
  status?: number;
  connection?: string;
  body?: string;
  error?: string;
}

/** One HTTP/1.1 request on `agent`; resolves with the response or the error code. */
function send(base: string, agent: Agent, path: string, body?: object): Promise<Outcome> {
  return new Promise((resolve) => {
    const outgoing = request(`${base}${path}`, { agent, method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json' } : {} }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection, body: text }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    outgoing.end(body ? JSON.stringify(body) : undefined);
  });
}

const slowQuestion = { message: '医保关系跨省转移后，个人账户余额会跟着转过去吗？' };

describe('graceful shutdown on SIGTERM', () => {
  it('should finish the request in flight with Connection: close, close idle keep-alive sockets cleanly, refuse new connections, and exit 0', async () => {
    llm.reply({ content: '', delayMilliseconds: 1500 });
    const server = await startServerProcess({ env: { INDEX_DIR: indexDirectory, LLM_BASE_URL: llm.baseUrl, DRAIN_TIMEOUT_MS: '10000' } });
    const idleAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await send(server.base, idleAgent, '/healthz')).toMatchObject({ status: 200, connection: 'keep-alive' });
    const idleSocket = Object.values(idleAgent.freeSockets).flat()[0] as Socket;
    const idleClosed = new Promise<{ hadError: boolean; errors: string[] }>((resolve) => {
      const errors: string[] = [];
      idleSocket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
      idleSocket.on('close', (hadError) => resolve({ hadError, errors }));
    });

    const calls = llm.requests.length;
    const busyAgent = new Agent({ keepAlive: true });
    const inFlight = send(server.base, busyAgent, '/api/chat', slowQuestion);
    await expect.poll(() => llm.requests.length, { timeout: 20_000 }).toBe(calls + 1);
    const signalled = performance.now();
    server.child.kill('SIGTERM');

    expect(await idleClosed).toEqual({ hadError: false, errors: [] });
    await expect.poll(async () => (await send(server.base, new Agent(), '/healthz')).error).toBe('ECONNREFUSED');
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.connection).toBe('close');
    expect(JSON.parse(finished.body!).status).toBe('answered');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalled).toBeLessThan(9000);
    expect(server.logs.find((line) => line.msg === 'drained; exiting')).toMatchObject({ timedOut: false });
  });

  it('should give up on requests still running after DRAIN_TIMEOUT_MS, close them and exit', async () => {
    llm.reply({ content: '', delayMilliseconds: 6000 });
    const server = await startServerProcess({ env: { INDEX_DIR: indexDirectory, LLM_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: '20000', DRAIN_TIMEOUT_MS: '300' } });
    const calls = llm.requests.length;
    const inFlight = send(server.base, new Agent(), '/api/chat', slowQuestion);
    await expect.poll(() => llm.requests.length, { timeout: 20_000 }).toBe(calls + 1);
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalled).toBeLessThan(4000);
    expect((await inFlight).error).toBe('ECONNRESET');
    expect(server.logs.find((line) => line.msg === 'drain timed out; remaining connections closed')).toMatchObject({ timedOut: true });
  });

  it('should not reset keep-alive clients that keep sending while it drains', async () => {
    const server = await startServerProcess({ env: { INDEX_DIR: indexDirectory, RATE_LIMIT_PER_MIN: '1000000' } });
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const outcomes: Outcome[] = [];
    let stop = false;
    const clients = Array.from({ length: 20 }, async () => {
      while (!stop) {
        const outcome = await send(server.base, agent, '/api/chat', { message: '补缴医保的滞纳金怎么算？' });
        outcomes.push(outcome);
        if (outcome.error === 'ECONNREFUSED') return;
      }
    });
    await expect.poll(() => outcomes.length, { timeout: 20_000 }).toBeGreaterThan(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    stop = true;
    await Promise.all(clients);
    const errors = outcomes.filter((outcome) => outcome.error).map((outcome) => outcome.error);
    expect(new Set(errors)).toEqual(new Set(['ECONNREFUSED']));
    expect(outcomes.filter((outcome) => outcome.status === 200).length + errors.length).toBe(outcomes.length);
    expect(errors).toHaveLength(20);
    expect(outcomes.some((outcome) => outcome.connection === 'close')).toBe(true);
  });
});
