// The ingest step that turns reused and fresh chunks into the version's chunk list and its vector index.
import { checkpoint } from './checkpoint.js';
import type { Embedder } from './create-embeddings.js';
import { HashingEmbeddings } from './hashing-embeddings.js';
import type { StoredChunk } from './index-types.js';
import { VectorIndex, type UnitVector } from './vector-index.js';

export type FreshChunk = Omit<StoredChunk, 'label' | 'group'>;

const embedBatch = 256;

/**
 * Puts the chunks in their canonical order (by source id, then by their order in the source), labels them by
 * position and builds a fresh vector index in that order. Reused chunks keep their stored vectors (only fresh ones
 * are embedded), so an incremental run writes the same chunks and the same vector file as a full build of the same
 * files: nothing depends on which labels earlier runs handed out or marked deleted.
 */
export async function assembleVectors({ reusedChunks, previousVectors, freshChunks, embedder, titleOf, onProgress, signal }: {
  /** Chunks of unchanged files, in their stored order, with their labels in `previousVectors`. */
  reusedChunks: readonly StoredChunk[];
  previousVectors: VectorIndex | null;
  /** Chunks of new and changed files, in document order. */
  freshChunks: readonly FreshChunk[];
  embedder: Embedder;
  titleOf: (sourceId: string) => string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}): Promise<{ chunks: StoredChunk[]; vectors: VectorIndex } | null> {
  const freshVectors: UnitVector[] = [];
  for (let start = 0; start < freshChunks.length; start += embedBatch) {
    const batch = freshChunks.slice(start, start + embedBatch);
    freshVectors.push(...(await embedChunks({ batch, embedder, titleOf })).map(VectorIndex.unit));
    onProgress?.(Math.min(start + embedBatch, freshChunks.length), freshChunks.length);
    await checkpoint(signal);
  }
  const dimensions = freshVectors[0]?.length ?? previousVectors?.dimensions;
  if (dimensions === undefined) return null;
  if (previousVectors && reusedChunks.length > 0 && previousVectors.dimensions !== dimensions) {
    throw new Error(`embedder returned ${dimensions} dimensions, the previous index has ${previousVectors.dimensions}`);
  }

  const entries = [
    ...reusedChunks.map((chunk) => ({ chunk, order: chunk.label, vector: () => previousVectors!.vectorOf(chunk.label) })),
    ...freshChunks.map((chunk, position) => ({ chunk, order: position, vector: () => freshVectors[position] })),
  ];
  // A file's chunks are either all reused or all fresh, so `order` only ever compares chunks of one kind.
  entries.sort((left, right) => left.chunk.sourceId.localeCompare(right.chunk.sourceId) || left.order - right.order);
  const chunks = entries.map(({ chunk }, label): StoredChunk => ({ ...chunk, label, group: chunk.id }));
  // Nothing added, removed or moved: the previous index is already the one a build in this order would write.
  const unchanged = previousVectors !== null && freshChunks.length === 0 && previousVectors.storedCount === entries.length && entries.every((entry, position) => entry.order === position);
  const vectors = unchanged ? previousVectors : VectorIndex.build({ dimensions, vectors: entries.map((entry) => entry.vector()) });
  return { chunks, vectors };
}

async function embedChunks({ batch, embedder, titleOf }: { batch: readonly FreshChunk[]; embedder: Embedder; titleOf: (sourceId: string) => string }): Promise<number[][]> {
  const { embeddings } = embedder;
  // The offline embedder reuses the normalized text and tokens computed for the lexical index.
  if (embeddings instanceof HashingEmbeddings) return batch.map((chunk) => embeddings.embedNormalized(chunk.normalized.join(''), chunk.tokens));
  return embeddings.embedDocuments(batch.map((chunk) => `${titleOf(chunk.sourceId)}\n${chunk.path.join('\n')}\n${chunk.sentences.map((sentence) => sentence.text).join('')}`));
}
