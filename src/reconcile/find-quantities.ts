// Quantities in normalized text: numbers with units, comparators, ranges, and change statements (pure).
import type { Language, UnitSpelling } from '../rules/compile-language.js';
import { escapePattern } from '../text/escape-pattern.js';
import { rememberPerKey } from '../text/remember-per-key.js';
import { numberPattern, parseNumber } from './parse-number.js';

export type Comparator = 'exact' | 'atMost' | 'atLeast' | 'approximately' | 'range';

export interface Quantity {
  value: number;
  /** The upper end of a range ("3-6个月"). */
  upper: number | null;
  unit: string;
  dimension: string;
  /** The value in the dimension's base unit (days for durations). */
  base: number;
  comparator: Comparator;
  /** Where the quantity (with its comparators) starts and ends in the text. */
  start: number;
  end: number;
  /** For the target of a change statement ("由15…压缩至7…"): the former value. */
  former: number | null;
  /** Whether this is the former value of a change statement (not a current claim). */
  superseded: boolean;
}

const durationDimensions = new Set(['days', 'workdays']);

/** Whether a quantity is a length of time (calendar or working days). */
export function isDuration(quantity: Pick<Quantity, 'dimension'>): boolean {
  return durationDimensions.has(quantity.dimension);
}

/** Whether two quantities measure the same thing: one dimension, or both lengths of time. */
export function sameKind(left: Pick<Quantity, 'dimension'>, right: Pick<Quantity, 'dimension'>): boolean {
  return left.dimension === right.dimension || (isDuration(left) && isDuration(right));
}

/**
 * Whether two quantities state the same amount of the same kind: durations within a fiftieth of each other count as
 * one ("半年" and "6个月", 182.5 and 180 days; "1个月" and "30天").
 */
export function sameAmount(left: Pick<Quantity, 'dimension' | 'base'>, right: Pick<Quantity, 'dimension' | 'base'>): boolean {
  if (!sameKind(left, right)) return false;
  if (left.base === right.base) return true;
  return isDuration(left) && Math.abs(left.base - right.base) <= durationTolerance * Math.max(left.base, right.base);
}
const durationTolerance = 0.02;

/** Whether a stated amount is past a limit's amount ("断了五个月" past "3个月内", or past the top of a range). */
export function exceedsLimit(stated: Pick<Quantity, 'base'>, limit: Pick<Quantity, 'value' | 'upper' | 'base'>): boolean {
  return stated.base > (limit.upper ?? limit.value) * (limit.base / limit.value);
}

/** The quantity pattern of a language, built once per compiled language. */
const patternOf = rememberPerKey((language: Language): RegExp => {
  const units = language.units.map((unit) => escapePattern(unit.spelling)).join('|');
  const joiners = language.rangeJoiners.map(escapePattern).join('|');
  // number [个半] [joiner number] unit  — "3-6个月", "一个半月", "20万-30万元", "60%-70%"
  return new RegExp(`(${numberPattern}|半)(个半)?(?:(${units})(?=${joiners}))?(?:(${joiners})(${numberPattern}))?(${units})`, 'g');
});

function unitOf(language: Language, spelling: string): UnitSpelling | undefined {
  return language.units.find((unit) => unit.spelling === spelling);
}

function endsWithAny(text: string, words: string[]): string | undefined {
  return words.find((word) => text.endsWith(word));
}

function startsWithAny(text: string, words: string[]): string | undefined {
  return words.find((word) => text.startsWith(word));
}

/** A number that is part of a date ("2025年", "5月1日", "3月") or an ordinal ("第二年") is not a quantity. */
function isDatePart(text: string, start: number, number: string, unit: UnitSpelling): boolean {
  const before = text.slice(Math.max(0, start - 1), start);
  if (before === '第') return true;
  if (unit.unit === '年' && /^\d{3,4}$/.test(number)) return true;
  if (unit.spelling === '月') return number !== '半';
  if ((unit.unit === '日' && unit.spelling !== '天') && /月$/.test(text.slice(0, start))) return true;
  if (unit.spelling === '号') return true;
  return false;
}

