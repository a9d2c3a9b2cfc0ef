// A claim: one source's statement of a value on a topic, with everything the rules need to weigh it.
import type { Authority } from '../corpus/corpus-types.js';
import type { Scope } from './scope.js';

export type ClaimValue = boolean | number | string | string[];

export interface Claim {
  id: string;
  topic: string;
  value: ClaimValue;
  /** Grouping key of the value: claims with the same key agree. */
  valueKey: string;
  /** The verbatim sentence. */
  sentence: string;
  /** The sentence normalized (for matching; never shown). */
  normalized: string;
  /** Offset of the sentence in its source body (orders quotes). */
  offset: number;
  chunkId: string;
  sourceId: string;
  sourceDate: string | null;
  /** An explicit as-of date in the sentence ("截至2025年3月" → 2025-03), or null. */
  asOf: string | null;
  authority: Authority;
  /** Claims whose sentences are copies share this key. */
  duplicateKey: string;
  /** Documents that copy each other or share a publisher share a family. */
  family: string;
  truncated: boolean;
  scope: Scope;
}
