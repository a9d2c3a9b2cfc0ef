import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packCount, packOf } from '../../src/index/pack-layout.js';
import { decodeShard, encodeShard, type FileShard } from '../../src/index/shard-codec.js';
import { digestOf } from '../../src/index/pack-integrity.js';
import { PackWriter, readPack } from '../../src/index/shard-pack.js';
import { temporaryDirectory } from '../helpers.js';

const document = {
  sourceId: 'notice',
  path: 'notice.md',
  title: '通知',
  date: null,
  publisher: null,
  url: null,
  authority: 'unknown' as const,
  kind: 'article' as const,
  truncated: false,
  parentId: null,
  category: null,
  lines: [
    { text: '押金在7个工作日内退还。逾期费每天0.1元。', offset: 4 },
    { text: '标签：夜间还书箱每天清理。', offset: 30 },
  ],
  sections: [],
};

const shard: FileShard = {
  documents: [document],
  chunks: [
    {
      id: 'c1',
      sourceId: 'notice',
      path: [],
      sentences: [
        { text: '押金在7个工作日内退还。', offset: 4, label: null, section: null },
        { text: '逾期费每天0.1元。', offset: 16, label: null, section: null },
        { text: '夜间还书箱每天清理。', offset: 33, label: '标签', section: null },
      ],
      terms: ['押金', 1, '退还', 1],
      length: 2,
    },
  ],
  statements: [],
};

describe('shards', () => {
  it('should decode what it encodes, cutting sentence texts from the document lines', () => {
    const bytes = encodeShard(shard);
    expect(decodeShard(bytes)).toEqual(shard);
    expect(bytes.toString('latin1')).not.toContain('c1'); // compressed
  });

  it('should store a sentence that lies on no line verbatim', () => {
    const odd: FileShard = { ...shard, chunks: [{ ...shard.chunks[0], sentences: [{ text: '不在任何一行的句子。', offset: 2, label: null, section: null }] }] };
    expect(decodeShard(encodeShard(odd))).toEqual(odd);
  });

  it.each<[string, (bytes: Buffer) => Buffer, RegExp]>([
    ['a changed checksum byte', (bytes) => (bytes[bytes.length - 1] ^= 0xff, bytes), /incorrect data check/],
    ['a cut end', (bytes) => bytes.subarray(0, bytes.length - 10), /unexpected end of file/],
    ['a sentence off its lines', () => deflateSync(JSON.stringify({ documents: [document], chunks: [{ ...shard.chunks[0], sentences: [[999, 3, null, null]] }], statements: [] })), /no line of notice holds the sentence at 999/],
  ])('should throw on %s', (_, damage, reason) => {
    expect(() => decodeShard(damage(encodeShard(shard)))).toThrow(reason);
  });
});

describe('packs of shards', () => {
  it('should give back every frame in order, copied frames byte for byte, and the size and digest of the file', () => {
    const directory = temporaryDirectory();
    const first = new PackWriter(join(directory, 'a.shards'));
    first.add('a.md', Buffer.from('shard of a'));
    first.add('目录/b.md', Buffer.from('shard of b'));
    const written = first.close();
    const bytes = readFileSync(join(directory, 'a.shards'));
    expect(digestOf(bytes)).toEqual(written);
    const frames = readPack(bytes);
    expect(frames.map((frame) => [frame.path, frame.shard.toString()])).toEqual([['a.md', 'shard of a'], ['目录/b.md', 'shard of b']]);

    const second = new PackWriter(join(directory, 'b.shards'));
    second.copy(frames[1]);
    second.add('c.md', Buffer.from('shard of c'));
    second.close();
    expect(readPack(readFileSync(join(directory, 'b.shards'))).map((frame) => frame.path)).toEqual(['目录/b.md', 'c.md']);
  });

  it.each<[string, (bytes: Buffer) => Buffer, RegExp]>([
    ['other bytes', () => Buffer.from('{"not":"a pack"}'), /not a shard pack/],
    ['a frame cut short', (bytes) => bytes.subarray(0, bytes.length - 1), /frame 1 claims \d+ bytes, past the end of the file \(truncated\)/],
    ['a header cut short', (bytes) => bytes.subarray(0, 8 + 8 + 4 + 10 + 3), /ends inside the header of frame 1 \(truncated\)/],
  ])('should refuse %s', (_, damage, reason) => {
    const path = join(temporaryDirectory(), 'x.shards');
    const writer = new PackWriter(path);
    writer.add('a.md', Buffer.from('shard of a'));
    writer.add('b.md', Buffer.from('shard of b'));
    writer.close();
    writeFileSync(path, damage(readFileSync(path)));
    expect(() => readPack(readFileSync(path))).toThrow(reason);
  });
});

describe('the pack layout', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2048, 1],
    [2049, 2],
    [5000, 4],
    [8192, 4],
    [8193, 8],
    [10_000_000, 256],
  ])('should use, for %i files, %i packs', (files, packs) => {
    expect(packCount({ files })).toBe(packs);
  });

  it('should keep a file in its pack whatever else is in the corpus, and spread files over the packs', () => {
    const paths = Array.from({ length: 4000 }, (_, number) => `part-${number % 7}/doc-${number}.txt`);
    const counts = new Array(8).fill(0);
    for (const path of paths) counts[packOf({ path, packs: 8 })]++;
    expect(Math.min(...counts)).toBeGreaterThan(400);
    expect(packOf({ path: 'guide-a.md', packs: 8 })).toBe(packOf({ path: 'guide-a.md', packs: 8 }));
  });
});
