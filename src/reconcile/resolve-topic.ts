// Reconciles the claims on one topic for the user's situation with the ordered rules (pure).
import type { ScopeRules } from '../rules/rule-schema.js';
import type { Claim } from './claim-types.js';
import type { RejectionReason, ResolutionRule, Side, TopicResolution } from './resolution-types.js';
import type { Scope } from './scope.js';
import { applicability, specificity } from './scope-applicability.js';

/** official > media > aggregator = unknown. */
export const authorityRank: Record<Claim['authority'], number> = { official: 3, media: 2, aggregator: 1, unknown: 1 };

interface Decision {
  winner: string;
  reason: RejectionReason | ((side: Side) => RejectionReason);
}

type Rule = (sides: Side[], scopeRules: ScopeRules, user: Scope) => Decision | null;

function groupSides(claims: Claim[]): Side[] {
  const sides = new Map<string, Side>();
  for (const claim of claims) {
    const side = sides.get(claim.valueKey);
    if (side) side.claims.push(claim);
    else sides.set(claim.valueKey, { valueKey: claim.valueKey, value: claim.value, claims: [claim] });
  }
  return [...sides.values()].sort((left, right) => left.valueKey.localeCompare(right.valueKey));
}

/** The one side whose measure is strictly greater than every other side's, or null. */
function uniqueBest(sides: Side[], measure: (side: Side) => number): Side | null {
  const measured = sides.map((side) => ({ side, value: measure(side) })).sort((left, right) => right.value - left.value);
  if (measured.length === 1 || measured[0].value > measured[1].value) return measured[0].side;
  return null;
}

const families = (side: Side) => new Set(side.claims.map((claim) => claim.family));

/** 1. Scope: when the narrowest applicable claims agree, they govern their situation. */
const scopeRule: Rule = (sides, scopeRules, user) => {
  const narrowest = Math.max(...sides.flatMap((side) => side.claims.map((claim) => specificity({ claim, rules: scopeRules, user }))));
  if (narrowest === 0) return null;
  const governing = sides.filter((side) => side.claims.some((claim) => specificity({ claim, rules: scopeRules, user }) === narrowest));
  return governing.length === 1 ? { winner: governing[0].valueKey, reason: 'other_scope' } : null;
};

/** 2. Authority: official beats media beats aggregator/unknown. */
const authorityRule: Rule = (sides) => {
  const best = uniqueBest(sides, (side) => Math.max(...side.claims.map((claim) => authorityRank[claim.authority])));
  return best ? { winner: best.valueKey, reason: 'less_authoritative' } : null;
};

function dateKey(claim: Claim, figure: boolean): string {
  // For figures an explicit as-of date outranks any publication date; undated sorts lowest.
  if (figure && claim.asOf) return `2|${claim.asOf}`;
  return claim.sourceDate ? `1|${claim.sourceDate}` : '0|';
}

/** 3. Time: the newest dated statement wins; an undated one never beats a dated one. */
function timeRule(figure: boolean): Rule {
  return (sides) => {
    const latest = new Map(sides.map((side) => [side.valueKey, side.claims.map((claim) => dateKey(claim, figure)).sort().at(-1) ?? '0|']));
    const ordered = [...latest.entries()].sort((left, right) => right[1].localeCompare(left[1]));
    if (ordered[0][1] === '0|' || (ordered.length > 1 && ordered[0][1] === ordered[1][1])) return null;
    return { winner: ordered[0][0], reason: (side) => (latest.get(side.valueKey) === '0|' ? 'undated' : 'outdated') };
  };
}

/** Families that back only one side: a source stating several values on the topic does not count. */
function consistentFamilies(sides: Side[]): (side: Side) => number {
  const counts = new Map<string, number>();
  for (const side of sides) for (const family of families(side)) counts.set(family, (counts.get(family) ?? 0) + 1);
  return (side) => [...families(side)].filter((family) => counts.get(family) === 1).length;
}

/** 4. Internal consistency: when only one side keeps support once self-contradicting sources are set aside. */
const consistencyRule: Rule = (sides) => {
  const consistent = consistentFamilies(sides);
  const supported = sides.filter((side) => consistent(side) > 0);
  const discounted = sides.some((side) => consistent(side) < families(side).size);
  return discounted && supported.length === 1 ? { winner: supported[0].valueKey, reason: 'inconsistent_source' } : null;
};

