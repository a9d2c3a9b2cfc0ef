// Reads one normalized sentence: its clauses, which are conditions, what is negated, hedges, quantities, lists (pure).
import type { Language } from '../rules/compile-language.js';
import { findAsOf } from './find-as-of.js';
import { findQuantities, type Quantity } from './find-quantities.js';

export interface ClauseAnalysis {
  start: number;
  end: number;
  /** The label of a "标签：内容" line ("断缴3个月内"): the caller decides whether it is a condition. */
  label: boolean;
  /** A condition clause ("若…", "…的", "…时") restricts the clauses after it in the sentence. */
  condition: boolean;
  /** Ranges of the sentence under a negation cue ("不会清零": the range after "不会"). */
  negations: Array<[number, number]>;
  modality: 'possible' | 'necessary' | null;
  hedge: 'default' | 'partial' | null;
}

export interface SentenceAnalysis {
  clauses: ClauseAnalysis[];
  quantities: Quantity[];
  asOf: string | null;
  /** Items of an enumeration ("配偶、父母、子女"), or null. */
  list: string[] | null;
}

const clauseBreak = /[,;:!?。，；：！？]/g;
// A contrast, or a conjunction opening another predicate ("未重新就业且账户封存满6个月"), ends a negation's scope.
const contrast = ['但是', '但', '却', '可是', '而是', '且'];

function findAll(text: string, word: string): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) positions.push(at);
  return positions;
}

/** Negated ranges of one clause: from each negation cue to the clause's end or a contrast word. */
function negationsOf(text: string, start: number, end: number, language: Language): Array<[number, number]> {
  const clause = text.slice(start, end);
  const blocked: Array<[number, number]> = [];
  for (const breaker of language.negationBreakers) for (const at of findAll(clause, breaker)) blocked.push([at, at + breaker.length]);
  const taken: Array<[number, number]> = [...blocked];
  const ranges: Array<[number, number]> = [];
  for (const cue of language.negation) {
    for (const at of findAll(clause, cue)) {
      const stop = at + cue.length;
      if (taken.some(([from, to]) => at < to && stop > from)) continue;
      taken.push([at, stop]);
      if (cue.endsWith('了') && cue.length === 2) {
        // "办不了": the verb before the cue is negated.
        ranges.push([start + Math.max(0, at - 2), start + at]);
        continue;
      }
      let scopeEnd = clause.length;
      for (const word of contrast) {
        const next = clause.indexOf(word, stop);
        if (next >= 0 && next < scopeEnd) scopeEnd = next;
      }
      ranges.push([start + stop, start + scopeEnd]);
    }
  }
  return ranges.sort((left, right) => left[0] - right[0]);
}

function firstOf(text: string, words: string[]): string | undefined {
  return words.find((word) => text.includes(word));
}

const han = /\p{Script=Han}/u;

/** Whether a clause hedges: a hedge word that ends a noun phrase ("个人缴费部分") is a noun, not a hedge. */
function hedged(clause: string, cues: string[]): boolean {
  return cues.some((cue) => {
    for (let at = clause.indexOf(cue); at >= 0; at = clause.indexOf(cue, at + 1)) {
      const before = clause[at - 1] ?? '';
      const after = clause[at + cue.length] ?? '';
      if (!(han.test(before) && !han.test(after))) return true;
    }
    return false;
  });
}

function isCondition(clause: string, language: Language): boolean {
  // "新规实施后" dates the rule; it is not a situation the user must be in.
  if (language.effectiveCues.some((cue) => clause.includes(cue))) return false;
  const opener = language.conditionOpeners.find((word) => clause.startsWith(word));
  // "如下", "如何", "在…" without a closing word are not conditions.
  if (opener && opener !== '在' && opener !== '如' && opener !== '对于') return true;
  if (opener === '如' && !/^如(下|何|此|今|实|同|期|需|有必要)/.test(clause) && clause.length > 3) return true;
  const closer = language.conditionClosers.find((word) => clause.endsWith(word));
  if (!closer) return false;
  // "…的" closes a condition only when it is not a whole statement ("是…的").
  return closer !== '的' || !/^(是|都是)/.test(clause);
}

/**
 * An opening clause that states how far a situation went past a threshold ("断缴超3个月再续保") is a condition of
 * the clauses after it; a clause that requires or allows an amount ("需连续缴纳6个月以上") is not, nor a limit on
 * how long something takes ("总馆受理不超过3个工作日").
 */
function isThreshold(clause: string, language: Language): boolean {
  if (firstOf(clause, language.necessary) || firstOf(clause, language.possible) || firstOf(clause, language.unnecessary)) return false;
  return findQuantities({ text: clause, language }).some((quantity) => quantity.comparator === 'atLeast');
}

// "…后的"/"…前的" closing a time condition, not a word of its own ("目前的", "最后的", "提前的").
const foldedCondition = /^\p{Script=Han}{3,}?(?:以后|之后|以前|之前|期间|(?<![目当提此然随今日事最先空眼])[后前])的/u;

