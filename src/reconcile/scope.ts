// The scope of a statement or of a user's situation: places and how they relate, who, which type, and changes.
import type { PlaceRelation, ScopeRules } from '../rules/rule-schema.js';
import type { Normalize } from '../text/normalize-text.js';
import { findPlaces, type Place } from '../vocabulary/region-gazetteer.js';

export interface Scope {
  /** Provinces a statement is limited to (a user: every province named). */
  regions: string[];
  /** Provinces a statement excludes ("其他地区" beside "广东省方案"). */
  excludedRegions: string[];
  relation: PlaceRelation | null;
  /** Province of the origin / destination of a move ("*" = a province other than the one named). */
  origin: string | null;
  destination: string | null;
  /** Dimension → the values named (insurance types, populations…). */
  values: Record<string, string[]>;
  /** Dimension → a change from one value to another ("职工医保转为居民医保"). */
  changes: Record<string, { from: string | null; to: string }>;
}

export const emptyScope: Scope = { regions: [], excludedRegions: [], relation: null, origin: null, destination: null, values: {}, changes: {} };

/** Scope vocabulary with every word normalized once. */
export interface CompiledScope {
  relations: Array<{ relation: PlaceRelation; word: string }>;
  complements: string[];
  otherProvince: string[];
  homeProvince: string[];
  localChanges: string[];
  changeVerbs: string[];
  dimensions: Array<{ name: string; label: string; strict: boolean; terms: Array<{ value: string; term: string }> }>;
  /** dimension → value → parent value. */
  parents: Map<string, Map<string, string>>;
  separators: string;
  movementVerbs: string[];
  foreignPlaces: string[];
  /** The language's negations: a value right after one is said not to hold. */
  negation: string[];
}

const longestFirst = <T extends { term?: string; word?: string }>(left: T, right: T) =>
  (right.term ?? right.word ?? '').length - (left.term ?? left.word ?? '').length;

/** Normalizes the scope vocabulary once. */
export function compileScope({ rules, normalize, movementVerbs, foreignPlaces, negation }: { rules: ScopeRules; normalize: Normalize; movementVerbs: string[]; foreignPlaces: string[]; negation: string[] }): CompiledScope {
  const parents = new Map<string, Map<string, string>>();
  const dimensions = Object.entries(rules.dimensions).map(([name, definition]) => {
    const byValue = new Map<string, string>();
    for (const [value, entry] of Object.entries(definition.values)) if (entry.parent) byValue.set(value, entry.parent);
    parents.set(name, byValue);
    return {
      name,
      label: definition.label,
      strict: definition.strict,
      terms: Object.entries(definition.values)
        .flatMap(([value, entry]) => [value, ...entry.terms].map((term) => ({ value, term: normalize(term) })))
        .sort(longestFirst),
    };
  });
  return {
    relations: Object.entries(rules.relations)
      .flatMap(([relation, words]) => (words ?? []).map((word) => ({ relation: relation as PlaceRelation, word: normalize(word) })))
      .sort(longestFirst),
    complements: rules.complements.map(normalize),
    otherProvince: rules.otherProvince.map(normalize),
    homeProvince: rules.homeProvince.map(normalize),
    localChanges: rules.localChanges.map(normalize),
    changeVerbs: rules.changeVerbs.map(normalize).sort((left, right) => right.length - left.length),
    dimensions,
    parents,
    separators: rules.enumerationSeparators,
    movementVerbs,
    foreignPlaces,
    negation,
  };
}

/** Spans of `entries`' terms in `text`, leftmost-longest: at each position the longest term that starts there. */
function findWords<T extends { term: string }>(text: string, entries: T[]): Array<T & { offset: number }> {
  const found: Array<T & { offset: number }> = [];
  for (let offset = 0; offset < text.length; ) {
    let match: T | undefined;
    for (const entry of entries) if (entry.term.length > (match?.term.length ?? 0) && text.startsWith(entry.term, offset)) match = entry;
    if (match) {
      found.push({ ...match, offset });
      offset += match.term.length;
    } else offset += 1;
  }
  return found;
}

function isEnumerated(text: string, place: Place, separators: string): boolean {
  const before = text[place.offset - 1] ?? '';
  const after = text[place.offset + place.name.length] ?? '';
  return (before !== '' && separators.includes(before)) || (after !== '' && separators.includes(after)) || /^等\d/.test(text.slice(place.offset + place.name.length));
}