/** 5. Consensus: more independent, consistent sources (families of copies count once). */
const consensusRule: Rule = (sides) => {
  const best = uniqueBest(sides, consistentFamilies(sides));
  return best && consistentFamilies(sides)(best) > 0 ? { winner: best.valueKey, reason: 'minority' } : null;
};

/** Keeps, for lenient qualifiers the user did not state, the value most sources discuss; the others become variants. */
function splitVariants(claims: Claim[], user: Scope, scopeRules: ScopeRules): { kept: Claim[]; variants: Claim[] } {
  let kept = claims;
  const variants: Claim[] = [];
  for (const [dimension, definition] of Object.entries(scopeRules.dimensions)) {
    if (definition.strict || user.values[dimension] !== undefined) continue;
    const byValue = new Map<string, Set<string>>();
    for (const claim of kept) {
      const value = claim.scope.values[dimension];
      if (value !== undefined) byValue.set(value, (byValue.get(value) ?? new Set()).add(claim.family));
    }
    if (byValue.size < 2) continue;
    const [main] = [...byValue.entries()].sort((left, right) => right[1].size - left[1].size || left[0].localeCompare(right[0]));
    variants.push(...kept.filter((claim) => claim.scope.values[dimension] !== undefined && claim.scope.values[dimension] !== main[0]));
    kept = kept.filter((claim) => claim.scope.values[dimension] === undefined || claim.scope.values[dimension] === main[0]);
  }
  return { kept, variants };
}

/** Reconciles every claim on a topic for the user's scope; list topics merge instead of conflicting. */
export function resolveTopic({ topicId, kind, stability, claims, user, scopeRules }: {
  topicId: string;
  kind: string;
  stability: 'regulation' | 'figure';
  claims: Claim[];
  user: Scope;
  scopeRules: ScopeRules;
}): TopicResolution {
  const applicable: Claim[] = [];
  const narrower: Claim[] = [];
  for (const claim of claims) {
    const verdict = applicability({ claim, user, rules: scopeRules });
    if (verdict === 'applies') applicable.push(claim);
    else if (verdict === 'narrower') narrower.push(claim);
  }
  const { kept, variants } = splitVariants(applicable, user, scopeRules);
  const empty: TopicResolution = { topicId, adopted: null, rejected: [], rule: null, sides: [], narrower, variants };
  if (kept.length === 0) return empty;
  if (kind === 'list') {
    const items = [...new Set(kept.flatMap((claim) => claim.value as string[]))].sort();
    return { ...empty, adopted: { valueKey: items.join('|'), value: items, claims: kept } };
  }
  const sides = groupSides(kept);
  if (sides.length === 1) return { ...empty, adopted: sides[0] };

  const rules: Array<[ResolutionRule, Rule]> = [
    ['scope', scopeRule],
    ['authority', authorityRule],
    ['time', timeRule(stability === 'figure')],
    ['internal_consistency', consistencyRule],
    ['consensus', consensusRule],
  ];
  let candidates = sides;
  for (const [name, rule] of rules) {
    const decision = rule(candidates, scopeRules, user);
    if (decision) {
      const winner = sides.find((side) => side.valueKey === decision.winner)!;
      const rejected = sides
        .filter((side) => side !== winner)
        .map((side) => ({
          ...side,
          reason: !candidates.some((candidate) => candidate.valueKey === side.valueKey)
            ? ('less_authoritative' as const)
            : typeof decision.reason === 'function'
              ? decision.reason(side)
              : decision.reason,
        }));
      return { ...empty, adopted: winner, rejected, rule: name };
    }
    if (name === 'authority') {
      // Past the authority rule, only the most authoritative statements are weighed.
      const top = Math.max(...candidates.flatMap((side) => side.claims.map((claim) => authorityRank[claim.authority])));
      candidates = candidates
        .map((side) => ({ ...side, claims: side.claims.filter((claim) => authorityRank[claim.authority] === top) }))
        .filter((side) => side.claims.length > 0);
    }
  }
  return { ...empty, rule: 'unresolved', sides };
}
