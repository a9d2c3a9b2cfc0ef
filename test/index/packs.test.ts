// Incremental runs touch only the packs whose files changed, share the others with the previous version, and still
// write byte for byte what a full build writes: after a one-file change, a re-layout, a rule edit, a damaged pack.
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { versionDirectory } from '../../src/index/index-store.js';
import { loadIndex } from '../../src/index/load-index.js';
import { packCount, packFiles, packOf } from '../../src/index/pack-layout.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { versionContents } from './version-contents.js';

/** Two files per pack: the library corpus's files spread over several packs. */
const filesPerPack = 2;
const articles = (corpus: string) => readdirSync(corpus).filter((name) => name !== 'rules');
const libraryFiles = articles(libraryCorpus);
const packs = packCount({ files: libraryFiles.length, filesPerPack });
/** The packs that hold at least one of `files`. */
const packsOf = (files: string[], count = packs) => new Set(files.map((path) => packOf({ path, packs: count }))).size;

async function ingestBoth(corpus: string, incremental: string) {
  const summary = await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental, filesPerPack });
  const full = temporaryDirectory('kbqa-full-');
  await ingestCorpus({ corpusDirectory: corpus, indexDirectory: full, full: true, filesPerPack });
  return { summary, full };
}

/** Inode of each pack file of a version, by name. */
function inodes(indexDirectory: string, version: string): Map<string, number> {
  const directory = join(versionDirectory(indexDirectory, version), 'packs');
  return new Map(readdirSync(directory).map((name) => [name, statSync(join(directory, name)).ino]));
}

describe('packs', () => {
  it('should rewrite only the pack of a changed file and share every other pack with the previous version', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory, filesPerPack });
    expect(first.packs).toEqual({ total: packs, written: packs, graphsBuilt: packsOf(libraryFiles) });
    appendFileSync(join(corpus, 'guide-a.md'), '各分馆夜间还书箱每天清理。\n');
    const { summary, full } = await ingestBoth(corpus, indexDirectory);
    expect(summary).toMatchObject({ files: { reused: libraryFiles.length - 1, processed: 1 }, packs: { total: packs, written: 1, graphsBuilt: 1 } });
    const changed = packOf({ path: 'guide-a.md', packs });
    const before = inodes(indexDirectory, first.version);
    const after = inodes(indexDirectory, summary.version);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, inode] of after) expect(inode === before.get(name), name).toBe(!name.startsWith(`${changed}.`));
    expect(versionContents(indexDirectory)).toEqual(versionContents(full));
  });

  it('should lay the packs out again when the corpus shrinks past a power of two, as a full build does', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory, filesPerPack });
    // Down to half the files or fewer: half the packs.
    const removed = libraryFiles.slice(0, libraryFiles.length - packs);
    for (const name of removed) rmSync(join(corpus, name));
    const { summary, full } = await ingestBoth(corpus, indexDirectory);
    expect(summary).toMatchObject({ files: { reused: packs, processed: 0, removed: removed.length }, packs: { total: packs / 2, written: packs / 2 } });
    expect(versionContents(indexDirectory)).toEqual(versionContents(full));
  });

  it('should re-read only the statements when rules change that tokens do not depend on, and keep every graph', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory, filesPerPack });
    appendFileSync(join(corpus, 'rules', 'domain.yaml'), '# 编辑说明：免责声明另行发布。\n');
    const { summary, full } = await ingestBoth(corpus, indexDirectory);
    expect(summary).toMatchObject({ files: { reused: libraryFiles.length, processed: 0 }, packs: { total: packs, written: packsOf(libraryFiles), graphsBuilt: 0 } });
    expect(versionContents(indexDirectory)).toEqual(versionContents(full));
  });

  it('should re-read every file when a synonym changes how text is cut', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory, filesPerPack });
    const before = loadIndex({ indexDirectory, embedderSettings: {} }).lexical.postings['夜间还书'];
    appendFileSync(join(corpus, 'rules', 'synonyms.yaml'), '  - [夜间还书, 晚上还书]\n');
    const { summary, full } = await ingestBoth(corpus, indexDirectory);
    expect(summary).toMatchObject({ files: { reused: 0, processed: libraryFiles.length } });
    expect(before).toBeUndefined();
    expect(loadIndex({ indexDirectory, embedderSettings: {} }).lexical.postings['夜间还书']?.length).toBeGreaterThan(0);
    expect(versionContents(indexDirectory)).toEqual(versionContents(full));
  });

  it('should read the files of a damaged pack of the previous version again instead of copying it', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory, filesPerPack });
    const damaged = packOf({ path: 'guide-d.md', packs });
    const shards = packFiles({ directory: versionDirectory(indexDirectory, first.version), pack: damaged }).shards;
    writeFileSync(shards, readFileSync(shards).subarray(0, 100));
    // A change in the same pack: the pack is rewritten, and its other files cannot be copied from the damaged one.
    const inPack = libraryFiles.filter((name) => packOf({ path: name, packs }) === damaged);
    expect(inPack.length).toBeGreaterThan(1);
    appendFileSync(join(corpus, inPack.find((name) => name !== 'guide-d.md')!), '押金退还需携带读者证。\n');
    const { summary, full } = await ingestBoth(corpus, indexDirectory);
    expect(summary.files).toMatchObject({ processed: inPack.length, reused: libraryFiles.length - inPack.length });
    expect(versionContents(indexDirectory)).toEqual(versionContents(full));
  });

  it('should move a renamed file to its new pack and answer from it', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory, filesPerPack });
    cpSync(join(corpus, 'guide-a.md'), join(corpus, 'guide-a-2025.md'));
    rmSync(join(corpus, 'guide-a.md'));
    const { full } = await ingestBoth(corpus, indexDirectory);
    const index = loadIndex({ indexDirectory, embedderSettings: {} });
    expect([...index.documents.keys()].filter((sourceId) => sourceId.startsWith('guide-a'))).toEqual(['guide-a-2025']);
    expect(versionContents(indexDirectory)).toEqual(versionContents(full));
  });
});
