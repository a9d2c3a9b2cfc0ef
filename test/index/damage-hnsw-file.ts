// Test helpers: the layout of a vector file (hnswlib 0.8's saveIndex), and a way to damage it.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';

export interface HnswLayout {
  count: number;
  sizePerElement: number;
  maxM0: number;
  /** Byte offset of each element's level-0 record, and of its upper link lists (null at level 0 only). */
  level0: (element: number) => number;
  upper: Array<{ offset: number; levels: number } | null>;
}

export function hnswLayout(bytes: Buffer): HnswLayout {
  const count = Number(bytes.readBigUInt64LE(16));
  const sizePerElement = Number(bytes.readBigUInt64LE(24));
  const maxM = Number(bytes.readBigUInt64LE(56));
  const maxM0 = Number(bytes.readBigUInt64LE(64));
  const upper: HnswLayout['upper'] = [];
  let position = 96 + count * sizePerElement;
  for (let element = 0; element < count; element++) {
    const length = bytes.readUInt32LE(position);
    upper.push(length > 0 ? { offset: position + 4, levels: length / (maxM * 4 + 4) } : null);
    position += 4 + length;
  }
  return { count, sizePerElement, maxM0, level0: (element) => 96 + element * sizePerElement, upper };
}

/** Rewrites the file at `path` through `damage`. */
export function damageFile(path: string, damage: (bytes: Buffer) => Buffer): void {
  writeFileSync(path, damage(readFileSync(path)));
}

/**
 * Rewrites the graph of pack `pack` of a version directory through `damage` (graphs are stored zlib-compressed). The
 * damaged file replaces the old one by rename: pack files may be hard links shared with other versions.
 */
export function damageVersionGraph(versionDirectory: string, damage: (bytes: Buffer) => Buffer, pack = 0): void {
  const path = join(versionDirectory, 'packs', `${pack}.hnsw.z`);
  writeFileSync(`${path}.damaged`, deflateSync(damage(inflateSync(readFileSync(path)))));
  renameSync(`${path}.damaged`, path);
}
