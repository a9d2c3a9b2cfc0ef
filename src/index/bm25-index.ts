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

/** Builds BM25 postings from the token lists of the chunks (by ordinal). */
export function buildBm25({ tokenLists }: { tokenLists: string[][] }): Bm25Data {
  const postings: Record<string, number[]> = Object.create(null);
  let total = 0;
  tokenLists.forEach((tokens, ordinal) => {
    total += tokens.length;
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [token, count] of counts) (postings[token] ??= []).push(ordinal, count);
  });
  return {
    documentCount: tokenLists.length,
    averageLength: tokenLists.length ? total / tokenLists.length : 0,
    lengths: tokenLists.map((tokens) => tokens.length),
    postings,
  };
}

/** Inverse document frequency of a token (unseen tokens get the highest value). */
export function inverseDocumentFrequency(data: Bm25Data, token: string): number {
  const frequency = (data.postings[token]?.length ?? 0) / 2;
  return Math.log(1 + (data.documentCount - frequency + 0.5) / (frequency + 0.5));
}

/** BM25 scores of the chunks for weighted query tokens, best first. */
export function searchBm25(data: Bm25Data, query: Array<{ token: string; weight: number }>, k: number): LexicalHit[] {
  const scores = new Map<number, number>();
  for (const { token, weight } of query) {
    const posting = data.postings[token];
    if (!posting) continue;
    const idf = inverseDocumentFrequency(data, token);
    for (let index = 0; index < posting.length; index += 2) {
      const ordinal = posting[index];
      const frequency = posting[index + 1];
      const length = data.lengths[ordinal];
      const score = (idf * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * length) / (data.averageLength || 1)));
      scores.set(ordinal, (scores.get(ordinal) ?? 0) + weight * score);
    }
  }
  return [...scores]
    .map(([ordinal, score]) => ({ ordinal, score }))
    .sort((left, right) => right.score - left.score || left.ordinal - right.ordinal)
    .slice(0, k);
}
