// Chooses the claim that speaks for a side of a conflict (its statement and its first citation).
import type { LoadedIndex } from '../index/load-index.js';
import type { Claim } from '../reconcile/claim-types.js';
import { authorityRank } from '../reconcile/resolve-topic.js';
import type { Scope } from '../reconcile/scope.js';
import { specificity } from '../reconcile/scope-applicability.js';
import type { WeightedToken } from '../retrieval/expand-query.js';
import { coverage } from './rank-sentences.js';

/**
 * A picker for one question: the claim naming most of the user's situation, then the narrowest, the most
 * authoritative, the most copied wording, the closest to the question's words, an untruncated one, the newest,
 * and finally source and position (so the choice is deterministic). Results are kept per list of claims.
 */
export function createRepresentativePicker({ index, scope, questionWords }: { index: LoadedIndex; scope: Scope; questionWords: WeightedToken[] }): (claims: Claim[]) => Claim {
  const situationMatch = (claim: Claim) =>
    Object.entries(claim.scope.values).filter(([dimension, value]) => scope.values[dimension] === value).length +
    claim.scope.regions.filter((region) => scope.regions.includes(region)).length;
  const picked = new WeakMap<Claim[], Claim>();
  return function pick(claims: Claim[]): Claim {
    const known = picked.get(claims);
    if (known) return known;
    const copies = new Map<string, number>();
    for (const claim of claims) copies.set(claim.duplicateKey, (copies.get(claim.duplicateKey) ?? 0) + 1);
    const keyed = claims.map((claim) => ({
      claim,
      match: situationMatch(claim),
      specificity: specificity({ claim, rules: index.rules.scope, user: scope }),
      authority: authorityRank[claim.authority],
      copies: copies.get(claim.duplicateKey)!,
      overlap: 0,
    }));
    const better = (left: (typeof keyed)[number], right: (typeof keyed)[number]) =>
      left.match - right.match || left.specificity - right.specificity || left.authority - right.authority || left.copies - right.copies;
    const top = keyed.reduce((best, entry) => (better(entry, best) > 0 ? entry : best));
    // Only the finalists pay for the word overlap.
    const finalists = keyed.filter((entry) => better(entry, top) === 0);
    for (const entry of finalists) entry.overlap = coverage({ index, query: questionWords, text: entry.claim.normalized });
    finalists.sort(
      (left, right) =>
        right.overlap - left.overlap ||
        Number(left.claim.truncated) - Number(right.claim.truncated) ||
        (right.claim.sourceDate ?? '').localeCompare(left.claim.sourceDate ?? '') ||
        left.claim.sourceId.localeCompare(right.claim.sourceId) ||
        left.claim.offset - right.claim.offset,
    );
    picked.set(claims, finalists[0].claim);
    return finalists[0].claim;
  };
}
