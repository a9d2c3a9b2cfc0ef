// The outcome of reconciling comparable claims: what was adopted, what was set aside, and the rule that decided.
import type { Authority } from '../corpus/corpus-types.js';
import type { Statement } from './statement-types.js';

/** The ordered rules; the README documents each with an example. */
export const resolutionRules = ['applicability', 'scope', 'internal_consistency', 'authority', 'time', 'consensus', 'unresolved'] as const;
export type ResolutionRule = (typeof resolutionRules)[number];

export type RejectionReason =
  | 'other_scope'
  | 'condition_not_met'
  | 'superseded'
  | 'less_specific'
  | 'inconsistent_source'
  | 'less_authoritative'
  | 'outdated'
  | 'undated'
  | 'minority'
  | 'unresolved';

/** One statement's value on the question, with what the rules weigh it by. */
export interface Candidate {
  statement: Statement;
  /** Claims with the same key agree ("yes", "15|工作日"). */
  valueKey: string;
  authority: Authority;
  /** The date the time rule uses: the document's effective date, else its publication date. */
  date: string | null;
  /** An explicit as-of date of a figure ("截至2025年3月" → 2025-03). */
  asOf: string | null;
  /** Documents that copy each other share a family and count once. */
  family: string;
  /** A figure that changes over time (counts, coverage) rather than a rule. */
  figure: boolean;
  verdict: 'applies' | 'narrower' | 'other_scope' | 'condition_not_met' | 'superseded';
  specificity: number;
  /** For a superseded document: the document that supersedes it. */
  supersededBy?: string;
}

export interface Side {
  valueKey: string;
  candidates: Candidate[];
}

export interface RejectedCandidate {
  candidate: Candidate;
  reason: RejectionReason;
}

export interface Resolution {
  /** The adopted side, or null when nothing applies or the rules cannot decide. */
  adopted: Side | null;
  rejected: RejectedCandidate[];
  /** The rule that decided between different values, or null when the applicable statements agree. */
  rule: ResolutionRule | null;
  /** Every side, when unresolved. */
  sides: Side[];
  /** Statements limited to a situation the user did not mention (shown as exceptions). */
  exceptions: Candidate[];
  /** Each rule tried, in order, and what it found. */
  trace: string[];
}
