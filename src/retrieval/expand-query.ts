// Query tokens with their weights: the question's own words, plus synonyms at a lower weight.
import type { TextPipeline } from '../text/create-text-pipeline.js';

export interface WeightedToken {
  token: string;
  weight: number;
}

const synonymWeight = 0.5;

/** Weighted BM25 query for a normalized question, expanded with the (normalized) synonym groups it touches. */
export function expandQuery({ normalized, text, synonyms }: { normalized: string; text: TextPipeline; synonyms: string[][] }): WeightedToken[] {
  const weights = new Map<string, number>();
  const own = text.tokensOfNormalized(normalized);
  for (const token of own) weights.set(token, 1);
  for (const members of synonyms) {
    // A one-character member must be a word of the question; longer ones may appear inside words.
    if (!members.some((member) => (member.length > 1 ? normalized.includes(member) : own.includes(member)))) continue;
    for (const member of members) {
      // Only members that are one word: the parts of a phrase ("换" of 换工作) would widen the query too much.
      const tokens = text.tokensOfNormalized(member);
      if (tokens.length === 1 && !weights.has(tokens[0])) weights.set(tokens[0], synonymWeight);
    }
  }
  return [...weights].map(([token, weight]) => ({ token, weight }));
}
