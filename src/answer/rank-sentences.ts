// Relevance of chunks and sentences to a question: IDF-weighted coverage of the question's words.
import { inverseDocumentFrequency } from '../index/bm25-index.js';
import type { StoredChunk } from '../index/index-types.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { WeightedToken } from '../retrieval/expand-query.js';
import { isHeading } from '../text/chunk-document.js';

export interface RankedSentence {
  chunk: StoredChunk;
  sourceId: string;
  text: string;
  normalized: string;
  offset: number;
  score: number;
}

/** Share of the question's word weight (IDF × weight) found in `tokens`. */
export function coverage({ index, query, tokens }: { index: LoadedIndex; query: WeightedToken[]; tokens: Set<string> }): number {
  let found = 0;
  let total = 0;
  for (const { token, weight } of query) {
    const mass = weight * inverseDocumentFrequency(index.lexical, token);
    total += mass;
    if (tokens.has(token)) found += mass;
  }
  return total > 0 ? found / total : 0;
}

const minimumSentenceLength = 8;

/** Sentences of the chunks worth quoting, scored by coverage of the question, best first. */
export function rankSentences({ index, query, chunks }: { index: LoadedIndex; query: WeightedToken[]; chunks: StoredChunk[] }): RankedSentence[] {
  const ranked: RankedSentence[] = [];
  chunks.forEach((chunk, rank) => {
    chunk.sentences.forEach((sentence, position) => {
      const normalized = chunk.normalized[position];
      if ([...normalized].length < minimumSentenceLength || /[?？]$/.test(normalized) || isHeading(sentence.text)) return;
      if (index.rules.cleaning.boilerplate.some((pattern) => pattern.test(sentence.text))) return;
      const tokens = new Set(index.text.tokensOfNormalized(normalized));
      const score = coverage({ index, query, tokens }) - rank * 0.01;
      ranked.push({ chunk, sourceId: chunk.sourceId, text: sentence.text, normalized, offset: sentence.offset, score });
    });
  });
  return ranked.sort((left, right) => right.score - left.score || left.offset - right.offset);
}
