// Which claims apply to the user's situation, and how specific each one is (pure).
import type { ScopeRules } from '../rules/rule-schema.js';
import type { Claim } from './claim-types.js';
import type { Scope } from './scope.js';

export type Applicability = 'applies' | 'other-scope' | 'narrower';

/**
 * `applies`: every qualifier of the claim matches the user (lenient dimensions also apply when the user did not say);
 * `other-scope`: the claim is about a situation the user said is not theirs;
 * `narrower`: the claim is limited (strict dimension or region) to a situation the user did not mention.
 */
export function applicability({ claim, user, rules }: { claim: Claim; user: Scope; rules: ScopeRules }): Applicability {
  let narrower = false;
  for (const [dimension, value] of Object.entries(claim.scope.values)) {
    const definition = rules.dimensions[dimension];
    const userValue = user.values[dimension];
    if (userValue === undefined) {
      if (definition?.strict) narrower = true;
      continue;
    }
    if (userValue !== value) return 'other-scope';
  }
  if (claim.scope.regions.length > 0) {
    if (user.regions.length === 0) narrower = true;
    else if (!claim.scope.regions.some((region) => user.regions.includes(region))) return 'other-scope';
  }
  return narrower ? 'narrower' : 'applies';
}

/** How many strict qualifiers (and regions) a claim names: the more, the narrower its scope. */
export function specificity({ claim, rules }: { claim: Claim; rules: ScopeRules }): number {
  const strict = Object.keys(claim.scope.values).filter((dimension) => rules.dimensions[dimension]?.strict).length;
  return strict + (claim.scope.regions.length > 0 ? 1 : 0);
}
