// /admin/documents: list, create (JSON and multipart), replace, disable, delete; bad uploads; 409 ingest_locked;
// failed ingests; changes published by the server's re-index child.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readCurrentVersion } from '../../src/index/index-store.js';
import { IngestLock } from '../../src/index/ingest-lock.js';
import type { IngestEntryPoint } from '../../src/server/ingest-entry-point.js';
import { Reindexer } from '../../src/server/reindexer.js';
import { libraryCorpus, temporaryDirectory } from '../helpers.js';
import { json, silentLogger } from '../server/test-app.js';
import { adminToken, asEditor, inProcessIngest, operatorApp, send, type IngestFor } from '../server/operator-app.js';

const article = '---\ntitle: 古籍修复室开放通知\ndate: 2025-02-01\n---\n星港市图书馆古籍修复室每周三下午向读者开放，需提前一天预约。\n';
const question = '古籍修复室什么时候向读者开放？';

async function ask(app: Awaited<ReturnType<typeof operatorApp>>['app'], message: string) {
  return (await app.request('/api/chat', json({ message }))).json();
}

describe('GET /admin/documents', () => {
  it('should list every corpus file with metadata, enabled state, chunk and claim counts', async () => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    const body = await (await app.request('/admin/documents', { headers: asEditor })).json();
    expect(body.documents.map((document: { path: string }) => document.path)).toContain('official-notice.md');
    const notice = body.documents.find((document: { path: string }) => document.path === 'official-notice.md');
    expect(notice).toMatchObject({ sourceId: 'official-notice', title: '星港市图书馆读者证管理办法', date: '2024-05-01', authority: 'official', enabled: true, indexed: true, supersedes: [], effectiveDate: null });
    expect(notice.chunks).toBeGreaterThan(0);
    expect(notice.claims).toBeGreaterThan(0);
    expect(body.indexVersion).toMatch(/^\d{8}T/);
  });
});

