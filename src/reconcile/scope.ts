// The scope of a claim or of a user's situation, and how to read it from text.
import type { ScopeRules } from '../rules/rule-schema.js';
import { findPlaces, type Place } from '../retrieval/region-gazetteer.js';

/** Scope values by dimension name (transfer, insurance, population…); `region` holds provinces. */
export interface Scope {
  values: Record<string, string>;
  /** Provinces the scope is about (a claim: the province it is limited to; a user: every province named). */
  regions: string[];
}

export const emptyScope: Scope = { values: {}, regions: [] };

function isEnumerated(text: string, place: Place, separators: string): boolean {
  const before = text[place.offset - 1] ?? '';
  const after = text[place.offset + place.name.length] ?? '';
  return (before !== '' && separators.includes(before)) || (after !== '' && separators.includes(after)) || /^等\d/.test(text.slice(place.offset + place.name.length));
}

/** Dimension values named in normalized `text` (first matching value of each dimension). */
function qualifiers(text: string, rules: ScopeRules, normalizeTerm: (term: string) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [dimension, definition] of Object.entries(rules.dimensions)) {
    let best: { value: string; position: number; length: number } | null = null;
    for (const [value, terms] of Object.entries(definition.values)) {
      for (const term of terms) {
        const position = text.indexOf(normalizeTerm(term));
        if (position >= 0 && (!best || term.length > best.length)) best = { value, position, length: term.length };
      }
    }
    if (best) values[dimension] = best.value;
  }
  return values;
}

/** Scope a claim sentence is limited to: qualifiers it names and a province it names outside enumerations. */
export function detectClaimScope({ text, rules, normalizeTerm }: { text: string; rules: ScopeRules; normalizeTerm: (term: string) => string }): Scope {
  const places = findPlaces(text).filter((place) => !isEnumerated(text, place, rules.enumerationSeparators));
  const regions = [...new Set(places.map((place) => place.province))];
  return { values: qualifiers(text, rules, normalizeTerm), regions: regions.length === 1 ? regions : [] };
}

/** The user's situation: qualifiers, every province named, and the transfer type implied by two places. */
export function detectUserScope({ text, rules, normalizeTerm }: { text: string; rules: ScopeRules; normalizeTerm: (term: string) => string }): Scope & { places: Place[] } {
  const places = findPlaces(text);
  const values = qualifiers(text, rules, normalizeTerm);
  const named = places.filter((place, index) => places.findIndex((other) => other.name === place.name) === index);
  // "广东广州" names one place: a province is dropped when one of its cities is named too.
  const distinct = named.filter((place) => place.kind === 'city' || !named.some((other) => other.kind === 'city' && other.province === place.province));
  for (const [dimension, definition] of Object.entries(rules.dimensions)) {
    if (!definition.fromPlaces || values[dimension] || distinct.length < 2) continue;
    const [from, to] = distinct;
    values[dimension] = from.province === to.province ? definition.fromPlaces.sameProvince : definition.fromPlaces.differentProvince;
  }
  return { values, regions: [...new Set(places.map((place) => place.province))], places: distinct };
}
