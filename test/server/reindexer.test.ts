import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestLock } from '../../src/index/ingest-lock.js';
import { describeChildFailure } from '../../src/server/describe-child-failure.js';
import { ingestEntryPoint } from '../../src/server/ingest-entry-point.js';
import { Reindexer } from '../../src/server/reindexer.js';
import { buildIndex, copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { silentLogger, testApp } from './test-app.js';

const admin = { method: 'POST', headers: { authorization: 'Bearer admin-secret' } };

/** A reindexer whose runs resolve `finished()`. */
function reindexerFor({ corpusDirectory, indexDirectory, entryPoint }: { corpusDirectory: string; indexDirectory: string; entryPoint?: ConstructorParameters<typeof Reindexer>[0]['entryPoint'] }) {
  let done: () => void = () => {};
  const reindexer = new Reindexer({ corpusDirectory, indexDirectory, logger: silentLogger, entryPoint, onFinished: () => done() });
  return { reindexer, finished: () => new Promise<void>((resolve) => (done = resolve)) };
}

let corpus: string;
let indexDirectory: string;
beforeAll(async () => {
  corpus = copyCorpus(libraryCorpus);
  ({ indexDirectory } = await buildIndex(corpus));
});

describe('the ingest entry point', () => {
  it('should be the TypeScript CLI run through tsx, both found from the module, whatever the working directory', () => {
    const entry = ingestEntryPoint();
    expect(entry.script).toBe(fileURLToPath(new URL('../../src/cli/ingest.ts', import.meta.url)));
    expect(entry.nodeArguments).toEqual(['--import', expect.stringMatching(/^file:\/\/\/.*\/node_modules\/tsx\/dist\/loader\.mjs$/)]);
    expect(existsSync(fileURLToPath(entry.nodeArguments[1]))).toBe(true);
  });

  it('should be the compiled CLI beside a compiled server, run by node alone', () => {
    expect(ingestEntryPoint('file:///srv/app/dist/src/server/reindexer.js')).toEqual({ nodeArguments: [], script: '/srv/app/dist/src/cli/ingest.js' });
  });
});

describe('POST /admin/reindex', () => {
  it('should run ingest in a child, answer 409 while it runs, then serve its summary', async () => {
    const { reindexer, finished } = reindexerFor({ corpusDirectory: corpus, indexDirectory });
    const { app } = testApp({ indexDirectory, settings: { adminToken: 'admin-secret' }, reindexer });
    appendFileSync(join(corpus, 'guide-d.md'), '夜间还书箱每晚清空。\n');
    const done = finished();
    const started = await app.request('/admin/reindex', admin);
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ started: true, status: { state: 'running' } });
    const again = await app.request('/admin/reindex', admin);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'ingest_locked', message: expect.stringMatching(/^A re-index started at .+ is still running; GET \/admin\/reindex shows its state\.$/) });
    await done;
    expect(reindexer.status).toMatchObject({ state: 'succeeded', error: null, summary: { files: { processed: 1 } } });
  });

  it('should answer 409 while another process holds the index lock', async () => {
    const { reindexer } = reindexerFor({ corpusDirectory: corpus, indexDirectory });
    const { app } = testApp({ indexDirectory, settings: { adminToken: 'admin-secret' }, reindexer });
    const lock = IngestLock.acquire({ indexDirectory });
    try {
      const response = await app.request('/admin/reindex', admin);
      expect(response.status).toBe(409);
      expect((await response.json()).error).toMatchObject({ code: 'ingest_locked', message: expect.stringMatching(new RegExp(`^Another ingest is running on ${indexDirectory} \\(host .+, pid ${process.pid}, `)) });
      expect(reindexer.status.state).toBe('idle');
    } finally {
      await lock.release();
    }
  });

  it("should report a failed run by the child's own message, without a stack trace", async () => {
    const empty = temporaryDirectory();
    mkdirSync(join(empty, 'rules'));
    const { reindexer, finished } = reindexerFor({ corpusDirectory: empty, indexDirectory });
    const done = finished();
    reindexer.start();
    await done;
    expect(reindexer.status.state).toBe('failed');
    expect(reindexer.status.error).toBe('Rule file domain.yaml is invalid: the file is missing (every corpus needs rules/domain.yaml). Fix the file and run again.');
  });

  it('should report a child that crashed by the last line that says why, not its stack', async () => {
    const script = join(temporaryDirectory(), 'crash.mjs');
    writeFileSync(script, "function deep() { throw new TypeError('the disk is on fire'); }\ndeep();\n");
    const { reindexer, finished } = reindexerFor({ corpusDirectory: corpus, indexDirectory, entryPoint: { nodeArguments: [], script } });
    const done = finished();
    reindexer.start();
    await done;
    expect(reindexer.status).toMatchObject({ state: 'failed', error: 'ingest exited with code 1: TypeError: the disk is on fire' });
  });
});

describe('describeChildFailure', () => {
  it.each([
    ['the JSON error the CLI printed', { stdout: '{"error":{"code":"empty_corpus","message":"The corpus at x has no readable article."}}\n', stderr: 'ingest failed: …\n    at x (y.ts:1:1)\n' }, 'The corpus at x has no readable article.'],
    ['the error line of an uncaught exception', { stdout: '', stderr: "node:internal/modules/run_main:123\n    triggerUncaughtException(\n    ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find package 'tsx' imported from /tmp/x/\n    at packageResolve (node:internal/modules/esm/resolve:873:9)\n{\n  code: 'ERR_MODULE_NOT_FOUND'\n}\n\nNode.js v20.20.2\n" }, "ingest exited with code 1: Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'tsx' imported from /tmp/x/"],
    ['the last lines of anything else', { stdout: '', stderr: 'out of memory\n' }, 'ingest exited with code 1: out of memory'],
    ['nothing', { stdout: '', stderr: '' }, 'ingest exited with code 1 without a message'],
  ])('should describe %s', (_, output, expected) => {
    expect(describeChildFailure({ ...output, code: 1, signal: null })).toBe(expected);
  });
});
