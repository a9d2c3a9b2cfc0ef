// Versions keep their corpus files, content-addressed, and a version's corpus can be restored.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusSnapshot, restoreCorpusSnapshot } from '../../src/index/corpus-snapshot.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { versionDirectory } from '../../src/index/index-store.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';

describe('corpus snapshots', () => {
  it('should keep each version\'s files once by content and restore a version\'s corpus exactly', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'documents.yaml'), 'guide-e.md:\n  enabled: false\n');
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    const snapshot = readCorpusSnapshot(versionDirectory(indexDirectory, first.version))!;
    expect(snapshot.map((entry) => entry.path)).toEqual(expect.arrayContaining(['guide-e.md', 'forum-post.txt', 'documents.yaml', 'rules/domain.yaml', 'rules/synonyms.yaml']));
    expect(snapshot.find((entry) => entry.path === 'guide-a.md')!.bytes).toBe(readFileSync(join(corpus, 'guide-a.md')).length);
    const originalGuideA = readFileSync(join(corpus, 'guide-a.md'), 'utf8');

    writeFileSync(join(corpus, 'guide-a.md'), `${originalGuideA}新增一句。\n`);
    writeFileSync(join(corpus, 'new.md'), '新文章\n各分馆新增自助借书机，周末照常开放。\n');
    rmSync(join(corpus, 'documents.yaml'));
    writeFileSync(join(corpus, 'notes.bin.txt'), Buffer.from([0, 1, 2]));
    const second = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(second.files.skipped.map((file) => file.path)).toEqual(['notes.bin.txt']);
    // Unchanged files share one kept copy.
    expect(readdirSync(join(indexDirectory, 'objects'))).toHaveLength(snapshot.length + 2);

    const result = restoreCorpusSnapshot({ corpusDirectory: corpus, indexDirectory, entries: snapshot, keep: ['notes.bin.txt'] });
    expect(result).toEqual({ written: ['documents.yaml', 'guide-a.md'], removed: ['new.md'] });
    expect(readFileSync(join(corpus, 'guide-a.md'), 'utf8')).toBe(originalGuideA);
    expect(existsSync(join(corpus, 'notes.bin.txt'))).toBe(true);
    expect(restoreCorpusSnapshot({ corpusDirectory: corpus, indexDirectory, entries: snapshot, keep: ['notes.bin.txt'] })).toEqual({ written: [], removed: [] });
  });

  it('should change nothing when a kept copy is missing', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    const snapshot = readCorpusSnapshot(versionDirectory(indexDirectory, first.version))!;
    rmSync(join(indexDirectory, 'objects', snapshot[0].hash));
    writeFileSync(join(corpus, 'new.md'), '新文章。\n');
    expect(() => restoreCorpusSnapshot({ corpusDirectory: corpus, indexDirectory, entries: snapshot })).toThrow(/kept copy of .* is missing/);
    expect(existsSync(join(corpus, 'new.md'))).toBe(true);
  });

  it('should drop kept copies no remaining version refers to', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    for (let edit = 0; edit < 4; edit++) {
      writeFileSync(join(corpus, 'changing.md'), `第${edit}版内容，夜间还书箱每天清理${edit}次。\n`);
      await ingestCorpus({ corpusDirectory: corpus, indexDirectory, keepVersions: 2 });
    }
    const hashes = new Set(readdirSync(join(indexDirectory, 'versions')).flatMap((version) => readCorpusSnapshot(join(indexDirectory, 'versions', version))!.map((entry) => entry.hash)));
    expect(new Set(readdirSync(join(indexDirectory, 'objects')))).toEqual(hashes);
  });
});
