// The only importer of hnswlib-node: an approximate kNN index over chunk vectors (cosine).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import hnswlib from 'hnswlib-node';
import { IndexCorruptError } from '../errors/app-error.js';
import { checkHnswFile } from './check-hnsw-file.js';

export interface VectorHit {
  label: number;
  /** Cosine similarity in [-1, 1] (hnswlib returns distances; converted here, once). */
  similarity: number;
}

/** A vector scaled to length 1 and rounded to float32: exactly what the index stores, so it can be stored again unchanged. */
export type UnitVector = number[] & { readonly __unit: true };

const connections = 12;
const constructionEf = 64;
const searchEf = 64;
const randomSeed = 42;

/**
 * A cosine-space HNSW index that knows its live labels. Vectors are normalized here and stored in hnswlib's
 * inner-product space, so a stored vector read back and added to a new index is bit-identical: an index built from
 * the same unit vectors in the same order is the same file, whether they were just embedded or reused.
 */
export class VectorIndex {
  private readonly live: Set<number>;

  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private readonly liveLabels: readonly number[],
  ) {
    this.live = new Set(liveLabels);
  }

  /** `vector` scaled to length 1 (a zero vector stays zero), rounded to float32. */
  static unit(vector: readonly number[]): UnitVector {
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    return vector.map((value) => (norm > 0 ? Math.fround(value / norm) : 0)) as unknown as UnitVector;
  }

  /** An index whose labels are the positions of `vectors`, inserted in that order. */
  static build({ dimensions, vectors }: { dimensions: number; vectors: readonly UnitVector[] }): VectorIndex {
    const index = new hnswlib.HierarchicalNSW('ip', dimensions);
    index.initIndex(Math.max(vectors.length, 1), connections, constructionEf, randomSeed);
    index.setEf(searchEf);
    vectors.forEach((vector, label) => {
      if (vector.length !== dimensions) throw new Error(`vector ${label} has ${vector.length} dimensions, the index has ${dimensions}`);
      index.addPoint(vector, label);
    });
    return new VectorIndex(index, dimensions, vectors.map((_, label) => label));
  }

  /**
   * Reads an index written by `write` whose live labels are `labels`. The file is checked before hnswlib reads it
   * (see check-hnsw-file.ts): a damaged file throws IndexCorruptError instead of crashing the process.
   */
  static read({ path, dimensions, labels }: { path: string; dimensions: number; labels: readonly number[] }): VectorIndex {
    const check = checkHnswFile({ bytes: readFileSync(path), dimensions, labels });
    if (!check.valid) throw new IndexCorruptError(dirname(path), `${basename(path)} is damaged: ${check.reason}`);
    const index = new hnswlib.HierarchicalNSW('ip', dimensions);
    index.readIndexSync(path);
    index.setEf(searchEf);
    return new VectorIndex(index, dimensions, [...labels]);
  }

  /**
   * Reads an index from bytes written by `compress` (hnswlib reads only files: the checked bytes go through a private
   * temporary file). Damaged bytes (bad checksum, or a graph that fails the check) throw IndexCorruptError.
   */
  static decompress({ bytes, dimensions, labels, directory, name }: { bytes: Uint8Array; dimensions: number; labels: readonly number[]; directory: string; name: string }): VectorIndex {
    let raw: Buffer;
    try {
      raw = inflateSync(bytes);
    } catch (error) {
      throw new IndexCorruptError(directory, `${name} is damaged: ${(error as Error).message}`);
    }
    const check = checkHnswFile({ bytes: raw, dimensions, labels });
    if (!check.valid) throw new IndexCorruptError(directory, `${name} is damaged: ${check.reason}`);
    return withTemporaryFile((path) => {
      writeFileSync(path, raw);
      const index = new hnswlib.HierarchicalNSW('ip', dimensions);
      index.readIndexSync(path);
      index.setEf(searchEf);
      return new VectorIndex(index, dimensions, [...labels]);
    });
  }

  /** The index file's bytes, zlib-compressed (unit vectors of hashed features compress about 3.5×). */
  compress(): Buffer {
    return withTemporaryFile((path) => {
      this.index.writeIndexSync(path);
      return deflateSync(readFileSync(path), { level: 1 });
    });
  }

  /** Number of live vectors. */
  get size(): number {
    return this.liveLabels.length;
  }

  /** Number of vectors in the file, live or marked deleted (older versions marked removed chunks deleted). */
  get storedCount(): number {
    return this.index.getCurrentCount();
  }

  /** The live labels (hnswlib's own id list also holds labels marked deleted by older versions). */
  labels(): readonly number[] {
    return this.liveLabels;
  }

  /** The stored unit vector of a live label. */
  vectorOf(label: number): UnitVector {
    if (!this.live.has(label)) throw new Error(`label ${label} is not a live vector of this index`);
    return this.index.getPoint(label) as unknown as UnitVector;
  }

  search(vector: readonly number[], k: number): VectorHit[] {
    return this.searchUnit(VectorIndex.unit(vector), k);
  }

  /** `search` for a vector already scaled by `unit`. */
  searchUnit(vector: UnitVector, k: number): VectorHit[] {
    const limit = Math.min(k, this.size);
    if (limit <= 0) return [];
    const result = this.index.searchKnn(vector, limit);
    return result.neighbors.map((label, position) => ({ label, similarity: 1 - result.distances[position] }));
  }

  write(path: string): void {
    this.index.writeIndexSync(path);
  }
}

function withTemporaryFile<T>(use: (path: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'kbqa-hnsw-'));
  try {
    return use(join(directory, 'graph.hnsw'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
