// Whether a statement applies to the user's situation, and how specifically it addresses it (pure).
import { isDuration, type Quantity } from './find-quantities.js';
import type { CompiledScope, Scope } from './scope.js';
import type { StatementCondition } from './statement-types.js';

export type Applicability = 'applies' | 'narrower' | 'other_scope' | 'condition_not_met' | 'superseded';

/** Whether a verdict sets a statement aside for the user: another scope, an unmet condition, a replaced document. */
export function isSetAside(verdict: Applicability): boolean {
  return verdict === 'other_scope' || verdict === 'condition_not_met' || verdict === 'superseded';
}

export interface UserSituation {
  scope: Scope & { foreign: boolean };
  /** Canonical content words of what the user said. */
  words: string[];
  quantities: Quantity[];
}

export interface ApplicabilityVerdict {
  verdict: Applicability;
  /** For an unmet condition: the user's own situation misses it (a duration they state, or something they say did not happen). */
  missesCondition?: boolean;
  /** How narrowly the statement addresses the user's situation (higher governs). */
  specificity: number;
  /** What the statement is limited to, for display ("广东", "跨省", "退休人员"). */
  qualifiers: string[];
}

const regionWeight = 2;

function compatibleRelation(claim: Scope['relation'], user: Scope['relation']): boolean {
  if (claim === null || user === null || claim === user) return true;
  const crossCity = ['same-province', 'cross-province'];
  return (claim === 'cross-city' && crossCity.includes(user)) || (user === 'cross-city' && crossCity.includes(claim));
}

function related(dimension: string, left: string, right: string, scope: CompiledScope): boolean {
  const parents = scope.parents.get(dimension);
  return left === right || parents?.get(left) === right || parents?.get(right) === left;
}

/** Scope verdict: a statement about another place, relation, type or change does not apply. */
function scopeVerdict({ statement, user, scope }: { statement: Scope; user: UserSituation['scope']; scope: CompiledScope }): ApplicabilityVerdict {
  let specificity = 0;
  let narrower = false;
  const qualifiers: string[] = [];
  if (user.foreign) return { verdict: 'other_scope', specificity: 0, qualifiers };
  if (statement.regions.length > 0) {
    qualifiers.push(...statement.regions);
    if (user.regions.length === 0) narrower = true;
    else if (!statement.regions.some((region) => user.regions.includes(region))) return { verdict: 'other_scope', specificity: 0, qualifiers };
    else specificity += regionWeight;
  }
  if (statement.excludedRegions.length > 0) {
    if (user.regions.length === 0) narrower = true;
    else if (user.regions.every((region) => statement.excludedRegions.includes(region))) return { verdict: 'other_scope', specificity: 0, qualifiers };
    else specificity += regionWeight;
  }
  if (statement.relation) {
    if (!compatibleRelation(statement.relation, user.relation)) return { verdict: 'other_scope', specificity: 0, qualifiers };
    if (user.relation === statement.relation) specificity += 1;
  }
  for (const [end, userEnd] of [[statement.origin, user.origin], [statement.destination, user.destination]] as const) {
    if (!end || !userEnd) continue;
    const matches = end === '*' ? true : end === userEnd;
    if (!matches) return { verdict: 'other_scope', specificity: 0, qualifiers };
    specificity += 1;
  }
  if (statement.origin === '*' && user.origin && statement.destination && user.origin === statement.destination) return { verdict: 'other_scope', specificity: 0, qualifiers };
  if (statement.destination === '*' && user.destination && statement.origin && user.destination === statement.origin) return { verdict: 'other_scope', specificity: 0, qualifiers };
  for (const dimension of scope.dimensions) {
    const claimed = statement.values[dimension.name] ?? [];
    const stated = user.values[dimension.name] ?? [];
    if (claimed.length === 0) continue;
    if (stated.length === 0) {
      if (dimension.strict) {
        narrower = true;
        qualifiers.push(...claimed);
      }
      continue;
    }
    if (!stated.some((value) => claimed.some((other) => related(dimension.name, value, other, scope)))) return { verdict: 'other_scope', specificity: 0, qualifiers };
    // Naming the corpus-wide value (the parent of others, "医保") is not specific; nor is a statement that also names
    // values the user did not (a comparison or a change between types is not about the user's one type).
    const parents = new Set(scope.parents.get(dimension.name)?.values() ?? []);
    const own = claimed.filter((value) => !parents.has(value));
    const aboutStated = own.every((value) => stated.some((other) => !parents.has(other) && related(dimension.name, value, other, scope)));
    if (aboutStated && stated.some((value) => own.includes(value))) specificity += 1;
  }
  for (const [dimension, change] of Object.entries(statement.changes)) {
    const userChange = user.changes[dimension];
    if (!userChange) {
      narrower = true;
      qualifiers.push(`${change.from ? `${change.from}→` : '→'}${change.to}`);
      continue;
    }
    if (!related(dimension, userChange.to, change.to, scope) || (change.from && userChange.from && !related(dimension, userChange.from, change.from, scope))) {
      return { verdict: 'other_scope', specificity: 0, qualifiers };
    }
    specificity += 1;
  }
  return { verdict: narrower ? 'narrower' : 'applies', specificity, qualifiers };
}

