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

/**
 * Share of the question's word weight (IDF × weight) found in the normalized `text`. Words are looked up as
 * substrings (医保 counts inside 医保经办机构), and a word also counts when one of its `alternatives` is there.
 */
export function coverage({ index, query, text, alternatives }: { index: LoadedIndex; query: WeightedToken[]; text: string; alternatives?: Map<string, string[]> }): number {
  let found = 0;
  let total = 0;
  for (const { token, weight } of query) {
    const mass = weight * inverseDocumentFrequency(index.lexical, token);
    total += mass;
    if (text.includes(token) || alternatives?.get(token)?.some((alternative) => text.includes(alternative))) found += mass;
  }
  return total > 0 ? found / total : 0;
}

const contexts = new WeakMap<StoredChunk, string>();

/** The normalized text a chunk is judged by: its document's title, its heading and its sentences (memoized). */
export function chunkContext(index: LoadedIndex, chunk: StoredChunk): string {
  let context = contexts.get(chunk);
  if (context === undefined) {
    const document = index.documents.get(chunk.sourceId);
    context = `${index.text.normalize(`${document?.title ?? ''}\n${chunk.heading ?? ''}`)}\n${chunk.normalized.join('')}`;
    contexts.set(chunk, context);
  }
  return context;
}

const minimumSentenceLength = 8;

const sentenceShare = 0.6;
const rankPenalty = 0.03;

/**
 * Sentences of the chunks worth quoting, best first: the sentence's own coverage of the question, blended
 * with its chunk's (title and heading included), less a little for each retrieval rank.
 */
export function rankSentences({ index, query, chunks }: { index: LoadedIndex; query: WeightedToken[]; chunks: StoredChunk[] }): RankedSentence[] {
  const ranked: RankedSentence[] = [];
  chunks.forEach((chunk, rank) => {
    const chunkScore = coverage({ index, query, text: chunkContext(index, chunk), alternatives: index.synonymAlternatives });
    chunk.sentences.forEach((sentence, position) => {
      const normalized = chunk.normalized[position];
      if ([...normalized].length < minimumSentenceLength || /[?？]$/.test(normalized) || isHeading(sentence.text)) return;
      if (index.rules.cleaning.boilerplate.some((pattern) => pattern.test(sentence.text))) return;
      const own = coverage({ index, query, text: normalized, alternatives: index.synonymAlternatives });
      const score = sentenceShare * own + (1 - sentenceShare) * chunkScore - rank * rankPenalty;
      ranked.push({ chunk, sourceId: chunk.sourceId, text: sentence.text, normalized, offset: sentence.offset, score });
    });
  });
  return ranked.sort((left, right) => right.score - left.score || left.offset - right.offset);
}
