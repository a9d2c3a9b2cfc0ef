// The vector search of a version: one HNSW graph per pack, searched together and merged by similarity.
import { VectorIndex, type VectorHit } from './vector-index.js';

/** What the engine needs of the vectors: a cosine kNN search returning chunk labels. */
export interface VectorSearch {
  readonly dimensions: number;
  /** Number of vectors. */
  readonly size: number;
  search(vector: readonly number[], k: number): VectorHit[];
}

export interface PackGraph {
  index: VectorIndex;
  /** Graph label → the chunk's label in the version. */
  labels: readonly number[];
}

/**
 * Each graph returns its own k best, so the result is the k best of all packs: a pure function of the packs' graphs,
 * which are pure functions of their files, whatever runs built them.
 */
export class PackedVectors implements VectorSearch {
  readonly size: number;

  constructor(
    private readonly graphs: readonly PackGraph[],
    readonly dimensions: number,
  ) {
    this.size = graphs.reduce((sum, graph) => sum + graph.labels.length, 0);
  }

  search(vector: readonly number[], k: number): VectorHit[] {
    if (k <= 0 || this.size === 0) return [];
    const unit = VectorIndex.unit(vector);
    const hits: VectorHit[] = [];
    for (const graph of this.graphs) for (const hit of graph.index.searchUnit(unit, k)) hits.push({ label: graph.labels[hit.label], similarity: hit.similarity });
    if (this.graphs.length === 1) return hits;
    return hits.sort((left, right) => right.similarity - left.similarity || left.label - right.label).slice(0, k);
  }
}
