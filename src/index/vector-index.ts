// The only importer of hnswlib-node: an approximate kNN index over chunk vectors (cosine).
import hnswlib from 'hnswlib-node';

export interface VectorHit {
  label: number;
  /** Cosine similarity in [-1, 1] (hnswlib returns distances; converted here, once). */
  similarity: number;
}

/** A cosine-space HNSW index whose labels are chunk ordinals. */
export class VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private live: number,
  ) {}

  static create({ dimensions, capacity }: { dimensions: number; capacity: number }): VectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(capacity, 1), 12, 64, 42, true);
    index.setEf(64);
    return new VectorIndex(index, dimensions, 0);
  }

  /** Reads an index written by `write`; `liveCount` is the number of labels not marked deleted. */
  static read({ path, dimensions, liveCount }: { path: string; dimensions: number; liveCount: number }): VectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.readIndexSync(path, true);
    if (index.getNumDimensions() !== dimensions) throw new Error(`vector index has ${index.getNumDimensions()} dimensions, expected ${dimensions}`);
    index.setEf(64);
    return new VectorIndex(index, dimensions, liveCount);
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.live;
  }

  add(label: number, vector: number[]): void {
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 16);
    this.index.addPoint(vector, label);
    this.live++;
  }

  remove(label: number): void {
    this.index.markDelete(label);
    this.live--;
  }

  labels(): number[] {
    return this.index.getIdsList();
  }

  search(vector: number[], k: number): VectorHit[] {
    const limit = Math.min(k, this.live);
    if (limit <= 0) return [];
    const result = this.index.searchKnn(vector, limit);
    return result.neighbors.map((label, position) => ({ label, similarity: 1 - result.distances[position] }));
  }

  write(path: string): void {
    this.index.writeIndexSync(path);
  }
}