function quantityFits(condition: Quantity, user: Quantity): boolean {
  const size = condition.base / condition.value;
  const lower = condition.base;
  const upper = condition.upper !== null ? condition.upper * size : lower;
  switch (condition.comparator) {
    case 'atMost':
      return user.base <= upper;
    case 'atLeast':
      return user.base > lower || (user.base === lower && user.comparator === 'atLeast');
    case 'range':
      return user.base >= lower && user.base <= upper;
    default:
      return Math.abs(user.base - lower) <= lower * 0.2;
  }
}

/**
 * Whether the user's situation meets a statement's condition: every duration it sets is met by one the user states,
 * at least half of its verbs (the events it requires) and half of its other words are among what the user said.
 * Words of the statement's consequence and of the question's asking clause are set aside: they cannot tell.
 */
export function conditionMet({ condition, said, denies = () => false, ignore, asked = () => false, quantities }: {
  condition: StatementCondition;
  /** Whether the user said a word (or one of its synonyms), or one that lies within the condition text; `negated`: said it is not so. */
  said: (word: string, negated: boolean) => boolean;
  /** Whether the user says an event of the condition did not happen ("一直没去派出所登记过" against "办理居住登记满半年"). */
  denies?: (word: string) => boolean;
  /** Words that cannot tell whether the condition holds. */
  ignore: (word: string) => boolean;
  /** Words the question itself asks about: they may meet a condition but do not make a statement more specific. */
  asked?: (word: string) => boolean;
  /** The durations the user states. */
  quantities: Quantity[];
}): { met: boolean; matched: number; durationUnstated?: boolean; failed?: boolean } {
  let matched = 0;
  // A duration the user does not state leaves the condition open, not failed ("断缴3个月内…" for "补缴后哪天能报销");
  // one the user states that misses it fails the condition ("来了两个月" for "满半年").
  let durationUnstated = false;
  let failed = false;
  let measured = false;
  const stated = quantities.filter(isDuration);
  for (const quantity of condition.quantities) {
    if (!isDuration(quantity)) {
      // Another measure the user states (an age: "我17岁" against "未满16周岁的") must fit it too; one they do not
      // state leaves the condition to its words.
      const same = quantities.filter((candidate) => candidate.dimension === quantity.dimension);
      if (same.length === 0) continue;
      if (!same.some((candidate) => quantityFits(quantity, candidate))) failed = true;
      else {
        matched += 2;
        measured = true;
      }
      continue;
    }
    if (stated.length === 0) durationUnstated = true;
    else if (!stated.some((candidate) => quantityFits(quantity, candidate))) failed = true;
    else matched += 2;
  }
  // Groups of words (one per run joined by 或/、): a group is said when any of its words is.
  const groups = new Map<number, { verb: boolean; said: boolean; denied: boolean; ignored: boolean; situational: boolean }>();
  for (const { word, verb, group, negated, scoped } of condition.words) {
    const entry = groups.get(group) ?? { verb: false, said: false, denied: false, ignored: true, situational: false };
    // Only an event is denied: the things after a negated verb are its objects ("没有接入医保平台" denies no 平台).
    const wasDenied = verb && !negated && denies(word);
    // A group the statement's scope judges ("离休、退休的") is met as far as words go: the scope verdict decides.
    const wasSaid = !wasDenied && (scoped === true || said(word, negated));
    entry.denied ||= wasDenied;
    entry.verb ||= verb;
    entry.said ||= wasSaid;
    entry.situational ||= wasSaid && !asked(word);
    // A thing the user did not name but that the statement's consequence or the question itself names cannot tell;
    // an event the condition requires always counts.
    entry.ignored &&= !wasSaid && !verb && ignore(word);
    groups.set(group, entry);
  }
  const counted = [...groups.values()].filter((entry) => !entry.ignored);
  const verbs = counted.filter((entry) => entry.verb);
  const nouns = counted.filter((entry) => !entry.verb);
  const saidVerbs = verbs.filter((entry) => entry.said).length;
  const saidNouns = nouns.filter((entry) => entry.said).length;
  matched += counted.filter((entry) => entry.situational).length;
  // Every event the condition names must have been said; when it names none, at least half of the things it names.
  // The things an event involves may stay implicit when the event was said ("在本市各馆之间迁移时" after "随证迁移").
  const verbsMet = saidVerbs === verbs.length;
  // A measure the user fits stands for the things it describes ("我儿子14岁" for "未满16周岁的未成年人").
  const nounsMet = verbs.length > 0 || nouns.length === 0 || measured || saidNouns / nouns.length >= 0.5;
  const anything = matched > 0 || saidVerbs + saidNouns > 0 || counted.length === 0;
  const wordsMet = verbsMet && nounsMet && anything;
  // One missed duration fails the whole condition, whatever else it asks ("满半年,并符合…之一的"); so does a group
  // the user says is not so, none of its words said ("没登记过" against "办理居住登记满半年").
  if (failed || [...groups.values()].some((entry) => entry.denied && !entry.said)) return { met: false, matched: 0, failed: true };
  if (durationUnstated) return { met: false, matched, durationUnstated: wordsMet };
  return { met: wordsMet, matched };
}

/** Applicability of a statement: its scope, then its condition, against the user's situation. */
export function applicabilityOf({ statement, user, scope }: {
  statement: { scope: Scope };
  user: UserSituation;
  scope: CompiledScope;
}): ApplicabilityVerdict {
  return scopeVerdict({ statement: statement.scope, user: user.scope, scope });
}
