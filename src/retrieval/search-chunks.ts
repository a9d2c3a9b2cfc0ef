// Hybrid retrieval: BM25 and HNSW kNN fused by reciprocal rank, near-duplicates collapsed.
import type { LoadedIndex } from '../index/load-index.js';
import type { StoredChunk } from '../index/index-types.js';
import { searchBm25 } from '../index/bm25-index.js';
import type { WeightedToken } from './weighted-token.js';

export interface ChunkHit {
  chunk: StoredChunk;
  /** Reciprocal-rank fusion score. */
  score: number;
  lexicalScore: number;
  vectorSimilarity: number;
}

const candidates = 50;
const rrfConstant = 60;

/** The query's words at weight 1 (for callers without a question analysis: smoke tests, /api/search). */
export function plainQuery({ index, query }: { index: LoadedIndex; query: string }): WeightedToken[] {
  return [...new Set(index.text.tokens(query))].map((token) => ({ token, weight: 1 }));
}

/** The k best chunks for `query`, one per duplicate group; `expanded` weighs the lexical query's tokens. */
export async function searchChunks({ index, query, k, expanded }: { index: LoadedIndex; query: string; k: number; expanded?: WeightedToken[] }): Promise<ChunkHit[]> {
  const weighted = expanded ?? plainQuery({ index, query });
  const lexical = searchBm25(index.lexical, weighted, candidates);
  const vector = index.vectors.search(await index.embedder.embeddings.embedQuery(query), candidates);
  const fused = new Map<number, { score: number; lexicalScore: number; vectorSimilarity: number }>();
  lexical.forEach((hit, rank) => {
    fused.set(hit.ordinal, { score: 1 / (rrfConstant + rank + 1), lexicalScore: hit.score, vectorSimilarity: 0 });
  });
  vector.forEach((hit, rank) => {
    const position = index.positionByLabel.get(hit.label);
    if (position === undefined) return;
    const entry = fused.get(position) ?? { score: 0, lexicalScore: 0, vectorSimilarity: 0 };
    entry.score += 1 / (rrfConstant + rank + 1);
    entry.vectorSimilarity = hit.similarity;
    fused.set(position, entry);
  });
  // The best lexical and vector hits are always kept (a fused rank alone can bury the best lexical match under
  // chunks both lists rank middling); the rest follows the fused order.
  const assured = new Set([...lexical.slice(0, Math.ceil(k * 0.75)).map((hit) => hit.ordinal), ...vector.slice(0, Math.ceil(k / 4)).map((hit) => index.positionByLabel.get(hit.label)).filter((position): position is number => position !== undefined)]);
  const ranked = [...fused]
    .filter(([, entry]) => entry.lexicalScore > 0 || entry.vectorSimilarity > 0)
    .sort((left, right) => Number(assured.has(right[0])) - Number(assured.has(left[0])) || right[1].score - left[1].score || left[0] - right[0]);
  const seenGroups = new Set<string>();
  const hits: ChunkHit[] = [];
  for (const [position, entry] of ranked) {
    const chunk = index.chunks[position];
    if (seenGroups.has(chunk.group)) continue;
    seenGroups.add(chunk.group);
    hits.push({ chunk, ...entry });
    if (hits.length >= k) break;
  }
  return hits;
}
