// The outcome of reconciling the claims on one topic.
import type { Claim, ClaimValue } from './claim-types.js';

/** The ordered rules; the README documents them with examples. */
export const resolutionRules = ['scope', 'authority', 'time', 'internal_consistency', 'consensus', 'unresolved'] as const;
export type ResolutionRule = (typeof resolutionRules)[number];

export type RejectionReason = 'other_scope' | 'less_authoritative' | 'outdated' | 'undated' | 'minority' | 'inconsistent_source';

/** Claims that state the same value. */
export interface Side {
  valueKey: string;
  value: ClaimValue;
  claims: Claim[];
}

export interface RejectedSide extends Side {
  reason: RejectionReason;
}

export interface TopicResolution {
  topicId: string;
  /** The adopted side, or null when the rules could not decide. */
  adopted: Side | null;
  rejected: RejectedSide[];
  /** The rule that decided, or null when the applicable sources agree. */
  rule: ResolutionRule | null;
  /** Every side, when unresolved. */
  sides: Side[];
  /** Claims limited to situations the user did not mention (shown as exceptions). */
  narrower: Claim[];
  /** Claims on a value of a lenient qualifier the user did not mention and most sources do not discuss. */
  variants: Claim[];
}
