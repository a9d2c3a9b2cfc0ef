// Does a statement say yes or no to what a yes/no question asks? (pure)
import type { Language } from '../rules/compile-language.js';
import { rememberPerKey } from '../text/remember-per-key.js';
import { isNegated } from './analyse-sentence.js';
import { outcomeOf } from './derive-claims.js';
import { namesAgent } from './names-agent.js';
import { exceedsLimit, sameAmount, sameKind, type Quantity } from './find-quantities.js';
import type { Statement } from './statement-types.js';

/** A clause that allows, includes or goes through what it lists ("包括配偶、父母", "通过支付宝、微信"). */
const inclusion = /包括|包含|涵盖|扩大到|适用于|通过/;

export interface AskedWord {
  alternatives: string[];
  verb: boolean;
  /** A thing asked about (not a verb, adverb or question word). */
  noun?: boolean;
}

export interface PolarityReading {
  answer: 'yes' | 'no';
  /** The clause that says it. */
  clause: number;
  /** What decided: a quantity the question names, its verb, the outcome it asks about, or a noun it names. */
  basis: 'quantity' | 'predicate' | 'outcome' | 'noun';
  /** The statement says whether the asked action is required ("需每年缴费", "无需本人到场"). */
  necessity?: boolean;
  /** A yes that holds only past a least amount the user does not state ("封存满6个月后才能提取"). */
  threshold?: boolean;
}

/** A word of how or where something is done ("网上"): no verb, no thing, no general verb, no modal or negation. */
export function isManner(word: AskedWord, language: Language): boolean {
  const [form] = word.alternatives;
  // A noun with a locative ending ("手机上", "网上") says where it is done, not what.
  const place = form.length >= 2 && /[上里]$/.test(form);
  return !word.verb && (!word.noun || place) && !notManners(language).has(form);
}
const notManners = rememberPerKey((language: Language): Set<string> => new Set([...language.lightVerbs, ...language.possible, ...language.necessary, ...language.unnecessary, ...language.negation]));

/** The periods a text gives counts per ("每个月", "每年", "按月"), each with where it stands and its unit (季度 → 季). */
function periodsIn(text: string): Array<{ at: number; unit: string }> {
  return [...text.matchAll(/(?:每个?|按)(年|月|季度?|周|星期|天|日)/g)].map((match) => ({ at: match.index, unit: periodUnits[match[1]] ?? match[1] }));
}
const periodUnits: Record<string, string> = { 季度: '季', 星期: '周', 日: '天' };

/** The period a count is given per: the nearest before it, within a few characters. */
function periodBefore(text: string, at: number): string | null {
  return periodsIn(text.slice(Math.max(0, at - periodReach), at)).at(-1)?.unit ?? null;
}
const periodReach = 10;

/** How many characters may stand between a modal cue and the verb it governs ("无需|本人到柜台|办理"). */
const governedSpan = 6;

