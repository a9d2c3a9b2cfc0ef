// A lexical BM25 index over the same tokens as the vectors.

export interface Bm25Data {
  documentCount: number;
  averageLength: number;
  lengths: number[];
  /** token → flat [ordinal, termFrequency, ordinal, termFrequency, …] */
  postings: Record<string, number[]>;
}

export interface LexicalHit {
  ordinal: number;
  score: number;
}

const k1 = 1.2;
const b = 0.75;

/** BM25 postings of chunks (by ordinal) from each chunk's `[token, count…]` terms and token count. */
export function buildBm25({ chunks }: { chunks: ReadonlyArray<{ terms: ReadonlyArray<string | number>; length: number }> }): Bm25Data {
  const postings: Record<string, number[]> = Object.create(null);
  const lengths: number[] = [];
  let total = 0;
  chunks.forEach((chunk, ordinal) => {
    for (let index = 0; index < chunk.terms.length; index += 2) (postings[chunk.terms[index] as string] ??= []).push(ordinal, chunk.terms[index + 1] as number);
    lengths.push(chunk.length);
    total += chunk.length;
  });
  return { documentCount: chunks.length, averageLength: chunks.length ? total / chunks.length : 0, lengths, postings };
}

/** Inverse document frequency of a token (unseen tokens get the highest value). */
export function inverseDocumentFrequency(data: Bm25Data, token: string): number {
  const frequency = (data.postings[token]?.length ?? 0) / 2;
  return Math.log(1 + (data.documentCount - frequency + 0.5) / (frequency + 0.5));
}

/** BM25 scores of the chunks for weighted query tokens, best first. */
export function searchBm25(data: Bm25Data, query: Array<{ token: string; weight: number }>, k: number): LexicalHit[] {
  const scores = new Float64Array(data.documentCount);
  const touched: number[] = [];
  const lengthNorm = data.averageLength || 1;
  for (const { token, weight } of query) {
    const posting = data.postings[token];
    if (!posting) continue;
    const idf = inverseDocumentFrequency(data, token) * weight;
    for (let index = 0; index < posting.length; index += 2) {
      const ordinal = posting[index];
      const frequency = posting[index + 1];
      if (scores[ordinal] === 0) touched.push(ordinal);
      scores[ordinal] += (idf * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * data.lengths[ordinal]) / lengthNorm));
    }
  }
  // Partial selection: keep the k best without sorting every touched chunk.
  const best: LexicalHit[] = [];
  for (const ordinal of touched) {
    const score = scores[ordinal];
    if (best.length === k && score <= best[k - 1].score) continue;
    let position = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push({ ordinal, score });
    else best[position] = { ordinal, score };
    while (position > 0 && (best[position - 1].score < score || (best[position - 1].score === score && best[position - 1].ordinal > ordinal))) {
      [best[position - 1], best[position]] = [best[position], best[position - 1]];
      position--;
    }
  }
  return best;
}
