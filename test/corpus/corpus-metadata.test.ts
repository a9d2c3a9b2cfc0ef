// The corpus metadata file and the new front-matter fields, through ingest.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCorpusMetadata, parseCorpusMetadata } from '../../src/corpus/corpus-metadata.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { loadIndex } from '../../src/index/load-index.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';

describe('parseCorpusMetadata', () => {
  it('should read overrides by corpus path, with one supersedes path as a list', () => {
    expect(parseCorpusMetadata('forum-post.txt:\n  authority: aggregator\n  enabled: false\nnotices/new.md:\n  supersedes: old-notice.md\n  effectiveDate: 2025-09-01\n')).toEqual({
      'forum-post.txt': { authority: 'aggregator', enabled: false },
      'notices/new.md': { supersedes: ['old-notice.md'], effectiveDate: '2025-09-01' },
    });
    expect(parseCorpusMetadata('')).toEqual({});
  });

  it.each([
    ['broken YAML', 'a.md: [', /documents\.yaml is invalid: /],
    ['a path outside the corpus', '../etc/passwd.txt:\n  enabled: false\n', /inside the corpus/],
    ['a file that is not an article', 'a.pdf:\n  enabled: false\n', /\.md, \.txt or \.html/],
    ['an unknown field', 'a.md:\n  colour: red\n', /colour/],
    ['a bad effective date', 'a.md:\n  effectiveDate: 2025/09/01\n', /effectiveDate: date must be YYYY-MM-DD/],
    ['an unknown authority', 'a.md:\n  authority: king\n', /authority/],
  ])('should refuse %s, naming the problem', (_, text, message) => {
    expect(() => parseCorpusMetadata(text)).toThrow(message);
  });

  it('should write a file that reads back the same', () => {
    const metadata = { 'b.txt': { enabled: false }, 'a.md': { supersedes: ['c.md'], authority: 'official' as const }, 'empty.md': {} };
    expect(parseCorpusMetadata(formatCorpusMetadata(metadata))).toEqual({ 'a.md': metadata['a.md'], 'b.txt': metadata['b.txt'] });
  });
});

describe('ingest with corpus metadata', () => {
  it('should carry overrides and front-matter fields onto the documents and leave disabled ones out', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'documents.yaml'), 'forum-post.txt:\n  authority: aggregator\n  supersedes: [old-notice.md]\n  effectiveDate: 2024-07-01\nguide-e.md:\n  enabled: false\n');
    writeFileSync(join(corpus, 'fm.md'), '---\ntitle: 新规\nsupersedes: guide-a.md\neffectiveDate: 2024-08-01\n---\n夜间还书箱在各分馆门口。\n');
    writeFileSync(join(corpus, 'off.md'), '---\nenabled: false\n---\n这篇不发布。\n');
    const indexDirectory = temporaryDirectory();
    const summary = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(summary.files.disabled).toEqual(['guide-e.md', 'off.md']);
    expect(summary.files.skipped).toEqual([]);
    const index = loadIndex({ indexDirectory, embedderSettings: {} });
    expect(index.documents.get('forum-post')).toMatchObject({ authority: 'aggregator', supersedes: ['old-notice.md'], effectiveDate: '2024-07-01' });
    expect(index.documents.get('fm')).toMatchObject({ title: '新规', supersedes: ['guide-a.md'], effectiveDate: '2024-08-01' });
    expect(index.documents.has('guide-e')).toBe(false);
    expect(index.documents.has('off')).toBe(false);
    expect(index.statements.some((statement) => statement.sourceId === 'guide-e')).toBe(false);
    expect(index.statements.some((statement) => statement.sourceId === 'forum-post')).toBe(true);
    expect(index.manifest.disabled).toEqual(['guide-e.md', 'off.md']);
  });

  it('should re-read a file whose metadata changed and reuse the others', async () => {
    const corpus = copyCorpus(libraryCorpus);
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    writeFileSync(join(corpus, 'documents.yaml'), 'forum-post.txt:\n  authority: official\n');
    const second = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(second.files).toMatchObject({ reused: first.files.read - 1, processed: 1 });
    expect(loadIndex({ indexDirectory, embedderSettings: {} }).documents.get('forum-post')?.authority).toBe('official');
    writeFileSync(join(corpus, 'documents.yaml'), 'forum-post.txt:\n  enabled: false\n');
    appendFileSync(join(corpus, 'guide-d.md'), '各分馆夜间还书箱每天清理。\n');
    const third = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(third.files).toMatchObject({ reused: first.files.read - 2, processed: 1, disabled: ['forum-post.txt'] });
    const index = loadIndex({ indexDirectory, embedderSettings: {} });
    expect(index.documents.has('forum-post')).toBe(false);
    const fourth = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(fourth.files).toMatchObject({ reused: first.files.read - 1, processed: 0 });
  });

  it('should stop with the problem named when the metadata file is broken', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'documents.yaml'), 'guide-a.md:\n  enabled: maybe\n');
    await expect(ingestCorpus({ corpusDirectory: corpus, indexDirectory: temporaryDirectory() })).rejects.toThrow(/documents\.yaml is invalid: guide-a\.md\.enabled/);
  });
});