function firstAt(text: string, alternatives: string[]): number {
  let best = -1;
  for (const alternative of alternatives) {
    if (alternative.length === 0) continue;
    const at = text.indexOf(alternative);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** Where a clause says an asked word: a one-character verb ("住") counts only as a word of its own, not inside another ("居住"). */
function wordAt(statement: Statement, position: number, text: string, word: AskedWord, language: Language, { opening = false }: { opening?: boolean } = {}): number {
  const single = word.alternatives.filter((alternative) => alternative.length === 1);
  const whole = word.alternatives.filter((alternative) => alternative.length > 1);
  // `opening`: a one-character verb may also open a word the segmenter made ("回转出地" read as 回转): not end one ("补缴").
  const tokens = statement.clauseTokens[position];
  const counts = (alternative: string) => tokens.includes(alternative) || (opening && tokens.some((token) => token.startsWith(alternative)));
  const found = single.some(counts) ? firstAt(text, single) : -1;
  if (found >= 0) return found;
  // A word of two characters inside a longer word of the clause ("居住" in "居住证") is not said there; with a negation
  // or a complement glued to it ("不带转", "办理完") it is.
  const longer = tokens.filter((token) => token.length > 2);
  const glued = (rest: string) => language.negation.includes(rest) || language.verbComplements.includes(rest) || language.aspectMarkers.includes(rest);
  const inside = (at: number, alternative: string) =>
    // (Compounds end with their head: "租房提取" is a 提取; "居住证" is no 居住.)
    longer.some((token) => token.includes(alternative) && !token.endsWith(alternative) && !glued(token.replace(alternative, '')) && (() => {
      for (let from = text.indexOf(token); from >= 0; from = text.indexOf(token, from + 1)) if (from <= at && at + alternative.length <= from + token.length) return true;
      return false;
    })());
  let written = -1;
  for (const alternative of whole) {
    for (let at = text.indexOf(alternative); at >= 0; at = text.indexOf(alternative, at + 1)) {
      if (inside(at, alternative)) continue;
      if (written < 0 || at < written) written = at;
      break;
    }
  }
  if (written >= 0) return written;
  // A one-character verb with a potential complement that denies it ("网上是办不了的") is said, and denied.
  for (const alternative of single) {
    for (let at = text.indexOf(alternative); at >= 0; at = text.indexOf(alternative, at + 1)) {
      if (language.negation.some((cue) => cue.length === 2 && cue.endsWith('了') && text.startsWith(cue, at + 1))) return at;
    }
  }
  return -1;
}

/** The outcome a question asks about ("会清零吗" → loss, "还能继续用吗" → keep), or null. */
export function askedOutcome({ words, language }: { words: AskedWord[]; language: Language }): 'keep' | 'loss' | null {
  // Every statement read for a part is read with the same words.
  return rememberedOutcome(words, language);
}

const rememberedOutcome = rememberPerKey((words: AskedWord[], language: Language): 'keep' | 'loss' | null => {
  for (const word of words) {
    const alternatives = word.alternatives.filter((alternative) => !language.moved.includes(alternative));
    if (alternatives.some((alternative) => language.loss.includes(alternative))) return 'loss';
    if (alternatives.some((alternative) => language.keep.includes(alternative))) return 'keep';
  }
  return null;
});

/**
 * The statement's yes or no to the question, read in this order: a quantity the question names ("等半年"), one of
 * its verbs, the outcome it asks about (kept or lost), a noun it names ("微信"). A clause whose word the user only
 * presupposes ("转出地把个人账户清零了，钱会丢吗") does not answer. A limit the user exceeds turns a yes into a no.
 */
export function readPolarity({ statement, words, quantities, askedText, presupposed, userQuantities, language, asksNecessity = false, required: requiredWords }: {
  statement: Statement;
  /** The text `quantities` were read from, to tell their period ("每个月…一次"). */
  askedText?: string;
  words: AskedWord[];
  /** What the question asks to be required (the words after its modal: "一定要|先停卡"), when not all its words. */
  required?: AskedWord[];
  /** The question asks whether something is required ("是不是一定得本人去"). */
  asksNecessity?: boolean;
  /** Quantities in the asking clause. */
  quantities: Quantity[];
  /** Whether the user states a word as given, outside the asking clause. */
  presupposed: (word: string) => boolean;
  userQuantities: Quantity[];
  language: Language;
}): PolarityReading | null {
  const { analysis, normalized } = statement;
  const main = analysis.clauses.map((clause, position) => ({ clause, position })).filter(({ clause }) => !clause.label && !clause.condition);
  const decide = (position: number, at: number, basis: PolarityReading['basis']): PolarityReading => {
    let answer: 'yes' | 'no' = isNegated(analysis, at) ? 'no' : 'yes';
    const clause = analysis.clauses[position];
    let threshold = false;
    if (answer === 'yes') {
      const limit = analysis.quantities.find((quantity) => quantity.start >= clause.start && quantity.start < clause.end && (quantity.comparator === 'atMost' || quantity.comparator === 'approximately'));
      if (limit && userQuantities.some((stated) => stated.dimension === limit.dimension && exceedsLimit(stated, limit))) answer = 'no';
      // A least amount the act waits for ("封存满6个月后才能提取") says yes only to a user past it, no to one short of
      // it, and neither to one who does not say.
      const least = analysis.quantities.find((quantity) => quantity.start >= clause.start && quantity.start < at && quantity.comparator === 'atLeast' && !isNegated(analysis, quantity.start));
      if (least) {
        const stated = userQuantities.filter((quantity) => sameKind(quantity, least));
        if (stated.some((quantity) => quantity.base < least.base && !sameAmount(quantity, least))) answer = 'no';
        else if (stated.length === 0) threshold = true;
      }
    }
    return { answer, clause: position, basis, ...(threshold ? { threshold } : {}) };
  };
  for (const quantity of quantities) {
    // A count per period ("每个月提一次") is the same only per the same period: "每年可以办理一次" says no to it.
    const askedPeriod = askedText ? periodBefore(askedText, quantity.start) : null;
    for (const { clause, position } of main) {
      const same = analysis.quantities.find((candidate) => candidate.start >= clause.start && candidate.start < clause.end && candidate.dimension === quantity.dimension && sameAmount(candidate, quantity));
      if (!same) continue;
      const statedPeriod = periodBefore(normalized.slice(clause.start, same.start), same.start - clause.start);
      if (askedPeriod && statedPeriod && askedPeriod !== statedPeriod) return { answer: 'no', clause: position, basis: 'quantity' };
      return decide(position, same.start, 'quantity');
    }
    // A clause doing the asked act per the asked period ("可以按月或者按季办理") answers it, whatever its count.
    if (askedPeriod) {
      for (const { clause, position } of main) {
        const text = normalized.slice(clause.start, clause.end);
        const match = periodsIn(text).find((period) => period.unit === askedPeriod);
        if (match && words.some((word) => !word.noun && wordAt(statement, position, text, word, language) >= 0)) return decide(position, clause.start + match.at, 'quantity');
      }
    }
  }
  // A least amount heard ("要封存满一年才能取") is denied by another least amount for the asked act ("封存满6个月后才能
  // 提取").
  for (const quantity of quantities.filter((candidate) => candidate.comparator === 'atLeast')) {
    for (const { clause, position } of main) {
      const text = normalized.slice(clause.start, clause.end);
      const other = analysis.quantities.find((candidate) => candidate.start >= clause.start && candidate.start < clause.end && candidate.comparator === 'atLeast' && sameKind(candidate, quantity) && !sameAmount(candidate, quantity) && !isNegated(analysis, candidate.start));
      if (other && words.some((word) => word.verb && wordAt(statement, position, text, word, language) >= 0)) return { answer: 'no', clause: position, basis: 'quantity' };
    }
  }
  // Whether something is required is answered by a statement that requires it or says it is not needed, before one
  // that merely does it ("签注不再限定在派出所办理" for "签注必须去派出所吗").
  if (asksNecessity) {
    // The clause must name what is asked to be required: its verb when it has one ("先停卡"), not just the topic.
    const required = requiredWords && requiredWords.length > 0 ? requiredWords : words.some((word) => word.verb) ? words.filter((word) => word.verb) : words;
    for (const { clause, position } of main) {
      const text = normalized.slice(clause.start, clause.end);
      if (!required.some((word) => wordAt(statement, position, text, word, language, { opening: true }) >= 0)) continue;
      // The cue must govern an asked word: the word follows it closely ("需每年缴费", "无需本人到柜台办理",
      // "不再限定在…派出所办理"), not another verb of the clause ("需提供…缴费凭证").
      const governs = (cue: string) => {
        for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
          const after = text.slice(at + cue.length, at + cue.length + governedSpan + 4);
          if (required.some((word) => { const found = wordAt(statement, position, after, word, language, { opening: true }); return found >= 0 && found <= governedSpan; })) return true;
        }
        return false;
      };
      if (language.unnecessary.some(governs)) return { answer: 'no', clause: position, basis: 'predicate', necessity: true };
      const cue = language.necessary.find((word) => (word.length > 1 || clause.modality === 'necessary') && governs(word));
      if (cue) return { ...decide(position, clause.start + text.indexOf(cue), 'predicate'), necessity: true };
    }
  }
  // Whether the user may act themselves ("他自己能去办吗") is answered no by a clause saying another must act for them
  // ("由监护人代为申领"); one saying another may ("可以委托他人代办") leaves it open.
  if (words.some((word) => word.alternatives.some((alternative) => language.reflexives.includes(alternative)))) {
    for (const { clause, position } of main) {
      const text = normalized.slice(clause.start, clause.end);
      if (clause.modality !== 'possible' && namesAgent(text, language) && !language.reflexives.some((word) => text.includes(word))) return { answer: 'no', clause: position, basis: 'predicate' };
    }
  }
  // A general verb ("办") answers only in a clause that names what is done with it ("居住证"), when the question names it.
  const objects = words.filter((candidate) => candidate.noun);
  // Words of how or where it is done ("网上"): neither a verb nor a noun of a thing, nor a general verb.
  const lightWords = words.filter((candidate) => language.lightVerbs.includes(candidate.alternatives[0]));
  // Where a clause says one of the question's general verbs ("办"), a denied one first ("网上是办不了的"), or -1.
  const generalVerbAt = (position: number, text: string, except?: AskedWord): number => {
    const done = lightWords.filter((word) => word !== except).map((word) => wordAt(statement, position, text, word, language)).filter((at) => at >= 0);
    return done.find((at) => isNegated(analysis, analysis.clauses[position].start + at)) ?? done[0] ?? -1;
  };
  const manners = words.filter((candidate) => isManner(candidate, language));
  const mannerClause = (after: number, missing: AskedWord[]): { position: number; at: number } | null => {
    for (const { clause, position } of main) {
      if (position <= after) continue;
      const text = normalized.slice(clause.start, clause.end);
      if (!missing.some((manner) => firstAt(text, manner.alternatives) >= 0)) continue;
      const at = generalVerbAt(position, text);
      if (at >= 0) return { position, at: clause.start + at };
    }
    return null;
  };
  for (const word of words.filter((candidate) => candidate.verb)) {
    const general = language.lightVerbs.includes(word.alternatives[0]) && objects.length > 0;
    for (const { clause, position } of main) {
      const text = normalized.slice(clause.start, clause.end);
      const at = wordAt(statement, position, text, word, language);
      if (at >= 0 && general && !objects.some((object) => firstAt(text, object.alternatives) >= 0)) continue;
      if (at < 0) continue;
      // How the question has it done ("签注|网上|办不了") may be said in a later clause of the same subject ("签注必须…现场
      // 办理，网上是办不了的"): that clause answers, by the verb it uses.
      const missing = manners.filter((manner) => firstAt(text, manner.alternatives) < 0);
      const later = missing.length > 0 ? mannerClause(position, missing) : null;
      if (later) return decide(later.position, later.at, 'predicate');
      return decide(position, clause.start + at, 'predicate');
    }
  }
  const asked = askedOutcome({ words, language });
  if (asked) {
    for (const { position } of main) {
      const outcome = outcomeOf({ statement, clause: position, language });
      if (!outcome) continue;
      const { start, end } = analysis.clauses[position];
      const text = normalized.slice(start, end);
      if ([...language.loss, ...language.keep].some((word) => text.includes(word) && presupposed(word))) continue;
      return { answer: outcome === asked ? 'yes' : 'no', clause: position, basis: 'outcome' };
    }
  }
  // A question about an outcome ("会清零吗") is answered by a verb or an outcome, never by a mere mention.
  if (asked) return null;
  // A question asking whether something happens ("那份钱能退吗") is not answered by a mere mention of its nouns,
  // only by a statement listing the one asked about among others ("…包括配偶、父母、祖父母" for "能给我姥姥用吗").
  const listed = (at: number, alternative: string) => {
    const before = normalized[at - 1];
    const after = normalized[at + alternative.length];
    return before === '、' || after === '、' || (analysis.list ?? []).some((item) => item.includes(alternative));
  };
  const asksAction = words.some((word) => word.verb);
  const things = words.filter((word) => word.noun);
  const context = `${statement.label ?? ''}${statement.path.join('')}${normalized}`;
  // The noun asked about comes last ("第一次办居住证要交钱吗": 交钱, not 居住证): it is looked for first.
  // A general verb ("办") is no thing: what it is said of is ("网上").
  for (const word of words.filter((candidate) => !candidate.verb && !language.lightVerbs.includes(candidate.alternatives[0])).reverse()) {
    for (const { clause, position } of main) {
      const text = normalized.slice(clause.start, clause.end);
      const at = firstAt(text, word.alternatives);
      if (at < 0) continue;
      const found = word.alternatives.find((alternative) => alternative.length > 0 && text.indexOf(alternative) === at) ?? '';
      // …and only where the clause allows, includes or goes through what it lists, not where it lists things to bring.
      if (asksAction && !(listed(clause.start + at, found) && (clause.modality === 'possible' || inclusion.test(text)))) continue;
      // Without a verb, a statement naming one of several asked things ("全国" of "是全国统一标准吗") is no answer; its
      // label and headings count ("转店条件 > 停卡与登记：…停卡手续" names 转店 and 停卡).
      const named = things.filter((other) => firstAt(context, other.alternatives) >= 0).length;
      if (!asksAction && things.length >= 2 && named < 2) continue;
      // A general verb the question uses of it ("网上|办不了") is what the clause affirms or denies of it ("网上是办不了
      // 的" says no): the clause answers by that verb.
      const done = generalVerbAt(position, text, word);
      if (done >= 0) return decide(position, clause.start + done, 'predicate');
      return decide(position, clause.start + at, 'noun');
    }
  }
  return null;
}