/** Every quantity in `text` (normalized), left to right, with its comparator and any change statement resolved. */
export function findQuantities({ text, language }: { text: string; language: Language }): Quantity[] {
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(patternOf(language))) {
    const [whole, first, half, firstUnitSpelling, joiner, second, unitSpelling] = match;
    let start = match.index;
    let end = start + whole.length;
    const unit = unitOf(language, unitSpelling);
    if (!unit) continue;
    const value = first === '半' ? 0.5 : parseNumber(first);
    if (value === null) continue;
    if ((!half && isDatePart(text, start, first, unit)) || text[end] === '之' || text[end] === '性' || value === 0) continue;
    // "20万-30万元": the first unit, when given, must be the same as the second.
    if (firstUnitSpelling && unitOf(language, firstUnitSpelling)?.unit !== unit.unit) continue;
    // "一年半": a half after the unit adds half of it.
    const trailingHalf = !half && second === undefined && text[end] === '半' && text[end + 1] !== '载';
    if (trailingHalf) end += 1;
    const amount = value + (half || trailingHalf ? 0.5 : 0);
    const upper = second !== undefined ? parseNumber(second) : null;
    if (joiner && upper === null) continue;
    let comparator: Comparator = upper !== null ? 'range' : unit.spelling.includes('多') ? 'atLeast' : 'exact';
    const before = text.slice(Math.max(0, start - 4), start);
    const afterText = text.slice(end).replace(/^\((含|不含)\)/, '');
    const after = afterText.slice(0, 3);
    if (comparator === 'exact') {
      const leading = (words: string[]) => words.filter((word) => !language.trailingComparators.includes(word));
      const prefix = endsWithAny(before, leading(language.atMost)) ?? endsWithAny(before, leading(language.atLeast)) ?? endsWithAny(before, leading(language.approximately));
      const suffix = startsWithAny(after, language.atMost) ?? startsWithAny(after, language.atLeast) ?? startsWithAny(after, language.approximately);
      if (prefix) {
        comparator = language.atMost.includes(prefix) ? 'atMost' : language.atLeast.includes(prefix) ? 'atLeast' : 'approximately';
        start -= prefix.length;
      } else if (suffix) {
        comparator = language.atMost.includes(suffix) ? 'atMost' : language.atLeast.includes(suffix) ? 'atLeast' : 'approximately';
        end += text.slice(end).length - afterText.length + suffix.length;
      }
    }
    quantities.push({ value: amount, upper, unit: unit.unit, dimension: unit.dimension, base: amount * unit.size, comparator, start, end, former: null, superseded: false });
  }
  quantities.push(...fractions(text, language));
  quantities.sort((left, right) => left.start - right.start);
  markChanges(text, quantities, language);
  return quantities;
}

/** The pattern of a language's fractions ("千分之五"), if it has any. */
const fractionPatternOf = rememberPerKey((language: Language): RegExp | null => {
  const prefixes = language.fractions.map((entry) => escapePattern(entry.prefix)).join('|');
  return prefixes ? new RegExp(`(${prefixes})(${numberPattern})`, 'g') : null;
});

/** Shares written as fractions ("千分之五", "万分之0.5"), as percentages. */
function fractions(text: string, language: Language): Quantity[] {
  const pattern = fractionPatternOf(language);
  const percent = language.units.find((unit) => unit.dimension === 'percent');
  if (!pattern || !percent) return [];
  const found: Quantity[] = [];
  for (const match of text.matchAll(pattern)) {
    const per = language.fractions.find((entry) => entry.prefix === match[1])?.per;
    const count = parseNumber(match[2]);
    if (!per || count === null || count === 0) continue;
    const value = (count * 100) / per;
    found.push({ value, upper: null, unit: percent.unit, dimension: percent.dimension, base: value * percent.size, comparator: 'exact', start: match.index, end: match.index + match[0].length, former: null, superseded: false });
  }
  return found;
}

/** The quantities from `position` on that an enumeration joins ("75%、65%、55%"). */
function enumerated(text: string, quantities: Quantity[], position: number): Quantity[] {
  const run = [quantities[position]];
  for (let next = position + 1; next < quantities.length && text.slice(run.at(-1)!.end, quantities[next].start) === '、'; next++) run.push(quantities[next]);
  return run;
}

/**
 * In "由X…<verb><target>Y", Y is the current value and X the former one; "分别由A、B提高至C、D" changes A to C and B to
 * D.
 */
function markChanges(text: string, quantities: Quantity[], language: Language): void {
  for (let position = 0; position + 1 < quantities.length; position++) {
    const opener = text.slice(Math.max(0, quantities[position].start - 2), quantities[position].start);
    if (!language.changeFrom.some((word) => opener.endsWith(word))) continue;
    const formers = enumerated(text, quantities, position);
    const first = position + formers.length;
    if (first >= quantities.length) continue;
    const between = text.slice(formers.at(-1)!.end, quantities[first].start);
    const changes = between.length <= 8 && language.changeVerbs.some((verb) => between.includes(verb)) && language.changeTargets.some((target) => between.endsWith(target));
    const currents = enumerated(text, quantities, first);
    if (!changes || currents.length !== formers.length) continue;
    formers.forEach((from, offset) => {
      const to = currents[offset];
      if (from.dimension !== to.dimension) return;
      from.superseded = true;
      to.former = from.value;
    });
  }
}
