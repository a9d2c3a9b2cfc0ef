import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { readCurrentVersion } from '../../src/index/index-store.js';
import { loadIndex } from '../../src/index/load-index.js';
import { searchChunks } from '../../src/retrieval/search-chunks.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { versionContents } from './version-contents.js';

describe('ingestCorpus', () => {
  it('should publish a loadable version of the bundled corpus with its documents, teasers, duplicates and claims', async () => {
    const indexDirectory = temporaryDirectory();
    const summary = await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory });
    // 001, 002 and 003 copy each other; 000 and 004 stand alone; each of the 40 teasers is its own article.
    expect(summary).toMatchObject({ documents: 5, subDocuments: 40, families: 43, files: { read: 5, reused: 0, processed: 5, skipped: [] } });
    expect(summary.duplicateChunks).toBeGreaterThan(0);
    expect(readCurrentVersion(indexDirectory)).toBe(summary.version);
    const index = loadIndex({ indexDirectory, embedderSettings: {} });
    expect(index.chunks).toHaveLength(summary.chunks);
    expect(index.families.get('001_e1238a5f0d808521')).toBe(index.families.get('003_75a98240a5c26b75'));
    expect(index.families.get('001_e1238a5f0d808521')).not.toBe(index.families.get('004_a9cc63770a26478c'));
    expect(index.statements).toHaveLength(summary.statements);
    expect(index.manifest.counts).toMatchObject({ statements: summary.statements, claims: summary.claims, families: summary.families });
    expect(Object.keys(summary.claims).sort()).toEqual(['asOf', 'change', 'condition', 'list', 'polarity', 'quantity']);
    for (const kind of ['quantity', 'polarity', 'list'] as const) expect(summary.claims[kind], kind).toBeGreaterThan(0);
    expect(index.statements.every((statement) => index.documents.has(statement.sourceId) && index.chunks.some((chunk) => chunk.id === statement.chunkId))).toBe(true);
    const hits = await searchChunks({ index, query: '医保钱包', k: 3 });
    expect(hits.length).toBe(3);
  });

  it('should reuse unchanged files, re-read a changed one and drop a removed one', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    const before = loadIndex({ indexDirectory, embedderSettings: {} });
    const unchangedIds = before.chunks.filter((chunk) => chunk.sourceId === 'guide-a').map((chunk) => chunk.id);

    appendFileSync(join(corpus, 'guide-d.md'), '各分馆夜间还书箱每天清理。\n');
    rmSync(join(corpus, 'guide-e.md'));
    const second = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(second.files).toMatchObject({ read: first.files.read - 1, reused: first.files.read - 2, processed: 1, removed: 1 });
    const after = loadIndex({ indexDirectory, embedderSettings: {} });
    expect(after.chunks.filter((chunk) => chunk.sourceId === 'guide-a').map((chunk) => chunk.id)).toEqual(unchangedIds);
    expect(after.documents.has('guide-e')).toBe(false);
    expect(after.statements.some((statement) => statement.sourceId === 'guide-e')).toBe(false);
    expect(after.claims.some((claim) => claim.statement.sourceId === 'guide-e')).toBe(false);
    expect(after.chunks.some((chunk) => chunk.sentences.some((sentence) => sentence.text.includes('每天清理')))).toBe(true);
    expect((await searchChunks({ index: after, query: '夜间还书箱每天清理', k: 1 }))[0].chunk.sourceId).toBe('guide-d');

    const full = await ingestCorpus({ corpusDirectory: corpus, indexDirectory, full: true });
    expect(full.files.reused).toBe(0);
    expect(full.chunks).toBe(second.chunks);
  });

  it('should keep ingesting incrementally after files change, and write what a full build writes', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const incremental = temporaryDirectory();
    const full = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental });
    appendFileSync(join(corpus, 'guide-a.md'), '补充一句。\n');
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental });
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental }); // failed: "The requested to delete element is already deleted"
    appendFileSync(join(corpus, 'guide-a.md'), '再补充一句。\n');
    rmSync(join(corpus, 'guide-e.md'));
    renameSync(join(corpus, 'guide-b.md'), join(corpus, 'guide-b2.md'));
    const last = await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental });
    expect(last.files).toMatchObject({ reused: 9, processed: 2, removed: 2 });
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory: full, full: true });
    expect(versionContents(incremental)).toEqual(versionContents(full));
  });

  it('should see a change that keeps the size and the modification time of a file read just before', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const path = join(corpus, 'guide-a.md');
    const tick = Math.floor(Date.now() / 1000); // a whole second, so that it can be set again exactly
    utimesSync(path, tick, tick);
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    writeFileSync(path, readFileSync(path, 'utf8').replace('0.1元', '0.9元'));
    utimesSync(path, tick, tick); // an edit within one timestamp tick of the previous read looks like this
    const second = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(second.files.processed).toBe(1);
    const after = loadIndex({ indexDirectory, embedderSettings: {} });
    expect(after.statements.some((statement) => statement.text.includes('0.9元'))).toBe(true);
    expect(after.claims.some((claim) => claim.statement.sourceId === 'guide-a' && claim.quantity?.value === 0.9)).toBe(true);
    expect(after.claims.some((claim) => claim.statement.sourceId === 'guide-a' && claim.quantity?.value === 0.1)).toBe(false);
  });

  it('should skip bad files with their reasons and index the rest', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'empty.txt'), '  \n');
    writeFileSync(join(corpus, 'binary.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    writeFileSync(join(corpus, 'latin1.txt'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa1]));
    writeFileSync(join(corpus, 'broken.md'), '---\ntitle: [x\n---\n正文。\n');
    writeFileSync(join(corpus, 'big.txt'), 'a'.repeat(5 * 1024 * 1024 + 1));
    const summary = await ingestCorpus({ corpusDirectory: corpus, indexDirectory: temporaryDirectory() });
    expect(summary.files.skipped.map((file) => [file.path, file.reason.split(' (')[0].split(':')[0]])).toEqual([
      ['big.txt', 'file too large'],
      ['binary.txt', 'binary file'],
      ['broken.md', 'broken front matter'],
      ['empty.txt', 'empty file'],
      ['latin1.txt', 'not valid UTF-8 text'],
    ]);
    expect(summary.documents).toBe(12);
  });

  it('should publish nothing under --strict when a file is skipped', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'empty.txt'), '');
    const indexDirectory = temporaryDirectory();
    await expect(ingestCorpus({ corpusDirectory: corpus, indexDirectory, strict: true })).rejects.toMatchObject({ code: 'strict_mode' });
    expect(readCurrentVersion(indexDirectory)).toBeNull();
  });

  it('should refuse an empty corpus with a clear message', async () => {
    const corpus = temporaryDirectory();
    mkdirSync(join(corpus, 'rules'));
    writeFileSync(join(corpus, 'rules', 'domain.yaml'), readRule('domain.yaml'));
    await expect(ingestCorpus({ corpusDirectory: corpus, indexDirectory: temporaryDirectory() })).rejects.toThrow(/has no readable .txt, .md or .html article/);
  });

  it('should leave current on the previous loadable version when a run fails midway', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    appendFileSync(join(corpus, 'guide-a.md'), '新增一句。\n');
    await expect(
      ingestCorpus({ corpusDirectory: corpus, indexDirectory, beforePublish: () => { throw new Error('disk full'); } }),
    ).rejects.toThrow('disk full');
    expect(readCurrentVersion(indexDirectory)).toBe(first.version);
    expect(loadIndex({ indexDirectory, embedderSettings: {} }).version).toBe(first.version);
    expect(readdirSync(join(indexDirectory, 'versions'))).toEqual([first.version]);
  });

  it('should refuse to load an index built by another embedder', async () => {
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    expect(() => loadIndex({ indexDirectory, embedderSettings: { baseUrl: 'http://127.0.0.1:9/v1', model: 'bge-m3' } })).toThrow(
      /built with embedder hashing-v1\/256 but openai\/bge-m3@http:\/\/127.0.0.1:9\/v1 is configured/,
    );
  });

  it('should keep a few versions and prune older ones', async () => {
    const indexDirectory = temporaryDirectory();
    const versions: string[] = [];
    // --full publishes a version even when nothing changed (an incremental run would find the index up to date).
    for (let run = 0; run < 5; run++) versions.push((await ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory, full: true, keepVersions: 3, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, run)) })).version);
    expect(readdirSync(join(indexDirectory, 'versions')).sort()).toEqual(versions.slice(2).sort());
    expect(existsSync(join(indexDirectory, 'current'))).toBe(true);
  });
});

function readRule(name: string): string {
  return readFileSync(join(libraryCorpus, 'rules', name), 'utf8');
}
