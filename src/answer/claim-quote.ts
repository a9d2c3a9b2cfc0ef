// How a claim is quoted and which claims of a side are cited.
import type { Claim } from '../reconcile/claim-types.js';
import type { QuotedSentence } from './citation-book.js';
import { displaySentence } from './display-sentence.js';

/** The claim's sentence as quoted: without a leading bullet, offset adjusted. */
export function quoted(claim: Claim): QuotedSentence {
  const display = displaySentence(claim.sentence);
  return { sourceId: claim.sourceId, text: display.text, offset: claim.offset + display.shift };
}

/** The claims of a side to cite: the representative first, then one claim per other source (at most three). */
export function citedClaims(claims: Claim[], representative: Claim): Claim[] {
  const chosen: Claim[] = [representative];
  for (const claim of claims) {
    if (chosen.length >= 3) break;
    if (!chosen.some((other) => other.sourceId === claim.sourceId)) chosen.push(claim);
  }
  return chosen;
}
