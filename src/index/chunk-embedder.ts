// Turns chunks into unit vectors as files are read: at once for the offline embedder, in batches for an endpoint.
import type { Embedder } from './create-embeddings.js';
import { HashingEmbeddings } from './hashing-embeddings.js';
import { VectorIndex } from './vector-index.js';

export interface EmbeddableChunk {
  id: string;
  /** The chunk's sentences normalized, and its index tokens (what the offline embedder hashes). */
  normalized: string[];
  tokens: string[];
  /** Title, headings and verbatim sentences (what an embeddings endpoint reads). */
  text: string;
}

const batchSize = 256;

/** Collects each chunk's unit vector (float32) by chunk id. */
export class ChunkEmbedder {
  readonly vectors = new Map<string, Float32Array>();
  private pending: Array<{ id: string; text: string }> = [];
  private embedded = 0;

  constructor(
    private readonly embedder: Embedder,
    private readonly onProgress?: (done: number) => void,
  ) {}

  /** Embeds `chunk` now (offline embedder) or queues it for `flush`. */
  add(chunk: EmbeddableChunk): void {
    const { embeddings } = this.embedder;
    if (embeddings instanceof HashingEmbeddings) this.store(chunk.id, embeddings.embedNormalized(chunk.normalized.join(''), chunk.tokens));
    else this.pending.push({ id: chunk.id, text: chunk.text });
  }

  /** Sends the queue to the endpoint in full batches; with `all`, the last partial batch too. */
  async flush({ all = false }: { all?: boolean } = {}): Promise<void> {
    while (this.pending.length >= batchSize || (all && this.pending.length > 0)) {
      const batch = this.pending.splice(0, batchSize);
      const vectors = await this.embedder.embeddings.embedDocuments(batch.map((entry) => entry.text));
      batch.forEach((entry, position) => this.store(entry.id, vectors[position]));
    }
  }

  private store(id: string, vector: number[]): void {
    this.vectors.set(id, Float32Array.from(VectorIndex.unit(vector)));
    this.onProgress?.(++this.embedded);
  }
}