describe('document changes', () => {
  it('should publish an uploaded article so that its answer appears, then hide it when disabled, and delete it', async () => {
    const { app, corpusDirectory, indexes, store } = await operatorApp({ corpus: libraryCorpus });
    expect((await ask(app, question)).status).toBe('no_answer');
    const before = indexes.current!.version;

    const created = await app.request('/admin/documents', send('POST', { path: 'notices/2025-restoration.md', content: article, metadata: { authority: 'official', effectiveDate: '2025-02-10' } }));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ path: 'notices/2025-restoration.md', previousVersion: before, document: { title: '古籍修复室开放通知', authority: 'official', effectiveDate: '2025-02-10', enabled: true, indexed: true } });
    expect(body.version).toBe(indexes.current!.version);
    expect(readFileSync(join(corpusDirectory, 'notices/2025-restoration.md'), 'utf8')).toBe(article);
    expect(readFileSync(join(corpusDirectory, 'documents.yaml'), 'utf8')).toContain('notices/2025-restoration.md:');
    const answered = await ask(app, question);
    expect(answered.status).toBe('answered');
    expect(answered.citations.map((citation: { sourceId: string }) => citation.sourceId)).toContain('notices/2025-restoration');

    const disabled = await app.request('/admin/documents/notices/2025-restoration.md', send('PATCH', { enabled: false }));
    expect(disabled.status).toBe(200);
    expect((await disabled.json()).document).toMatchObject({ enabled: false, indexed: false, chunks: 0 });
    expect((await ask(app, question)).status).toBe('no_answer');
    expect(existsSync(join(corpusDirectory, 'notices/2025-restoration.md'))).toBe(true);

    expect((await app.request('/admin/documents/notices/2025-restoration.md', send('PATCH', { enabled: true }))).status).toBe(200);
    expect((await ask(app, question)).status).toBe('answered');

    const deleted = await app.request('/admin/documents/notices/2025-restoration.md', { method: 'DELETE', headers: asEditor });
    expect(deleted.status).toBe(200);
    expect(existsSync(join(corpusDirectory, 'notices/2025-restoration.md'))).toBe(false);
    expect(readFileSync(join(corpusDirectory, 'documents.yaml'), 'utf8')).not.toContain('2025-restoration');
    expect((await ask(app, question)).status).toBe('no_answer');

    const audit = await store.listAudit({ limit: 10, offset: 0 });
    expect(audit.items.map((entry) => [entry.actor, entry.action, entry.target])).toEqual([
      ['editor-li', 'document.delete', 'notices/2025-restoration.md'],
      ['editor-li', 'document.enable', 'notices/2025-restoration.md'],
      ['editor-li', 'document.disable', 'notices/2025-restoration.md'],
      ['editor-li', 'document.create', 'notices/2025-restoration.md'],
    ]);
  });

  it('should take a multipart upload, replace a document with PUT and refuse to create one twice', async () => {
    const { app, corpusDirectory } = await operatorApp({ corpus: libraryCorpus });
    const form = new FormData();
    form.set('file', new File([article], 'restoration.txt', { type: 'text/plain' }));
    form.set('metadata', JSON.stringify({ publisher: '星港市图书馆' }));
    const uploaded = await app.request('/admin/documents', { method: 'POST', headers: asEditor, body: form });
    expect(uploaded.status).toBe(201);
    expect((await uploaded.json()).document).toMatchObject({ path: 'restoration.txt', publisher: '星港市图书馆' });
    expect((await app.request('/admin/documents', send('POST', { path: 'restoration.txt', content: article }))).status).toBe(409);

    const replaced = await app.request('/admin/documents/restoration.txt', send('PUT', { content: article.replace('每周三', '每周五') }));
    expect(replaced.status).toBe(200);
    expect(readFileSync(join(corpusDirectory, 'restoration.txt'), 'utf8')).toContain('每周五');
    expect((await ask(app, question)).answer).toContain('每周五');
    const shown = await (await app.request('/admin/documents/restoration.txt', { headers: asEditor })).json();
    expect(shown).toMatchObject({ path: 'restoration.txt', publisher: '星港市图书馆' });
    expect(shown.content).toContain('每周五');
    expect((await app.request('/admin/documents/nothing-here.md', send('PUT', { content: article }))).status).toBe(404);
  });

  it.each([
    ['a binary file', { path: 'a.txt', content: 'abc\u0000def' }, 400, /binary file/],
    ['a file over 5 MB', { path: 'a.txt', content: '长'.repeat(1_800_000) }, 413, /5242880 bytes \(5 MB\)/],
    ['broken front matter', { path: 'a.md', content: '---\ntitle: [unclosed\n---\n正文。\n' }, 400, /a\.md cannot be indexed: broken front matter/],
    ['an invalid front-matter field', { path: 'a.md', content: '---\neffectiveDate: soon\n---\n正文内容在这里。\n' }, 400, /effectiveDate: date must be YYYY-MM-DD/],
    ['path traversal', { path: '../outside.md', content: '正文。' }, 400, /inside the corpus/],
    ['an absolute path', { path: '/etc/passwd.txt', content: '正文。' }, 400, /inside the corpus/],
    ['a rules file', { path: 'rules/topics.md', content: '正文。' }, 400, /rules\/ holds rule files/],
    ['another extension', { path: 'a.pdf', content: '正文。' }, 400, /\.md, \.txt or \.html/],
    ['an empty file', { path: 'a.md', content: '  \n' }, 400, /a\.md is empty/],
    ['an unknown metadata field', { path: 'a.md', content: article, metadata: { colour: 'red' } }, 400, /colour/],
    ['a superseded path not in the corpus', { path: 'a.md', content: article, metadata: { supersedes: ['nowhere.md'] } }, 400, /supersedes: nowhere\.md is not a document/],
  ])('should refuse %s with a JSON 4xx naming the problem, changing nothing', async (_, body, status, message) => {
    const { app, corpusDirectory, indexes } = await operatorApp({ corpus: libraryCorpus });
    const version = indexes.current!.version;
    const response = await app.request('/admin/documents', send('POST', body));
    expect(response.status).toBe(status);
    const error = (await response.json()).error;
    expect(error.message).toMatch(message);
    expect(existsSync(join(corpusDirectory, 'a.txt')) || existsSync(join(corpusDirectory, 'a.md'))).toBe(false);
    expect(indexes.current!.version).toBe(version);
  });

  it('should refuse a traversal in the URL and a multipart body without a file', async () => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    expect((await app.request('/admin/documents/..%2F..%2Fetc%2Fpasswd.txt', { method: 'DELETE', headers: asEditor })).status).toBe(400);
    const form = new FormData();
    form.set('path', 'a.md');
    const response = await app.request('/admin/documents', { method: 'POST', headers: asEditor, body: form });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/field named "file"/);
  });

  it('should answer 409 ingest_locked while another change is being published', async () => {
    let release: () => void = () => undefined;
    const slowIngest: IngestFor = (directories) => ({
      assertIdle: () => undefined,
      async run() {
        await new Promise<void>((resolve) => (release = resolve));
        return inProcessIngest(directories).run();
      },
    });
    const { app, corpusDirectory } = await operatorApp({ corpus: libraryCorpus, ingest: slowIngest });
    const first = app.request('/admin/documents', send('POST', { path: 'one.md', content: article }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await app.request('/admin/documents', send('POST', { path: 'two.md', content: article }));
    expect(second.status).toBe(409);
    expect((await second.json()).error).toEqual({ code: 'ingest_locked', message: 'Another change to the corpus is being published; try again when it has finished.' });
    expect(existsSync(join(corpusDirectory, 'two.md'))).toBe(false);
    release();
    expect((await first).status).toBe(201);
  });

  it("should answer 409 ingest_locked, touching nothing, while another process holds the index's ingest lock", async () => {
    const { app, corpusDirectory, indexDirectory, indexes } = await operatorApp({ corpus: libraryCorpus });
    const version = indexes.current!.version;
    const lock = IngestLock.acquire({ indexDirectory });
    try {
      const response = await app.request('/admin/documents', send('POST', { path: 'one.md', content: article }));
      expect(response.status).toBe(409);
      expect((await response.json()).error).toMatchObject({ code: 'ingest_locked', message: expect.stringMatching(new RegExp(`^Another ingest is running on ${indexDirectory} \\(host .+, pid ${process.pid}, `)) });
      expect(existsSync(join(corpusDirectory, 'one.md'))).toBe(false);
      expect(readCurrentVersion(indexDirectory)).toBe(version);
    } finally {
      await lock.release();
    }
  });

  it('should answer 409 and put the corpus back when the ingest finds the lock taken meanwhile', async () => {
    const locked: IngestFor = () => ({ assertIdle: () => undefined, run: async () => ({ success: false, error: { code: 'ingest_locked', message: 'Another ingest is running on x (host h, pid 1, started at t, last heartbeat 0 s ago).' } }) });
    const { app, corpusDirectory, store } = await operatorApp({ corpus: libraryCorpus, ingest: locked });
    const response = await app.request('/admin/documents', send('POST', { path: 'one.md', content: article }));
    expect(response.status).toBe(409);
    expect((await response.json()).error).toEqual({ code: 'ingest_locked', message: 'Another ingest is running on x (host h, pid 1, started at t, last heartbeat 0 s ago).' });
    expect(existsSync(join(corpusDirectory, 'one.md'))).toBe(false);
    expect((await store.listAudit({ limit: 10, offset: 0 })).items).toEqual([]);
  });

  it('should publish nothing and put the corpus back when the ingest fails', async () => {
    const failing: IngestFor = () => ({ assertIdle: () => undefined, run: async () => ({ success: false, error: { code: 'ingest_failed', message: 'disk full.' } }) });
    const { app, corpusDirectory, indexes, store } = await operatorApp({ corpus: libraryCorpus, ingest: failing });
    const version = indexes.current!.version;
    const original = readFileSync(join(corpusDirectory, 'guide-a.md'), 'utf8');
    const response = await app.request('/admin/documents/guide-a.md', send('PUT', { content: article }, { authorization: `Bearer ${adminToken}` }));
    expect(response.status).toBe(422);
    const error = (await response.json()).error;
    expect(error).toEqual({ code: 'publish_failed', message: 'The change was not published: disk full. The corpus was left as it was; the previous version keeps serving.' });
    expect(readFileSync(join(corpusDirectory, 'guide-a.md'), 'utf8')).toBe(original);
    expect(indexes.current!.version).toBe(version);
    expect((await store.listAudit({ limit: 1, offset: 0 })).items[0]).toMatchObject({ actor: 'admin', action: 'document.replace', details: { outcome: 'failed' } });
  });
});

