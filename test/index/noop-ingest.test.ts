// An ingest that finds nothing changed reads no file it does not have to, loads no tokenizer and publishes nothing.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { readCurrentVersion } from '../../src/index/index-store.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';

function ingestInChild(corpusDirectory: string, indexDirectory: string): { upToDate: boolean; version: string; tokenizerLoaded: boolean } {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fileURLToPath(new URL('./noop-ingest-child.ts', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, ['--import', tsx, child, corpusDirectory, indexDirectory], { encoding: 'utf8', timeout: 120_000 }));
}

describe('an ingest with nothing to do', () => {
  it('should publish nothing and never load the tokenizer, in a fresh process', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(ingestInChild(corpus, indexDirectory)).toEqual({ upToDate: true, version: first.version, tokenizerLoaded: false });
    expect(readdirSync(join(indexDirectory, 'versions'))).toEqual([first.version]);
    appendFileSync(join(corpus, 'guide-a.md'), '补充一句。\n');
    expect(ingestInChild(corpus, indexDirectory)).toMatchObject({ upToDate: false, tokenizerLoaded: true });
  }, 180_000);

  it('should report the current version and its counts', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    const again = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(again).toMatchObject({
      version: first.version,
      previousVersion: first.version,
      upToDate: true,
      files: { read: first.files.read, reused: first.files.read, processed: 0, removed: 0, skipped: [] },
      packs: { total: 1, written: 0, graphsBuilt: 0 },
      documents: first.documents,
      chunks: first.chunks,
      statements: first.statements,
      claims: first.claims,
    });
    expect(readCurrentVersion(indexDirectory)).toBe(first.version);
  });

  it.each<[string, (corpus: string) => void]>([
    ['a file touched without a change', (corpus) => utimesSync(join(corpus, 'guide-a.md'), new Date(), new Date())],
    ['a file rewritten with the same text', (corpus) => writeFileSync(join(corpus, 'guide-b.md'), readFileSync(join(corpus, 'guide-b.md')))],
    ['a file skipped for its content, unchanged', () => undefined],
  ])('should still be up to date after %s', async (_, touch) => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'broken.md'), '---\ntitle: [x\n---\n正文。\n');
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    touch(corpus);
    expect(await ingestCorpus({ corpusDirectory: corpus, indexDirectory })).toMatchObject({ upToDate: true, version: first.version, files: { skipped: [{ path: 'broken.md' }] } });
  });

  it.each<[string, (corpus: string) => void]>([
    ['a changed file', (corpus) => appendFileSync(join(corpus, 'guide-a.md'), '补充一句。\n')],
    ['a new file', (corpus) => writeFileSync(join(corpus, 'guide-f.md'), '# 读者指南己\n\n逾期费每天0.2元。\n')],
    ['a removed file', (corpus) => rmSync(join(corpus, 'guide-e.md'))],
    ['a changed rule file', (corpus) => appendFileSync(join(corpus, 'rules', 'stopwords.txt'), '\n的话\n')],
    ['a fixed file that was skipped', (corpus) => writeFileSync(join(corpus, 'broken.md'), '---\ntitle: 修好了\n---\n正文。\n')],
  ])('should publish a new version after %s', async (_, change) => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'broken.md'), '---\ntitle: [x\n---\n正文。\n');
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    change(corpus);
    const second = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(second.upToDate).toBe(false);
    expect(second.version).not.toBe(first.version);
  });

  it('should still refuse to pass --strict when the current version has skipped files', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'broken.md'), '---\ntitle: [x\n---\n正文。\n');
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    await expect(ingestCorpus({ corpusDirectory: corpus, indexDirectory, strict: true })).rejects.toMatchObject({ code: 'strict_mode' });
  });
});
