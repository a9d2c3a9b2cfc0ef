// Offline, deterministic embeddings: signed feature hashing of words and character bigrams.
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import type { TextPipeline } from '../text/create-text-pipeline.js';

export interface HashingEmbeddingsParams extends EmbeddingsParams {
  dimensions: number;
  text: TextPipeline;
}

/** CJK Unified Ideographs (and Extension A): the characters whose bigrams are features. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** FNV-1a of `text` continued from `hash` (from the offset basis, the hash of `text` alone). */
function fnv1a(text: string, hash = fnvOffset): number {
  let state = hash;
  for (let index = 0; index < text.length; index++) state = Math.imul(state ^ text.charCodeAt(index), fnvPrime);
  return state;
}

// Features are hashed as "w:<word>" and "b:<two Han characters>": the prefixes' states are computed once.
const wordPrefix = fnv1a('w:');
const bigramPrefix = fnv1a('b:');

/** LangChain `Embeddings` that need no model: words weigh 1, Han character bigrams 0.5, L2-normalized. */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly text: TextPipeline;

  constructor({ dimensions, text, ...params }: HashingEmbeddingsParams) {
    super(params);
    this.dimensions = dimensions;
    this.text = text;
  }

  /** Name and version recorded in the index so that a mismatch is refused at load. */
  get id(): string {
    return `hashing-v1/${this.dimensions}`;
  }

  embedText(text: string): number[] {
    const normalized = this.text.normalize(text);
    return this.embedNormalized(normalized, this.text.tokensOfNormalized(normalized));
  }

  /** The vector of already normalized text whose words are known (saves segmenting twice at ingest). */
  embedNormalized(normalized: string, words: string[]): number[] {
    const vector = new Float64Array(this.dimensions);
    const add = (state: number, weight: number) => {
      const hash = state >>> 0;
      vector[hash % this.dimensions] += hash & 0x80000000 ? -weight : weight;
    };
    for (const word of words) add(fnv1a(word, wordPrefix), 1);
    let previous = -1;
    for (let index = 0; index < normalized.length; index++) {
      const code = normalized.charCodeAt(index);
      if (!isHan(code)) continue;
      if (previous >= 0) add(Math.imul(Math.imul(bigramPrefix ^ previous, fnvPrime) ^ code, fnvPrime), 0.5);
      previous = code;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (value) => value / norm);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((document) => this.embedText(document));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embedText(document);
  }
}