describe("document changes published by the server's re-index child", () => {
  const reindexerFor: (entryPoint?: IngestEntryPoint) => IngestFor = (entryPoint) => (directories) => new Reindexer({ ...directories, logger: silentLogger, entryPoint });

  it('should publish through the child, 409 a re-index or another change meanwhile, and show the run as the re-index state', async () => {
    const { app, indexDirectory, runner } = await operatorApp({ corpus: libraryCorpus, ingest: reindexerFor() });
    const reindexer = runner as Reindexer;
    const pending = app.request('/admin/documents', send('POST', { path: 'restoration.md', content: article }));
    await vi.waitFor(() => expect(reindexer.status.state).toBe('running'));
    const reindex = await app.request('/admin/reindex', { method: 'POST', headers: asEditor });
    expect(reindex.status).toBe(409);
    expect((await reindex.json()).error).toMatchObject({ code: 'ingest_locked', message: expect.stringMatching(/^A re-index started at .+ is still running/) });
    expect((await app.request('/admin/documents', send('POST', { path: 'two.md', content: article }))).status).toBe(409);

    const response = await pending;
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(readCurrentVersion(indexDirectory)).toBe(body.version);
    expect(await (await app.request('/admin/reindex', { headers: asEditor })).json()).toMatchObject({ state: 'succeeded', error: null, summary: { version: body.version, files: { processed: 1 } } });
    expect((await ask(app, question)).status).toBe('answered');
    expect((await app.request('/admin/documents/restoration.md', { method: 'DELETE', headers: asEditor })).status).toBe(200);
    expect((await ask(app, question)).status).toBe('no_answer');
  }, 90_000);

  it("should refuse the change with the child's failure in a few words, never a stack, and put the corpus back", async () => {
    const script = join(temporaryDirectory(), 'crash.mjs');
    writeFileSync(script, "function deep() { throw new TypeError('the disk is on fire'); }\ndeep();\n");
    const { app, corpusDirectory, indexes } = await operatorApp({ corpus: libraryCorpus, ingest: reindexerFor({ nodeArguments: [], script }) });
    const version = indexes.current!.version;
    const response = await app.request('/admin/documents', send('POST', { path: 'restoration.md', content: article }));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({ code: 'publish_failed', message: 'The change was not published: ingest exited with code 1: TypeError: the disk is on fire The corpus was left as it was; the previous version keeps serving.' });
    expect(existsSync(join(corpusDirectory, 'restoration.md'))).toBe(false);
    expect(indexes.current!.version).toBe(version);
  }, 30_000);

  it('should stop the child with the server, publishing nothing and putting the corpus back', async () => {
    const { app, corpusDirectory, indexDirectory, runner } = await operatorApp({ corpus: libraryCorpus, ingest: reindexerFor() });
    const reindexer = runner as Reindexer;
    const version = readCurrentVersion(indexDirectory);
    const pending = app.request('/admin/documents', send('POST', { path: 'restoration.md', content: article }));
    await vi.waitFor(() => expect(reindexer.status.state).toBe('running'));
    await reindexer.stop();
    const response = await pending;
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/^The change was not published: (Ingest stopped \(SIGTERM\)|ingest stopped by SIGTERM)/);
    expect(existsSync(join(corpusDirectory, 'restoration.md'))).toBe(false);
    expect(readCurrentVersion(indexDirectory)).toBe(version);
    expect(existsSync(join(indexDirectory, 'ingest.lock'))).toBe(false);
  }, 90_000);
});
