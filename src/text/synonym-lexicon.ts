// Synonym groups prepared for matching: each word's canonical form and the other words of its groups.
import type { Normalize } from './normalize-text.js';

export interface SynonymLexicon {
  /** The normalized groups, canonical member first. */
  groups: string[][];
  /** A word → the canonical form of its first group (words of no group map to themselves). */
  canonical: (word: string) => string;
  /** A word → every member of every group it belongs to (itself included). */
  alternatives: (word: string) => string[];
}

/** Normalizes the groups once and indexes every member (and each one-word member's segmentation). */
export function createSynonymLexicon({ groups, normalize }: { groups: string[][]; normalize: Normalize }): SynonymLexicon {
  const normalized = groups.map((group) => [...new Set(group.map(normalize).filter(Boolean))]).filter((group) => group.length > 1);
  const canonicalOf = new Map<string, string>();
  const alternativesOf = new Map<string, Set<string>>();
  for (const group of normalized) {
    for (const member of group) {
      if (!canonicalOf.has(member)) canonicalOf.set(member, group[0]);
      const set = alternativesOf.get(member) ?? new Set([member]);
      for (const other of group) set.add(other);
      alternativesOf.set(member, set);
    }
  }
  const frozen = new Map([...alternativesOf].map(([word, set]) => [word, [...set]]));
  return {
    groups: normalized,
    canonical: (word) => canonicalOf.get(word) ?? word,
    alternatives: (word) => frozen.get(word) ?? [word],
  };
}