const leadingMarker = /^(?:[•·●▪\-*]\s*|\d+[、.．]\s*|\(\d+\)\s*|[一二三四五六七八九十]+[、.]\s*)+/;

/**
 * Splits a normalized sentence into clauses and reads each one. A leading bullet or number is skipped;
 * `labelLength` characters (a line's "标签:") form a clause of their own marked as the label.
 */
export function analyseSentence({ text, language, labelLength = 0 }: { text: string; language: Language; labelLength?: number }): SentenceAnalysis {
  const bounds: Array<[number, number]> = [];
  let start = leadingMarker.exec(text)?.[0].length ?? 0;
  for (const match of text.matchAll(clauseBreak)) {
    if (match.index < start) continue;
    if (match.index > start) bounds.push([start, match.index]);
    start = match.index + 1;
  }
  if (start < text.length) bounds.push([start, text.length]);
  // A time condition folded into the subject ("待遇享受期已经开始后的缴费不再退回") is a clause of its own.
  const opening = bounds.findIndex(([from, to]) => from >= labelLength || to > labelLength);
  if (opening >= 0) {
    const [from, to] = bounds[opening];
    const folded = foldedCondition.exec(text.slice(from, to));
    if (folded && to - from - folded[0].length >= 2) bounds.splice(opening, 1, [from, from + folded[0].length], [from + folded[0].length, to]);
  }
  const clauses: ClauseAnalysis[] = bounds.map(([from, to]) => {
    const clause = text.slice(from, to);
    const necessary = firstOf(clause, language.necessary);
    const possible = firstOf(clause, language.possible);
    return {
      start: from,
      end: to,
      label: labelLength > 0 && to <= labelLength,
      condition: false,
      negations: negationsOf(text, from, to, language),
      modality: necessary ? 'necessary' : possible ? 'possible' : null,
      hedge: hedged(clause, language.hedgePartial) ? 'partial' : hedged(clause, language.hedgeDefault) ? 'default' : null,
    };
  });
  // A condition clause, and any clauses before it that it continues ("在…满半年,并符合…之一的,可以…").
  for (let position = 0; position < clauses.length - 1; position++) {
    if (clauses[position].label) continue;
    const clause = text.slice(clauses[position].start, clauses[position].end);
    const opening = clauses.slice(0, position).every((earlier) => earlier.label);
    if (!isCondition(clause, language) && !(opening && isThreshold(clause, language))) continue;
    for (let earlier = 0; earlier <= position; earlier++) if (!clauses[earlier].label) clauses[earlier].condition = true;
  }
  // A condition runs on until its consequence word ("如果…,并在…补缴了费用,那么…"): the clauses between continue it.
  // A two-character consequence word ("即可", "方可", "那么") makes what comes before it a condition by itself
  // ("持有…居住证，…满2年，且…，即可申请"); a one-character one ("则", "就") only continues one already open.
  const consequence = clauses.findIndex((clause, position) => {
    if (position === 0) return false;
    const word = language.consequence.find((candidate) => candidate !== '将' && text.startsWith(candidate, clause.start));
    return word !== undefined && (word.length > 1 || clauses.slice(0, position).some((earlier) => earlier.condition));
  });
  for (let earlier = 0; earlier < consequence; earlier++) if (!clauses[earlier].label) clauses[earlier].condition = true;
  const main = clauses.filter((clause) => !clause.label);
  if (main.length > 0 && main.every((clause) => clause.condition)) main.at(-1)!.condition = false;
  return { clauses, quantities: findQuantities({ text, language }), asOf: findAsOf({ text, language }), list: listOf(text) };
}

const listCue = /(?:包括|包含|如|有|涵盖|即)[:：]?/;

/** The items of an enumeration with at least three items ("配偶、父母、子女和兄弟姐妹"). */
function listOf(text: string): string[] | null {
  const withoutParentheses = text.replace(/\([^)]*\)/g, '');
  for (const clause of withoutParentheses.split(/[,;。:]/)) {
    if ((clause.match(/、/g) ?? []).length < 1) continue;
    const cue = listCue.exec(clause);
    const body = cue ? clause.slice(cue.index + cue[0].length) : clause;
    const items = body
      .split(/、|和|及|以及|或者|或/)
      .map((item) => item.replace(/等.*$/, '').trim())
      .filter(Boolean);
    if (items.length >= 3) return items;
  }
  return null;
}

/** Whether `position` of the sentence lies under a negation. */
export function isNegated(analysis: SentenceAnalysis, position: number): boolean {
  return analysis.clauses.some((clause) => clause.negations.some(([from, to]) => position >= from && position < to));
}

/** The clause that contains `position`. */
export function clauseAt(analysis: SentenceAnalysis, position: number): ClauseAnalysis | undefined {
  return analysis.clauses.find((clause) => position >= clause.start && position < clause.end);
}
