import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/synthetic-corpus.js';
import { IndexCorruptError } from '../../src/errors/app-error.js';
import { VectorIndex } from '../../src/index/vector-index.js';
import { temporaryDirectory } from '../helpers.js';
import { damageFile, hnswLayout } from './damage-hnsw-file.js';

const count = 200;
const testDimensions = 8;

/** A vector file of `count` seeded random vectors; labels 0…count-1. */
function writeVectorFile({ count }: { count: number }): { path: string; labels: number[] } {
  const random = createRandom(7);
  const vectors = Array.from({ length: count }, () => VectorIndex.unit(Array.from({ length: testDimensions }, () => random() - 0.5)));
  const path = join(temporaryDirectory('kbqa-hnsw-'), 'vectors.hnsw');
  VectorIndex.build({ dimensions: testDimensions, vectors }).write(path);
  return { path, labels: vectors.map((_, label) => label) };
}

/** The first element with (or without) upper levels. */
function elementWith(layout: ReturnType<typeof hnswLayout>, upper: boolean): number {
  return layout.upper.findIndex((entry) => (entry !== null) === upper);
}

describe('VectorIndex', () => {
  it('should write the same file for the same unit vectors, whether just embedded or read back from a stored index', () => {
    const { path, labels } = writeVectorFile({ count });
    const stored = VectorIndex.read({ path, dimensions: testDimensions, labels });
    const again = join(temporaryDirectory(), 'vectors.hnsw');
    VectorIndex.build({ dimensions: testDimensions, vectors: labels.map((label) => stored.vectorOf(label)) }).write(again);
    expect(readFileSync(again).equals(readFileSync(path))).toBe(true);
  });

  it('should list and return only its live labels when the file holds vectors marked deleted', () => {
    const { path, labels } = writeVectorFile({ count });
    const deleted = 17;
    damageFile(path, (bytes) => {
      bytes[hnswLayout(bytes).level0(deleted) + 2] = 1; // hnswlib's delete mark, as older versions wrote it
      return bytes;
    });
    const live = labels.filter((label) => label !== deleted);
    const index = VectorIndex.read({ path, dimensions: testDimensions, labels: live });
    expect(index.labels()).toEqual(live);
    expect({ size: index.size, storedCount: index.storedCount }).toEqual({ size: count - 1, storedCount: count });
    expect(() => index.vectorOf(deleted)).toThrow('label 17 is not a live vector of this index');
    const probe = index.vectorOf(18);
    expect(index.search(probe, count).map((hit) => hit.label)).not.toContain(deleted);
    expect(index.search(probe, 1)[0]).toMatchObject({ label: 18, similarity: expect.closeTo(1, 5) });
    expect(() => VectorIndex.read({ path, dimensions: testDimensions, labels })).toThrow(/chunk label 17's vector is marked deleted/);
  });

  it.each<[string, (bytes: Buffer, layout: ReturnType<typeof hnswLayout>) => Buffer, RegExp]>([
    ['a file cut inside its header', (bytes) => bytes.subarray(0, 50), /has 50 bytes, fewer than the 96-byte header \(truncated\)/],
    ['a file cut inside its vectors', (bytes, layout) => bytes.subarray(0, layout.level0(10) + 7), /inside the 200 elements' level-0 data \(truncated\)/],
    ['a file cut inside its last link lists', (bytes) => bytes.subarray(0, bytes.length - 3), /truncated/],
    ['random bytes', (bytes) => {
      const random = createRandom(5);
      return Buffer.from(bytes.map(() => Math.floor(random() * 256)));
    }, /vectors\.hnsw is damaged: /],
    ['an entry point outside the elements (99999 at byte 52)', (bytes) => (bytes.writeUInt32LE(99999, 52), bytes), /the entry point 99999 is not one of the 200 elements/],
    ['an entry point below the top level', (bytes, layout) => (bytes.writeUInt32LE(elementWith(layout, false), 52), bytes), /the entry point \d+ has 0 levels, the header's top level is [1-9]/],
    ['a top level above every element', (bytes) => (bytes.writeInt32LE(bytes.readInt32LE(48) + 1, 48), bytes), /the entry point \d+ has \d+ levels, the header's top level is \d+/],
    [
      'a level-0 link to a missing element',
      (bytes, layout) => (bytes.writeUInt16LE(1, layout.level0(5)), bytes.writeUInt32LE(0xffffff, layout.level0(5) + 4), bytes),
      /element 5 links at level 0 to element 16777215, but there are 200 elements/,
    ],
    [
      'an upper link to an element that does not reach that level',
      (bytes, layout) => {
        const offset = layout.upper[elementWith(layout, true)]!.offset;
        bytes.writeUInt16LE(1, offset);
        bytes.writeUInt32LE(elementWith(layout, false), offset + 4);
        return bytes;
      },
      /links at level 1 to element \d+, which only reaches level 0/,
    ],
    ['a link count beyond the capacity', (bytes, layout) => (bytes.writeUInt16LE(layout.maxM0 + 1, layout.level0(3)), bytes), /element 3 has 25 links at level 0, more than the 24 allowed/],
    ['a vector that is not a number', (bytes, layout) => (bytes.writeFloatLE(Number.NaN, layout.level0(2) + 4 + layout.maxM0 * 4), bytes), /element 2's vector holds a number that is not finite/],
    ['a huge capacity', (bytes) => (bytes.writeBigUInt64LE(1n << 40n, 8), bytes), /element count 200 and capacity 1099511627776 are implausible/],
  ])('should refuse %s before hnswlib reads it', (_, damage, reason) => {
    const { path, labels } = writeVectorFile({ count });
    damageFile(path, (bytes) => damage(bytes, hnswLayout(bytes)));
    let thrown: unknown;
    try {
      VectorIndex.read({ path, dimensions: testDimensions, labels });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IndexCorruptError);
    expect((thrown as IndexCorruptError).code).toBe('index_corrupt');
    expect((thrown as Error).message).toMatch(reason);
  });

  it('should refuse a file whose dimensions or live labels differ from the index', () => {
    const { path, labels } = writeVectorFile({ count });
    expect(() => VectorIndex.read({ path, dimensions: 16, labels })).toThrow(/the vectors have 8 dimensions, the manifest says 16/);
    expect(() => VectorIndex.read({ path, dimensions: testDimensions, labels: labels.slice(1) })).toThrow(/label 0 is live in the file but belongs to no chunk/);
    expect(() => VectorIndex.read({ path, dimensions: testDimensions, labels: [...labels, count] })).toThrow(/chunk label 200 has no vector/);
  });

  it('should never crash on a file it accepts: hundreds of random damages, each searched in a child process', () => {
    const { path, labels } = writeVectorFile({ count: 60 });
    const original = readFileSync(path);
    const layout = hnswLayout(original);
    const random = createRandom(2026);
    const upper = layout.upper.filter((entry) => entry !== null);
    const directory = temporaryDirectory('kbqa-fuzz-');
    const paths = Array.from({ length: 600 }, (_, number) => {
      const bytes = Buffer.from(original);
      // Aim at what hnswlib trusts: the header, the level-0 link lists, the upper link lists.
      const region = number % 3;
      const position =
        region === 0 ? Math.floor(random() * 96)
        : region === 1 ? layout.level0(Math.floor(random() * layout.count)) + Math.floor(random() * (4 + layout.maxM0 * 4))
        : upper[Math.floor(random() * upper.length)]!.offset + Math.floor(random() * 52);
      const value = random() < 0.5 ? Math.floor(random() * 256) : Math.floor(random() * layout.count * 2);
      bytes[Math.min(position, bytes.length - 1)] = value & 0xff;
      const file = join(directory, `damaged-${number}.hnsw`);
      writeFileSync(file, bytes);
      return file;
    });
    const job = join(directory, 'job.json');
    writeFileSync(job, JSON.stringify({ paths, dimensions: testDimensions, labels }));
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const output = execFileSync(process.execPath, ['--import', tsx, fileURLToPath(new URL('./search-vector-files.ts', import.meta.url)), job], { encoding: 'utf8', timeout: 120_000 });
    const { accepted, refused } = JSON.parse(output) as { accepted: number; refused: number };
    expect(accepted + refused).toBe(600);
    expect({ accepted: accepted > 0, refused: refused > 0 }).toEqual({ accepted: true, refused: true });
  }, 180_000);
});
