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

/**
 * How narrow a claim's scope is: the strict qualifiers and region it names, plus the lenient qualifiers it shares
 * with the user's situation (a claim about 跨省 transfers is narrower than a general one for a 跨省 question).
 */
export function specificity({ claim, rules, user }: { claim: Claim; rules: ScopeRules; user?: Scope }): number {
  const named = Object.entries(claim.scope.values).filter(([dimension, value]) => rules.dimensions[dimension]?.strict || user?.values[dimension] === value).length;
  return named + (claim.scope.regions.length > 0 ? 1 : 0);
}