/** Places in `text` with their role in a move: origin ("从广州"), destination ("调到深圳"), or just named. */
function placeRoles(text: string, scope: CompiledScope, places: Place[]): Array<Place & { role: 'origin' | 'destination' | 'named'; negated: boolean }> {
  return places.map((place) => {
    const before = text.slice(Math.max(0, place.offset - 4), place.offset);
    const verb = scope.movementVerbs.find((word) => before.endsWith(word));
    const negated = verb !== undefined && /[不没未]$/.test(before.slice(0, before.length - verb.length));
    if (/[从由]$/.test(before)) return { ...place, role: 'origin', negated: false };
    if (verb && verb.length > 1) return { ...place, role: 'destination', negated };
    if (verb && !/在$/.test(before)) return { ...place, role: 'destination', negated };
    return { ...place, role: 'named', negated: false };
  });
}

/** Whether `narrower` is a kind of `wider`: a move within a province and one across provinces are moves between cities. */
function refines(narrower: PlaceRelation, wider: PlaceRelation): boolean {
  return wider === 'cross-city' && (narrower === 'same-province' || narrower === 'cross-province');
}

function relationOf(from: Place, to: Place): PlaceRelation {
  if (from.name === to.name) return 'same-city';
  return from.province === to.province ? 'same-province' : 'cross-province';
}

/** Whether a negation stands right before `offset` ("还没|退休"). */
function negatedAt(text: string, offset: number, scope: CompiledScope): boolean {
  return scope.negation.some((cue) => text.slice(0, offset).endsWith(cue));
}

/** The dimension values whose terms `text` says do not hold ("那如果他没退休" → 退休人员). */
export function negatedValues({ text, scope }: { text: string; scope: CompiledScope }): Set<string> {
  const values = new Set<string>();
  for (const dimension of scope.dimensions) for (const entry of findWords(text, dimension.terms)) if (negatedAt(text, entry.offset, scope)) values.add(entry.value);
  return values;
}

/** Values and changes of the scope dimensions named in `text`. */
function dimensionsOf(text: string, scope: CompiledScope): Pick<Scope, 'values' | 'changes'> {
  const values: Record<string, string[]> = {};
  const changes: Record<string, { from: string | null; to: string }> = {};
  for (const dimension of scope.dimensions) {
    // A value said not to hold ("还没退休", "非在职") is not the text's value.
    const found = findWords(text, dimension.terms).filter((entry) => !negatedAt(text, entry.offset, scope));
    if (found.length === 0) continue;
    // Values enumerated together ("职工医保、居民医保") name what the text covers, not a limit.
    const isSeparator = (character: string | undefined) => character !== undefined && character !== '' && scope.separators.includes(character);
    const enumerated = found.length > 1 && found.some((entry) => isSeparator(text[entry.offset + entry.term.length]) || isSeparator(text[entry.offset - 1]));
    if (!enumerated) values[dimension.name] = [...new Set(found.map((entry) => entry.value))];
    for (const entry of found) {
      const before = text.slice(Math.max(0, entry.offset - 5), entry.offset);
      const verb = scope.changeVerbs.find((word) => before.includes(word) && before.length - before.lastIndexOf(word) - word.length <= 2);
      if (!verb) continue;
      // The value changed from: another one named, the more specific when one is the other's parent ("医保").
      const parents = new Set(scope.parents.get(dimension.name)?.values() ?? []);
      const named = found.filter((candidate) => candidate.value !== entry.value);
      const other = named.some((candidate) => !parents.has(candidate.value)) ? named.filter((candidate) => !parents.has(candidate.value)) : named;
      const from = other.filter((candidate) => candidate.offset < entry.offset).at(-1) ?? other[0];
      changes[dimension.name] = { from: from?.value ?? null, to: entry.value };
    }
  }
  return { values, changes };
}

