// `npm start` as operators run it: a real server process, started from another directory, stopped by signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/synthetic-corpus.js';
import { readCurrentVersion } from '../../src/index/index-store.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { damageVersionGraph } from '../index/damage-hnsw-file.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const serveScript = fileURLToPath(new URL('../../src/cli/serve.ts', import.meta.url));
const adminToken = 'admin-secret';

interface RunningServer {
  process: ChildProcess;
  base: string;
  logs: Array<{ level: number; msg: string; [key: string]: unknown }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: RunningServer[] = [];
afterEach(() => {
  for (const server of running.splice(0)) server.process.kill('SIGKILL');
});

/** Starts the server in `cwd` (a directory with neither the sources nor node_modules) on a free port. */
async function startServer({ indexDirectory, corpusDirectory }: { indexDirectory: string; corpusDirectory: string }): Promise<RunningServer> {
  const cwd = temporaryDirectory('kbqa-cwd-');
  const environment = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  const child = spawn(process.execPath, ['--import', tsx, serveScript], {
    cwd,
    env: { ...environment, PORT: '0', INDEX_DIR: indexDirectory, CORPUS_DIR: corpusDirectory, SESSION_DB: join(cwd, 'sessions.sqlite'), ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: RunningServer['logs'] = [];
  let stderr = '';
  child.stderr!.on('data', (data) => (stderr += data));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const base = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (data) => {
      buffered += data;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        let entry: RunningServer['logs'][number];
        try {
          entry = JSON.parse(line);
        } catch {
          continue; // not a log line
        }
        logs.push(entry);
        if (typeof entry.port === 'number' && /^listening/.test(entry.msg)) resolve(`http://127.0.0.1:${entry.port}`);
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`the server exited (${code ?? signal}) before listening: ${stderr}`)));
  });
  const server = { process: child, base, logs, exited };
  running.push(server);
  return server;
}

async function until<T>(probe: () => T | Promise<T>, { timeoutMilliseconds = 60_000, what = 'the condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Processes (other than this one) whose command line mentions `marker`. */
function processesMentioning(marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const post = (base: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('the server process', () => {
  it('should start on the newest kept version that passes when current has a damaged vector file, and not crash', async () => {
    const corpusDirectory = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory('kbqa-index-');
    const good = await ingestCorpus({ corpusDirectory, indexDirectory });
    appendFileSync(join(corpusDirectory, 'guide-a.md'), '新增一句。\n');
    const damaged = await ingestCorpus({ corpusDirectory, indexDirectory });
    damageVersionGraph(join(indexDirectory, 'versions', damaged.version), (bytes) => (bytes.writeUInt32LE(99999, 52), bytes));

    const server = await startServer({ indexDirectory, corpusDirectory });
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', version: good.version, fallbackFrom: damaged.version });
    for (const message of ['逾期费怎么收？', '押金多久退还？', '可以夜间还书吗？']) expect((await post(server.base, '/api/chat', { message })).status).toBe(200);
    expect(server.logs.some((line) => line.msg.startsWith(`index version ${damaged.version} refused: `) && /the entry point 99999/.test(line.msg))).toBe(true);
    server.process.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it('should re-index on POST /admin/reindex when started from another directory', async () => {
    const corpusDirectory = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory('kbqa-index-');
    const before = await ingestCorpus({ corpusDirectory, indexDirectory });
    const server = await startServer({ indexDirectory, corpusDirectory });
    appendFileSync(join(corpusDirectory, 'guide-d.md'), '夜间还书箱每晚清空。\n');
    expect((await post(server.base, '/admin/reindex')).status).toBe(202);
    const status = await until(async () => {
      const state = await (await fetch(`${server.base}/admin/reindex`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
      return state.state === 'running' ? null : state;
    }, { what: 'the re-index to finish' });
    expect(status).toMatchObject({ state: 'succeeded', error: null, summary: { previousVersion: before.version, files: { processed: 1 } } });
    expect(readCurrentVersion(indexDirectory)).toBe(status.summary.version);
    await until(async () => (await (await fetch(`${server.base}/readyz`)).json()).version === status.summary.version, { what: 'the new version to serve' });
  });

  describe('with a re-index running', () => {
    let corpusDirectory: string;
    let template: string;
    let published: string;
    beforeAll(async () => {
      corpusDirectory = join(temporaryDirectory('kbqa-corpus-'), 'corpus');
      writeSyntheticCorpus({ seedDirectory: 'corpus', directory: corpusDirectory, documents: 300, bytesPerDocument: 1500 });
      template = temporaryDirectory('kbqa-index-');
      published = (await ingestCorpus({ corpusDirectory, indexDirectory: template })).version;
      // A changed user dictionary changes every token: the next run re-reads everything and takes a while.
      appendFileSync(join(corpusDirectory, 'rules', 'userdict.txt'), '样例网 20000 n\n');
    }, 180_000);

    it.each([
      ['SIGTERM', 'the server stops it before exiting', /^Ingest stopped \(SIGTERM\) before publishing/],
      ['SIGKILL', 'it stops by itself once its server is gone', null],
    ] as const)('should not outlive a server ended by %s: %s, publishing nothing', async (signal, _, logged) => {
      const indexDirectory = temporaryDirectory('kbqa-index-');
      cpSync(template, indexDirectory, { recursive: true, verbatimSymlinks: true });
      const server = await startServer({ indexDirectory, corpusDirectory });
      expect((await post(server.base, '/admin/reindex')).status).toBe(202);
      await until(() => existsSync(join(indexDirectory, 'ingest.lock')), { what: 'the child to take the lock' });
      server.process.kill(signal);
      await server.exited;
      if (logged) expect(server.logs.find((line) => line.msg === 'reindex finished')).toMatchObject({ reindex: 'failed', error: expect.stringMatching(logged) });
      // A child that outlived its server would still be running, then publish; give it the time it would need.
      await until(() => processesMentioning(indexDirectory).length === 0, { timeoutMilliseconds: 120_000, what: 'no process to use the index directory' });
      expect(readCurrentVersion(indexDirectory)).toBe(published);
      expect(readdirSync(join(indexDirectory, 'versions'))).toEqual([published]);
      expect(readdirSync(indexDirectory).sort()).toEqual(['current', 'objects', 'versions']);
    });
  });
});
