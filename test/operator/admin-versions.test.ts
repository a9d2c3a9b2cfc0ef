// GET /admin/versions and POST /admin/versions/<id>/activate: rollback restores the corpus and the served version.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneVersions, readCurrentVersion } from '../../src/index/index-store.js';
import { IngestLock } from '../../src/index/ingest-lock.js';
import { libraryCorpus } from '../helpers.js';
import { json } from '../server/test-app.js';
import { asEditor, operatorApp, send } from '../server/operator-app.js';

const article = '星港市图书馆古籍修复室每周三下午向读者开放，需提前一天预约。\n';

describe('index versions', () => {
  it('should list the kept versions and roll back to one, restoring its corpus, then edit on from there', async () => {
    const { app, corpusDirectory, indexDirectory, indexes, store } = await operatorApp({ corpus: libraryCorpus });
    const first = indexes.current!.version;
    const created = await (await app.request('/admin/documents', send('POST', { path: 'restoration.md', content: `古籍修复室\n${article}` }))).json();
    writeFileSync(join(corpusDirectory, 'stray.md'), '临时文件\n星港市图书馆临时通知：周末闭馆。\n');

    const listed = await (await app.request('/admin/versions', { headers: asEditor })).json();
    expect(listed.serving).toBe(created.version);
    expect(listed.versions.map((entry: { version: string; active: boolean; restorable: boolean }) => [entry.version, entry.active, entry.restorable])).toEqual([
      [created.version, true, true],
      [first, false, true],
    ]);
    expect(listed.versions[0].counts.documents).toBe(listed.versions[1].counts.documents + 1);
    expect(listed.versions[0].change).toEqual({ actor: 'editor-li', action: 'document.create', target: 'restoration.md', at: expect.any(String) });
    expect(listed.versions[1].change).toBeNull();

    const activated = await app.request(`/admin/versions/${first}/activate`, { method: 'POST', headers: asEditor });
    expect(activated.status).toBe(200);
    expect(await activated.json()).toEqual({ version: first, previousVersion: created.version, serving: first, corpus: { written: [], removed: ['restoration.md', 'stray.md'] } });
    expect(readCurrentVersion(indexDirectory)).toBe(first);
    expect(indexes.current!.version).toBe(first);
    expect(existsSync(join(corpusDirectory, 'restoration.md'))).toBe(false);
    expect((await (await app.request('/api/chat', json({ message: '古籍修复室什么时候开放？' }))).json()).status).toBe('no_answer');
    expect((await store.listAudit({ limit: 1, offset: 0 })).items[0]).toMatchObject({ actor: 'editor-li', action: 'version.activate', target: first });

    // The next edit starts from what is served, and the rolled-forward version can be activated again.
    const edited = await (await app.request('/admin/documents/guide-a.md', send('PUT', { content: `${readFileSync(join(corpusDirectory, 'guide-a.md'), 'utf8')}各分馆周末照常开放。\n` }))).json();
    expect(edited.previousVersion).toBe(first);
    expect((await app.request(`/admin/versions/${created.version}/activate`, { method: 'POST', headers: asEditor })).status).toBe(200);
    expect(existsSync(join(corpusDirectory, 'restoration.md'))).toBe(true);
    expect(readFileSync(join(corpusDirectory, 'guide-a.md'), 'utf8')).not.toContain('各分馆周末照常开放');
  });

  it('should never prune the active version, even the oldest one after a rollback', async () => {
    const { app, indexDirectory } = await operatorApp({ corpus: libraryCorpus });
    const oldest = readCurrentVersion(indexDirectory)!;
    await app.request('/admin/documents', send('POST', { path: 'a.md', content: `修复室\n${article}` }));
    await app.request('/admin/documents', send('POST', { path: 'b.md', content: `借阅\n${article.replace('古籍修复室', '少儿阅览室')}` }));
    expect((await app.request(`/admin/versions/${oldest}/activate`, { method: 'POST', headers: asEditor })).status).toBe(200);
    const pruned = pruneVersions(indexDirectory, 1);
    expect(pruned).toHaveLength(1);
    expect(pruned).not.toContain(oldest);
    const versions = (await (await app.request('/admin/versions', { headers: asEditor })).json()).versions;
    expect(versions.map((entry: { version: string; active: boolean }) => [entry.version === oldest, entry.active])).toEqual([[false, false], [true, true]]);
  });

  it.each([
    ['an unknown version', (version: string) => `/admin/versions/${version}x/activate`, 404, /No kept version/],
    ['the active version', (version: string) => `/admin/versions/${version}/activate`, 409, /already the active version/],
    ['a path in the id', () => '/admin/versions/..%2F..%2Fetc/activate', 404, /No kept version/],
  ])('should refuse to activate %s', async (_, path, status, message) => {
    const { app, indexDirectory } = await operatorApp({ corpus: libraryCorpus });
    const response = await app.request(path(readCurrentVersion(indexDirectory)!), { method: 'POST', headers: asEditor });
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toMatch(message);
  });

  it("should answer 409 ingest_locked, changing nothing, while another process holds the index's ingest lock", async () => {
    const { app, corpusDirectory, indexDirectory } = await operatorApp({ corpus: libraryCorpus });
    const first = readCurrentVersion(indexDirectory)!;
    const created = await (await app.request('/admin/documents', send('POST', { path: 'restoration.md', content: `古籍修复室\n${article}` }))).json();
    const lock = IngestLock.acquire({ indexDirectory });
    try {
      const response = await app.request(`/admin/versions/${first}/activate`, { method: 'POST', headers: asEditor });
      expect(response.status).toBe(409);
      expect((await response.json()).error).toMatchObject({ code: 'ingest_locked', message: expect.stringMatching(/^Another ingest is running on /) });
      expect(readCurrentVersion(indexDirectory)).toBe(created.version);
      expect(existsSync(join(corpusDirectory, 'restoration.md'))).toBe(true);
    } finally {
      await lock.release();
    }
    expect((await app.request(`/admin/versions/${first}/activate`, { method: 'POST', headers: asEditor })).status).toBe(200);
    expect(existsSync(join(indexDirectory, 'ingest.lock'))).toBe(false);
  });

  it('should refuse to activate a version that kept no corpus files, changing nothing', async () => {
    const { app, indexDirectory, corpusDirectory } = await operatorApp({ corpus: libraryCorpus });
    const legacy = join(indexDirectory, 'versions', '20200101T000000000Z-old');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, 'manifest.json'), JSON.stringify({ formatVersion: 1, version: '20200101T000000000Z-old', createdAt: '2020-01-01T00:00:00.000Z', files: [], skipped: [], counts: {} }));
    const response = await app.request('/admin/versions/20200101T000000000Z-old/activate', { method: 'POST', headers: asEditor });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/built before versions kept their corpus files/);
    expect(existsSync(join(corpusDirectory, 'guide-a.md'))).toBe(true);
  });
});