/** The scope a statement is limited to: places outside enumerations, relation words, dimension values and changes. */
export function detectStatementScope({ text: written, scope }: { text: string; scope: CompiledScope }): Scope {
  // A parenthesis lists examples ("参保类型(职工医保、居民医保)"): it does not limit the statement.
  const text = written.replace(/\([^)]*\)/g, '');
  const found = findPlaces(text).filter((place) => !isEnumerated(text, place, scope.separators));
  // A place followed by "outside" ("在浙江省外购房的") limits the statement to everywhere else.
  const outside = (place: Place) => {
    const after = text.slice(place.offset + place.name.length);
    return outsideWords.some((word) => after.startsWith(word)) || (/[省市]$/.test(place.name) && after.startsWith('外'));
  };
  const places = found.filter((place) => !outside(place));
  const excludedRegions = [...new Set(found.filter(outside).map((place) => place.province))];
  const roles = placeRoles(text, scope, places);
  // Naming two different relations ("跨省、省内") limits the statement to neither; a move between cities named with
  // the kind of move it is ("省内跨市") is that kind.
  const named = new Set(findWords(text, scope.relations.map((entry) => ({ term: entry.word, relation: entry.relation }))).map((entry) => entry.relation));
  const relations = new Set([...named].filter((relation) => ![...named].some((other) => other !== relation && refines(other, relation))));
  const relation = relations.size === 1 ? [...relations][0] : null;
  const regions = [...new Set(places.map((place) => place.province))];
  const origin = roles.find((place) => place.role === 'origin')?.province ?? (scope.otherProvince.some((word) => text.includes(`从${word}`)) ? '*' : null);
  const destination = roles.find((place) => place.role === 'destination')?.province ?? (scope.otherProvince.some((word) => scope.movementVerbs.some((verb) => verb.length > 1 && text.includes(`${verb}${word}`))) ? '*' : null);
  return { regions: regions.length === 1 ? regions : [], excludedRegions, relation, origin, destination, ...dimensionsOf(text, scope) };
}

/** Words after a place that mean everywhere but it ("浙江省外", "北京以外"). */
const outsideWords = ['省外', '市外', '以外', '之外'];

/** The user's situation: every province named, the move's ends and their relation, dimension values and changes. */
export function detectUserScope({ text, scope }: { text: string; scope: CompiledScope }): Scope & { foreign: boolean } {
  const places = findPlaces(text);
  const roles = placeRoles(text, scope, places).filter((place) => !place.negated);
  let origin = roles.find((place) => place.role === 'origin') ?? (roles.some((place) => place.role === 'destination') ? roles.find((place) => place.role === 'named') : undefined);
  // Going back to the origin ("从北京跳槽到成都，…请假回北京…办") is a trip, not the move: another destination is.
  const destinations = roles.filter((place) => place.role === 'destination');
  let destination = destinations.filter((place) => place.name !== origin?.name).at(-1) ?? destinations.at(-1);
  // "佛山调东莞工作": two places with a movement verb between them are the move's two ends.
  const [first, last] = [roles[0], roles.at(-1)];
  if (!origin && !destination && first && last && first.name !== last.name) {
    const between = text.slice(first.offset + first.name.length, last.offset);
    if (between.length <= 4 && scope.movementVerbs.some((verb) => between.includes(verb))) [origin, destination] = [first, last];
  }
  let relation = findWords(text, scope.relations.map((entry) => ({ term: entry.word, relation: entry.relation })))[0]?.relation ?? null;
  if (origin && destination) relation = relationOf(origin, destination);
  else if (!relation && !destination && roles.length > 0 && new Set(roles.map((place) => place.name)).size === 1 && scope.localChanges.some((word) => text.includes(word))) relation = 'same-city';
  else if (!relation && destination && !origin) relation = 'cross-city';
  return {
    regions: [...new Set(roles.map((place) => place.province))],
    excludedRegions: [],
    relation,
    origin: origin?.province ?? null,
    destination: destination?.province ?? null,
    ...dimensionsOf(text, scope),
    foreign: scope.foreignPlaces.some((word) => text.includes(word)),
  };
}

/** A statement's scope completed by its context: the label's and section headings' qualifiers where the sentence has none. */
export function mergeScopes(own: Scope, ...contexts: Scope[]): Scope {
  const merged: Scope = { ...own, values: { ...own.values }, changes: { ...own.changes } };
  for (const context of contexts) {
    if (merged.regions.length === 0 && merged.excludedRegions.length === 0) {
      merged.regions = context.regions;
      merged.excludedRegions = context.excludedRegions;
    }
    // A heading naming the kind of move ("省内转移") narrows a sentence's move between cities ("跨市使用").
    if (merged.relation === null || (context.relation !== null && refines(context.relation, merged.relation))) merged.relation = context.relation;
    merged.origin ??= context.origin;
    merged.destination ??= context.destination;
    for (const [dimension, values] of Object.entries(context.values)) merged.values[dimension] ??= values;
    for (const [dimension, change] of Object.entries(context.changes)) merged.changes[dimension] ??= change;
  }
  return merged;
}
