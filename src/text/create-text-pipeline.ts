// Normalization + segmentation + stopwords bundled for ingest and queries.
import type { RuleSet } from '../rules/compile-rules.js';
import { createNormalizer, type Normalize } from './normalize-text.js';
import { createSegmenter, type Tag } from './segmenter.js';

export interface TextPipeline {
  normalize: Normalize;
  /** Index tokens of already normalized text: words, without punctuation, spaces or stopwords. */
  tokensOfNormalized: (normalized: string) => string[];
  /** Index tokens of raw text. */
  tokens: (text: string) => string[];
  /** Words of normalized text with their part of speech (nodejieba's tags: n, v, ns, x…). */
  tag: Tag;
  stopwords: Set<string>;
}

const punctuationOnly = /^[\s\p{P}\p{S}]+$/u;

/** Builds the text pipeline from a rule set (user dictionary, variants, stopwords). */
export function createTextPipeline({ rules }: { rules: RuleSet }): TextPipeline {
  const normalize = createNormalizer({ variants: rules.variants });
  const { cut, tag } = createSegmenter({ userDictionary: rules.userDictionary });
  const stopwords = rules.stopwords;
  const tokensOfNormalized = (normalized: string) =>
    cut(normalized).filter((word) => word.trim() !== '' && !punctuationOnly.test(word) && !stopwords.has(word));
  return { normalize, tokensOfNormalized, tokens: (text) => tokensOfNormalized(normalize(text)), tag, stopwords };
}
