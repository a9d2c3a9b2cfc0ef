// Question analysis: the parts a message asks, each part's answer type and focus, and the user's situation (pure).
import { findQuantities, isDuration, sameAmount, sameKind, type Quantity } from '../reconcile/find-quantities.js';
import { detectUserScope, negatedValues } from '../reconcile/scope.js';
import type { ReadingContext } from '../reconcile/create-statement-context.js';
import type { Language } from '../rules/compile-language.js';
import type { AnswerType } from '../rules/language-schema.js';
import type { TextPipeline } from '../text/create-text-pipeline.js';
import { escapePattern } from '../text/escape-pattern.js';
import { rememberPerKey } from '../text/remember-per-key.js';
import { findPlaces } from '../vocabulary/region-gazetteer.js';
import { detectAnswerType } from './detect-answer-type.js';
import { findRefusal } from './find-refusal.js';
import type { FocusWord, QuestionAnalysis, QuestionPart, Situation } from './question-types.js';

export interface QuestionContext {
  text: TextPipeline;
  reading: ReadingContext;
  /** Follow-up markers ("那…", "…呢"), normalized. */
  followUp: { starts: string[]; ends: string[]; maxLengthWithoutTopic: number };
  treatmentCues: string[];
  /** Whether the corpus uses a word. */
  knows: (word: string) => boolean;
  /** How many chunks use a word, inside longer words too. */
  frequency: (word: string) => number;
  /** Whether some sentence of the corpus contains the text, however it is segmented. */
  written: (text: string) => boolean;
}

/** What a session remembers of a turn. */
export interface RememberedTurn {
  message: string;
  part: QuestionPart;
  situation: Situation;
}

const askedWeight = 1;
const contextWeight = 0.6;
const carriedWeight = 0.45;
const cueWeight = 0.3;
const nounTags = /^(n|nz|ns|nt|nr|nrt|vn|eng)$/;
const askingEnd = /(吗|呢|么)$/;

/** Where the interrogative morphemes of a cue lie in it, longest first, never overlapping. */
function interrogativeSpans(cue: string, context: QuestionContext): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const word of context.reading.language.interrogatives) {
    for (let at = cue.indexOf(word); at >= 0; at = cue.indexOf(word, at + 1)) {
      if (!spans.some(([start, end]) => at < end && start < at + word.length)) spans.push([at, at + word.length]);
    }
  }
  return spans;
}

/** The clauses of a sentence, with their offsets. */
/**
 * A sentence asking for a section's items and then whether something holds, in two clauses ("…要准备什么材料，他自己
 * 能去办吗"), is two questions: it splits after the first. Other pairs of asking clauses stay one question: a figure
 * and where to find it out ("想知道还剩多少钱，线下能去哪儿查") ask one thing.
 */
function splitAsks(sentences: string[], context: QuestionContext): string[] {
  const { language } = context.reading;
  return sentences.flatMap((sentence) => {
    const clauses = clausesOf(sentence);
    const asks = clauses.map((clause, position) => ({ position, detected: isAsking(clause.text, context) ? detectAnswerType({ clause: clause.text, language }) : null }));
    const first = asks.find((ask) => ask.detected !== null && ask.detected.type !== null && sectionTypes.has(ask.detected.type));
    const last = asks.at(-1);
    if (!first || !last || last.position === first.position || last.detected?.yesNo == null || last.detected.type !== 'yesno') return [sentence];
    const cut = clauses[first.position + 1].start;
    return [sentence.slice(0, cut - 1), sentence.slice(cut)].map((piece) => piece.trim()).filter(Boolean);
  });
}
/** The answer types a section's items answer. */
export const sectionTypes: ReadonlySet<AnswerType> = new Set<AnswerType>(['list', 'conditions', 'materials', 'steps', 'channel']);

function clausesOf(sentence: string): Array<{ text: string; start: number }> {
  const clauses: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const match of sentence.matchAll(/[,;:，；：]/g)) {
    if (match.index > start) clauses.push({ text: sentence.slice(start, match.index), start });
    start = match.index + 1;
  }
  if (start < sentence.length) clauses.push({ text: sentence.slice(start), start });
  return clauses;
}

/** One pattern for a list of words of two characters or more, the longest tried first at each place. */
const wordsPattern = rememberPerKey((words: string[]): RegExp => {
  const longer = [...new Set(words.filter((word) => word.length > 1))].sort((left, right) => right.length - left.length);
  return longer.length > 0 ? new RegExp(longer.map(escapePattern).join('|'), 'g') : /(?!)/g;
});

/** The words that only ask, and those that only say who the user heard it from ("朋友说"): neither is what is asked. */
const askingWordsOf = rememberPerKey((language: QuestionContext['reading']['language']): string[] => [...language.questionWords, ...language.hearsay]);
const askingWords = (context: QuestionContext) => askingWordsOf(context.reading.language);

/** `text` with the given spans, question words and place names blanked out, so they do not become focus words. */
function blank(text: string, spans: Array<[number, number]>, questionWords: string[] = [], context?: QuestionContext): string {
  let result = questionWords.length > 0 ? text.replace(wordsPattern(questionWords), (word) => ' '.repeat(word.length)) : text;
  if (context && spans.length > 0) {
    // A cue's words go, but not a known word the cue only overlaps ("怎么查" leaves "查询" whole); a segmentation
    // artefact across a cue's edge ("第一件事该" → "事该") loses the cue's characters.
    let cursor = 0;
    const source = result;
    for (const { word } of context.text.tag(source)) {
      const at = source.indexOf(word, cursor);
      if (at < 0) continue;
      cursor = at + word.length;
      for (const [from, to] of spans) {
        const inside = at >= from && at + word.length <= to;
        const crosses = !inside && at < to && at + word.length > from;
        if (inside) result = result.slice(0, at) + ' '.repeat(word.length) + result.slice(at + word.length);
        else if (crosses && context.frequency(word) === 0) {
          const start = Math.max(at, from);
          const end = Math.min(at + word.length, to);
          result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
        }
      }
    }
  } else {
    for (const [from, to] of spans) result = result.slice(0, from) + ' '.repeat(to - from) + result.slice(to);
  }
  for (const place of findPlaces(result)) result = result.slice(0, place.offset) + ' '.repeat(place.name.length) + result.slice(place.offset + place.name.length);
  return result;
}

const lightWeight = 0.3;
const relationWeight = 0.5;

const complementsOf = rememberPerKey((directions: Map<string, string>): string[] => [...directions.keys()]);

/**
 * A one-character verb and the directional complement after it, as the corpus writes them ("转|进来" → 转入, "取|出来"
 * → 取出), written apart or glued: so the question names the direction the corpus tells apart (转入 from 转出).
 */
function withDirections(tokens: Array<{ word: string; tag: string }>, context: QuestionContext): Array<{ word: string; tag: string }> {
  const { directions } = context.reading.language;
  const written = (verb: string, complement: string) => {
    const morpheme = directions.get(complement);
    return morpheme && verb.length === 1 && context.frequency(verb + morpheme) > 0 ? verb + morpheme : null;
  };
  const result: Array<{ word: string; tag: string }> = [];
  for (let position = 0; position < tokens.length; position++) {
    const { word, tag } = tokens[position];
    const next = tokens[position + 1];
    // A modal or pronoun glued before the verb ("能转|进来") stays, for the focus to unglue.
    const glue = word.length === 2 && gluePrefixes(context).includes(word[0]) ? word[0] : '';
    const apart = next && (/^v/.test(tag) || glue) ? written(word.slice(glue.length), next.word) : null;
    if (apart) {
      result.push({ word: glue + apart, tag: 'v' });
      position++;
      continue;
    }
    const glued = word.length > 2 ? complementsOf(directions).find((complement) => word.length === complement.length + 1 && word.endsWith(complement)) : undefined;
    const joined = glued ? written(word[0], glued) : null;
    result.push(joined ? { word: joined, tag: 'v' } : { word, tag });
  }
  return result;
}

/** The nouns a clause names right after an interrogative of kind ("什么标准", "啥条件"): what sort of answer is wanted. */
function kindsAsked(text: string, context: QuestionContext): Set<string> {
  const kinds = new Set<string>();
  const tagged = context.text.tag(text);
  tagged.forEach(({ word }, position) => {
    const next = tagged[position + 1];
    if (next && context.reading.language.kindInterrogatives.includes(word) && next.word.length > 1) kinds.add(next.word);
  });
  return kinds;
}

/** How many chunks use a word or any of its alternatives (the most used one counts). */
const usage = (word: FocusWord, context: QuestionContext) => Math.max(0, ...word.alternatives.filter((alternative) => alternative.length > 1).map(context.frequency));
const headUsage = (head: string, context: QuestionContext) => Math.max(context.frequency(head), ...context.reading.synonyms.alternatives(head).filter((alternative) => alternative.length > 1).map(context.frequency));

/** The language's question words and outcome words as sets, built once per language. */
const wordSets = rememberPerKey((language: QuestionContext['reading']['language']) => ({ questionWords: new Set(language.questionWords), outcomes: new Set([...language.loss, ...language.keep]) }));

function focusWords({ text, weight, asked, context }: { text: string; weight: number; asked: boolean; context: QuestionContext }): FocusWord[] {
  const { reading } = context;
  const { questionWords, outcomes } = wordSets(reading.language);
  const words: FocusWord[] = [];
  for (const tagged of withDirections(context.text.tag(text), context)) {
    // A modal or a pronoun the segmenter glued to a verb the corpus knows ("能报" → 报, "我办" → 办): the verb is the word.
    // (Only for a token that is no word of the corpus nor of the synonyms: "带过去" is one.)
    const stray = context.frequency(tagged.word) === 0 && reading.synonyms.alternatives(tagged.word).length <= 1;
    const used = (stem: string) => [stem, ...reading.synonyms.alternatives(stem)].some((alternative) => context.frequency(alternative) > 0);
    const unglued = stray && tagged.word.length > 1 && gluePrefixes(context).includes(tagged.word[0]) && used(tagged.word.slice(1));
    // So is a complement glued to a verb the corpus knows ("办上" → 办).
    const complement = stray && !unglued && !reading.language.movementVerbs.includes(tagged.word) ? reading.language.verbComplements.find((ending) => tagged.word.endsWith(ending) && tagged.word.length > ending.length && context.frequency(tagged.word.slice(0, -ending.length)) > 0) : undefined;
    const { word, tag } = unglued ? { word: tagged.word.slice(1), tag: 'v' } : complement ? { word: tagged.word.slice(0, -complement.length), tag: 'v' } : tagged;
    if (!word.trim() || context.text.stopwords.has(word) || questionWords.has(word) || /^[\s\p{P}\p{S}\d.]+$/u.test(word)) continue;
    if (words.some((existing) => existing.word === word)) continue;
    const categories = reading.language.categories.get(word) ?? [];
    // The word as the user wrote it stays an alternative ("寄到" is also written in "邮寄到家").
    const alternatives = [...new Set([word, ...reading.synonyms.alternatives(word), ...categories.flatMap((category) => [category, ...reading.synonyms.alternatives(category)]), tagged.word])];
    // A word whose canonical form is a verb asks about an event ("自己掏" → "承担"), whatever its own tag.
    const canonical = reading.synonyms.canonical(word);
    const verbal = /^(v|l|i)/.test(tag) || (canonical !== word && /^v/.test(context.text.tag(canonical)[0]?.tag ?? ''));
    const verb = (verbal && !reading.language.lightVerbs.includes(word)) || alternatives.some((alternative) => outcomes.has(alternative));
    // Reflexive words ("本人", "自己") name who must act: they count as things asked about.
    const noun = !verb && !reading.language.lightVerbs.includes(word) && !reading.language.amountWords.includes(word) && (/^(n|vn|x|eng|j)/.test(tag) || (tag === 'r' && word.length > 1) || categories.length > 0);
    // A light verb ("申请", "满足", "办理") says little of what is asked: it weighs as little as a type cue.
    // Verbs that only introduce an amount ("等半年", "要多久") say as little as light ones.
    // A one-character verb of moving with no synonyms ("到了常州"; not 转, a word of transferring) tells where the
    // user goes, not what they ask to happen.
    // So does a verb of paying an amount the user names or asks ("交100块", "交多少": both blanked here).
    const paysAmount = reading.language.payVerbs.includes(word) && /^\s/.test(text.slice(text.indexOf(word) + word.length));
    const light = reading.language.lightVerbs.includes(word) || reading.language.costVerbs.includes(word) || (word.length > 1 && reading.language.verbComplements.includes(word)) || paysAmount || (word.length === 1 && reading.language.movementVerbs.includes(word) && reading.synonyms.alternatives(word).length <= 1);
    // A relation word ("跨省", "外省") says whose situation it is, judged by scope: it weighs less than the topic.
    const relation = scopeVocabulary(context).relations.has(word);
    // An adverb ("直接", "马上") tells how the user expects it to happen; statements answering seldom repeat it.
    const adverb = /^(d|ad)$/.test(tag) && !verb;
    words.push({ word, alternatives, weight: light ? Math.min(weight, lightWeight) : relation ? weight * relationWeight : adverb ? Math.min(weight, contextWeight) : weight, verb, noun, asked });
  }
  return words;
}

function isAsking(clause: string, context: QuestionContext): boolean {
  const { language } = context.reading;
  // An interrogative of more than one character asks ("怎么补"); a lone 几 may only count ("交了几个月").
  return (
    askingEnd.test(clause) ||
    language.answerTypeCues.some(({ cue }) => clause.includes(cue)) ||
    language.yesNo.some((entry) => entry.pattern.test(clause) && /吗|不|否/.test(clause)) ||
    language.interrogatives.some((word) => word.length > 1 && clause.includes(word))
  );
}

/**
 * Words that say whose situation it is ("外省", "异地", a scope term): judged by scope, never unknown topics. The
 * relation words among them ("跨省", "外省") name the move itself.
 */
const scopeVocabularyOf = rememberPerKey((reading: QuestionContext['reading']): { all: Set<string>; relations: Set<string> } => {
  const { scope } = reading;
  const relations = [...scope.relations.map((entry) => entry.word), ...scope.otherProvince];
  return { all: new Set([...relations, ...scope.complements, ...scope.localChanges, ...scope.dimensions.flatMap((dimension) => dimension.terms.map((entry) => entry.term))]), relations: new Set(relations) };
});
const scopeVocabulary = (context: QuestionContext) => scopeVocabularyOf(context.reading);
const scopeWords = (context: QuestionContext) => scopeVocabulary(context).all;

/**
 * What the segmenter may glue before a verb: a modal, a pronoun, a one-character verb of going or a one-character
 * general verb ("能报", "我办", "去取", "办转出").
 */
const gluePrefixes = (context: QuestionContext) => gluePrefixesOf(context.reading.language);
const gluePrefixesOf = rememberPerKey((language: QuestionContext['reading']['language']): string[] => [
  ...language.gluedModals,
  ...language.gluedAdverbs,
  ...language.personalPronouns,
  ...[...language.movementVerbs, ...language.lightVerbs].filter((verb) => verb.length === 1),
]);

/** The one-character negations of the language ("不", "没"). */
const negationCharacters = (context: QuestionContext) => context.reading.language.negation.filter((cue) => cue.length === 1);

/** The stems of a verb: without a leading negation, modal or pronoun ("能开" → 开), without a trailing complement. */
function verbStems(word: string, context: QuestionContext): string[] {
  const stems: string[] = [];
  const bare = [...negationCharacters(context), ...gluePrefixes(context)].includes(word[0]) && word.length > 1 ? word.slice(1) : word;
  if (bare !== word) stems.push(bare);
  // The complement comes off the word as written and off its bare form ("办下来" → 办; "能寄到" → 寄).
  for (const form of new Set([word, bare])) {
    const complement = context.reading.language.verbComplements.find((ending) => form.endsWith(ending) && form.length > ending.length);
    if (complement) stems.push(form.slice(0, -complement.length));
  }
  return stems;
}

/** Whether the word at `position` is a verb, or its object, of how the user goes to do a later act ("坐|高铁|去…办"). */
function isMeans(tagged: Array<{ word: string; tag: string }>, position: number, movementVerbs: string[]): boolean {
  const verbal = (at: number) => /^v/.test(tagged[at]?.tag ?? '') && tagged[at].tag !== 'vn';
  const going = (at: number) => movementVerbs.includes(tagged[at]?.word ?? '') || (tagged[at]?.tag === 'x' && movementVerbs.some((verb) => verb.length === 1 && tagged[at].word.startsWith(verb)));
  const verb = verbal(position) ? position : verbal(position - 1) && !going(position - 1) ? position - 1 : -1;
  if (verb < 0) return false;
  const next = [verb + 1, verb + 2].find(going);
  return next !== undefined && next > position && tagged.slice(next + 1).some((_, at) => verbal(next + 1 + at) && !going(next + 1 + at));
}

/**
 * Words the corpus never uses, a word and its alternatives and its longer parts all unknown ("契税", "加急"); with
 * `nounsOnly`, only things, not what is done.
 */
function unknownNouns(text: string, context: QuestionContext, nounsOnly = false): string[] {
  const { reading } = context;
  const unknown: string[] = [];
  // A one-character noun the segmenter split off a word the corpus never uses ("公|租房" of 公租房) names another thing
  // than the word after it: the two are read as one.
  const split: Array<{ word: string; tag: string; joined?: boolean }> = [];
  for (const piece of context.text.tag(text)) {
    const last = split.at(-1);
    if (last && !last.joined && last.word.length === 1 && last.tag === 'n' && /^n/.test(piece.tag) && piece.word.length > 1 && !context.written(last.word + piece.word)) {
      split[split.length - 1] = { word: last.word + piece.word, tag: piece.tag, joined: true };
    } else split.push(piece);
  }
  const tagged = split;
  // A word inside a scope term of the question ("省份" of "其他省份") says whose situation it is.
  const scopeSpans = [...scopeWords(context)].flatMap((term) => {
    const spans: Array<[number, number]> = [];
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) spans.push([at, at + term.length]);
    return spans;
  });
  let offset = 0;
  for (const [position, { word, tag }] of tagged.entries()) {
    const at = offset;
    offset += word.length;
    if (scopeSpans.some(([start, end]) => start <= at && at + word.length <= end)) continue;
    // A modifier ("户口所在区的派出所", "卡里的余额") only narrows the noun it describes: that noun decides.
    if (tagged[position + 1]?.word === '的') continue;
    // Place names (tag ns) are the user's situation, judged by scope: a district the gazetteer lacks is not a topic.
    // What is asked to happen counts too ("孩子能参保吗" of a corpus that never speaks of 参保), a general verb not.
    // A word whose canonical form is a verb is one too ("丢了" → 遗失), whatever its own tag.
    const canonical = reading.synonyms.canonical(word);
    const verbal = (/^v/.test(tag) && tag !== 'vn') || (canonical !== word && /^v/.test(context.text.tag(canonical)[0]?.tag ?? ''));
    const asksVerb = !nounsOnly && verbal && !reading.language.lightVerbs.includes(word) && !reading.language.movementVerbs.includes(word);
    // A set phrase the tagger reads as one locution ("近视眼", tag l) names a thing too, when it is a word of three
    // characters or more.
    const locution = !nounsOnly && tag === 'l' && word.length >= 3;
    // A verb (and its object) before a verb of going and a later act ("请假|回|北京…柜台|办", "坐|高铁|去…办") is how
    // the user gets there: the later act is what is asked.
    if (isMeans(tagged, position, reading.language.movementVerbs)) continue;
    // So is a verb right before another the corpus knows ("拿来|帮|我付|首付"): a chain of verbs asks of its last known
    // one, not of how it is set going.
    const knownVerb = (at: number) => /^v/.test(tagged[at]?.tag ?? '') && tagged[at].tag !== 'vn' && [tagged[at].word, ...reading.synonyms.alternatives(tagged[at].word)].some((alternative) => alternative.length > 1 && context.frequency(alternative) > 0);
    if (verbal && /^v/.test(tagged[position + 1]?.tag ?? '') && tagged.slice(position + 1).some((_, at) => knownVerb(position + 1 + at))) continue;
    // A complement standing alone after its verb ("转|进来", "处理|起来") is no topic either.
    if ((!nounTags.test(tag) && !asksVerb && !locution) || tag === 'ns' || word.length < 2 || context.text.stopwords.has(word) || reading.language.verbComplements.includes(word)) continue;
    // A guessed word made only of function characters ("都还没") is no topic.
    if ([...word].every((character) => context.text.stopwords.has(character) || negationCharacters(context).includes(character))) continue;
    // A negation or a modal ("不用", "无需") says how something is asked, not what.
    const { negation, possible, necessary, unnecessary } = reading.language;
    if ([negation, possible, necessary, unnecessary].some((cues) => cues.includes(word))) continue;
    if (findPlaces(word).length > 0 || reading.language.categories.has(word) || scopeWords(context).has(word)) continue;
    // A district the gazetteer lacks ("高新区", "开发区") is a place too: the user's situation, not a topic.
    if (reading.language.districtSuffixes.some((suffix) => word.endsWith(suffix) && word.length > suffix.length && word.length - suffix.length <= 4)) continue;
    const alternatives = [word, ...reading.synonyms.alternatives(word)];
    const known = (alternative: string) => context.frequency(alternative) > 0 || (!tagged[position].joined && context.text.tokensOfNormalized(alternative).every((token) => context.knows(token)));
    if (alternatives.some(known)) continue;
    // A verb is known by its stem: without a negation before it ("算不算" → 不算) or a complement after it ("寄到",
    // "改过来"), whose stem the corpus uses inside its own words ("邮寄").
    // So is a verb and complement the tagger took for a noun ("交上", tag n), by its stem when that is a verb.
    const isVerb = (stem: string) => asksVerb || /^v/.test(context.text.tag(stem)[0]?.tag ?? '');
    if (verbStems(word, context).some((stem) => isVerb(stem) && [stem, ...reading.synonyms.alternatives(stem)].some((alternative) => context.frequency(alternative) > 0))) continue;
    // A compound is known by its head, the morphemes it ends with ("智能手机" by "手机"; not "手续费" by "手续").
    const parts = word.length >= 3 && !tagged[position].joined ? [word.slice(-2), word.slice(1)] : [];
    if (parts.some((part) => context.knows(part))) continue;
    unknown.push(word);
  }
  return unknown;
}

/** The figure a yes/no question checks: an exact amount right after a verb that takes one ("要45个工作日"). */
function checkedFigure({ text, context }: { text: string; context: QuestionContext }): Quantity | null {
  const { language } = context.reading;
  // "得两个多月" is a rough figure too.
  // A rate's unit may come between ("按每天千分之五"): the verb still takes the amount.
  const perUnit = new RegExp(`(${language.perUnit.map(escapePattern).join('|')})(${language.units.map((unit) => escapePattern(unit.spelling)).join('|')})$`);
  const before = (quantity: Quantity) => text.slice(0, quantity.start).replace(perUnit, '');
  // …or a verb of paying after it ("要交100块").
  const takes = (quantity: Quantity) => language.costVerbs.some((verb) => before(quantity).endsWith(verb) || (before(quantity).slice(0, -1).endsWith(verb) && language.payVerbs.includes(before(quantity).slice(-1))));
  return findQuantities({ text, language }).find((quantity) => quantity.comparator !== 'atMost' && quantity.comparator !== 'range' && takes(quantity)) ?? null;
}

/**
 * `text` with the forms that only ask blanked, offsets kept: a sentence-final particle even glued to the word before
 * it ("认吗"), a demonstrative's 几 and its unit ("那几年"), and the negated repeat of "X不X" ("算不算": X stays).
 */
function withoutAskingForms(text: string): string {
  return text
    .replace(/[吗呢吧啊呀]+$/u, (particles) => ' '.repeat(particles.length))
    .replace(/([那这])几(\p{Script=Han})/gu, '$1  ')
    .replace(/(\p{Script=Han}{1,2})[不没]\1/gu, (match, verb: string) => verb + ' '.repeat(match.length - verb.length));
}

/** The answer type of a clause, with its yes/no modal never the start of a noun ("会员卡…能退吗" asks 能, not 会). */
function modalOutsideNouns(clause: string, context: QuestionContext): ReturnType<typeof detectAnswerType> {
  let text = clause;
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = detectAnswerType({ clause: text, language: context.reading.language });
    if (found.modalAt === null) return found;
    let at = 0;
    const noun = context.text.tag(text).find(({ word, tag }) => {
      const starts = at === found.modalAt;
      at += word.length;
      return starts && word.length > 1 && nounTags.test(tag) && tag !== 'vn' && (context.knows(word) || word.length >= 3);
    });
    if (!noun) return found;
    text = text.slice(0, found.modalAt) + '　'.repeat(noun.word.length) + text.slice(found.modalAt + noun.word.length);
  }
  return detectAnswerType({ clause: text, language: context.reading.language });
}

/** Whether a word the corpus or the rules know starts at `from` and runs past `to`. */
function startsKnownWord(text: string, from: number, to: number, context: QuestionContext): boolean {
  let at = 0;
  for (const { word } of context.text.tag(text)) {
    if (at === from) return word.length > to - from && (context.knows(word) || context.reading.synonyms.alternatives(word).length > 1);
    at += word.length;
    if (at > from) return false;
  }
  return false;
}

/**
 * Whether a verb of the question is denied where it stands: by a potential complement ("办不了") or by a negation right
 * before it ("不能转", "没法网上办").
 */
function negatesVerb(question: string, predicate: FocusWord[], language: Language): boolean {
  // The negation inside a question form ("是不是", "能不能") denies nothing.
  const text = language.questionWords.filter((word) => word.length > 2).reduce((blanked, word) => blanked.replaceAll(word, '　'.repeat(word.length)), question);
  const cues = language.negation.filter((cue) => !language.negationBreakers.includes(cue) && !language.unnecessary.includes(cue));
  const modals = language.possible;
  return predicate.some((word) => {
    if (!word.verb && !language.lightVerbs.includes(word.word)) return false;
    const at = text.indexOf(word.word);
    if (at < 0) return false;
    const after = text.slice(at + word.word.length);
    if (cues.some((cue) => cue.length === 2 && cue.endsWith('了') && after.startsWith(cue))) return true;
    // Words of how or where between the negation and the verb ("没法|网上|办") do not break it.
    let before = text.slice(0, at);
    for (let shorter = true; shorter; ) {
      const trailing = [...modals, ...predicate.filter((other) => !other.verb).map((other) => other.word)].find((other) => other.length > 0 && before.endsWith(other));
      shorter = trailing !== undefined;
      if (trailing) before = before.slice(0, -trailing.length);
    }
    return cues.some((cue) => before.endsWith(cue));
  });
}

/** How many characters a verb may put between a cue saying something is not needed and the figure ("不用|等|半年"). */
const waivedGap = 2;

function analysePart({ sentence, context, earlier }: { sentence: string; context: QuestionContext; earlier: FocusWord[] }): { part: QuestionPart; unknown: string[] } {
  const clauses = clausesOf(sentence);
  const askedIndex = clauses.map((clause) => isAsking(clause.text, context)).lastIndexOf(true);
  const asked = clauses[askedIndex >= 0 ? askedIndex : clauses.length - 1];
  const found = modalOutsideNouns(asked.text, context);
  // A modal that begins a word of its own ("算数吗", "能用吗" is not "用") stays part of that word.
  const detected = { ...found, cues: found.cues.filter(([from, to]) => from !== found.modalAt || !startsKnownWord(asked.text, from, to, context)) };
  // Dates ("明年5月", "1月15号") say when, like the user's other times: they are no words to find.
  const quantitySpans = [
    ...findQuantities({ text: asked.text, language: context.reading.language }).map((quantity): [number, number] => [quantity.start, quantity.end]),
    ...datesIn(asked.text, context.reading.language),
  ];
  // The yes/no modal glues onto the verb it asks about ("能带过去" → "能带"): it is blanked character by character.
  // Of the other cues only the asking morphemes go: "什么手续" keeps 手续, "怎么查" keeps 查.
  const modal = detected.cues.filter(([from]) => from === detected.modalAt);
  // What someone else said ("朋友说…", "听说…") is how the user heard it, not what they ask about.
  const { hearsay } = context.reading.language;
  const withoutQuestionWords = withoutAskingForms(blank(asked.text, [], askingWords(context)));
  const asking = detected.cues
    .filter((cue) => !modal.includes(cue))
    .flatMap(([from, to]) => interrogativeSpans(asked.text.slice(from, to), context).map(([start, end]): [number, number] => [from + start, from + end]));
  const askedText = blank(blank(withoutQuestionWords, detected.cues), quantitySpans, [], context);
  // What a cue names beside its question word ("什么手续" → 手续, "怎么查" → 查) stays in the focus, weighing little.
  const cueText = (() => {
    let kept = ' '.repeat(asked.text.length);
    for (const [from, to] of detected.cues.filter((cue) => !modal.includes(cue))) kept = kept.slice(0, from) + withoutQuestionWords.slice(from, to) + kept.slice(to);
    return blank(kept, asking);
  })();
  const askedKinds = kindsAsked(asked.text, context);
  // Verbs before the yes/no modal belong to what is asked about ("单位交的统筹基金…能带过去吗"): only those after it ask.
  const modalAt = detected.modalAt ?? 0;
  // In "单位交的统筹基金", what comes before the last 的 only modifies the head noun: it weighs less.
  const head = askedText.slice(0, modalAt).lastIndexOf('的');
  const tailHead = askedText.lastIndexOf('的') > modalAt ? askedText.lastIndexOf('的') : -1;
  // An event named alone and bare before the modal is the thing asked about ("签注能不能在网上办": 签注). One told as
  // done ("做好了能寄到家里吗") is a step of the user's story; several ("看门诊报销是不是…") are a phrase.
  const subjectText = askedText.slice(Math.max(0, head), modalAt);
  const subjectWords = focusWords({ text: subjectText, weight: askedWeight, asked: true, context });
  const bare = (word: string) => !context.reading.language.aspectMarkers.some((marker) => subjectText.includes(word + marker));
  const content = subjectWords.filter((word) => word.verb || word.noun);
  const topic = content.length === 1 && content[0].verb && bare(content[0].word) ? content[0] : null;
  const subject = subjectWords.map((word) => ({ ...word, verb: false, noun: word.noun || word === topic, topic: true }));
  const object = focusWords({ text: askedText.slice(Math.max(modalAt, tailHead)), weight: askedWeight, asked: true, context });
  // A modifier's nouns name the noun they narrow (its head), which a statement may name instead.
  const headOf = (words: FocusWord[]) => words.find((word) => word.noun)?.word;
  const modifying = (words: FocusWord[], headWord: string | undefined) => words.map((word) => (word.noun && headWord ? { ...word, modifies: headWord } : word));
  const predicate = [
    ...modifying(focusWords({ text: askedText.slice(0, Math.max(0, head)), weight: contextWeight, asked: true, context }), head >= 0 ? headOf(subject) : undefined).map((word) => ({ ...word, verb: false })),
    ...subject,
    // After the modal too: "必须去户口所在区的派出所吗" asks about the 派出所; 户口所在区 narrows it (its verbs still ask).
    ...modifying(
      focusWords({ text: askedText.slice(modalAt, Math.max(modalAt, tailHead)), weight: askedWeight, asked: true, context }).map((word) => (word.noun ? { ...word, weight: contextWeight } : word)),
      tailHead >= 0 ? headOf(object) : undefined,
    ),
    ...object,
  ]
    .filter((word, position, all) => all.findIndex((other) => other.word === word.word) === position)
    // …unless the head is the commoner word ("补缴的钱": 钱 says little, 补缴 what money is meant): the modifier tells.
    .map((word) => (word.modifies && word.weight < askedWeight && usage(word, context) > 0 && usage(word, context) < headUsage(word.modifies, context) ? { ...word, weight: askedWeight } : word))
    // A noun right after "什么" names the kind of answer ("按什么标准算": a statement says "按…计算", not 标准): it weighs little.
    .map((word) => (word.noun && askedKinds.has(word.word) ? { ...word, weight: Math.min(word.weight, cueWeight) } : word));
  // "现在能办居住证吗": a general verb is what is asked when the asking clause has no other ("办" → 申领).
  const lightVerbs = context.reading.language.lightVerbs;
  if (!predicate.some((word) => word.verb)) {
    const light = predicate.findIndex((word) => lightVerbs.includes(word.word) && askedText.indexOf(word.word) >= modalAt);
    if (light >= 0) predicate[light] = { ...predicate[light], verb: true, noun: false };
  }
  // "…医保转过去得等一个半月,真要那么久吗?": an asking clause with no words of its own asks about the clause before.
  // (A rumour's clauses before that one, "听说…只能自己去派出所领，不能寄到家里，是真的吗", tell the story around it.)
  const merged: Array<{ text: string }> = [];
  const askedAt = clauses.indexOf(asked);
  if (predicate.length === 0 && askedAt > 0) {
    // A figure asked back ("真有这么慢吗") is the one of the nearest clause stating a figure of its kind, though a remark
    // stands between ("…得45个工作日，快俩月了，真有这么慢吗").
    const states = (clause: { text: string }) => findQuantities({ text: clause.text, language: context.reading.language }).some((quantity) => !detected.unit || sameKind(quantity, detected.unit));
    const figured = detected.type === 'number' || detected.type === 'duration' ? clauses.slice(0, askedAt).findLastIndex(states) : -1;
    // A rumour of several clauses ("听说公积金不能跨城市转移，只能取出来，是真的吗") is checked by the one that denies.
    const heardAt = clauses.slice(0, askedAt).findLastIndex((clause) => hearsay.some((cue) => clause.text.includes(cue)));
    const { negation, negationBreakers, unnecessary } = context.reading.language;
    const denial = (clause: { text: string }) => negation.some((cue) => clause.text.includes(cue)) && ![...negationBreakers, ...unnecessary].some((word) => clause.text.includes(word));
    const denying = heardAt >= 0 ? clauses.slice(heardAt, askedAt).findLastIndex(denial) : -1;
    const from = figured >= 0 && askedAt - figured <= 2 && !states(clauses[askedAt - 1]) ? figured : askedAt - 1;
    // A rumour that states a figure ("听说…签一次能管三年，不用每年签了") checks that figure.
    const heardFigure = heardAt >= 0 && figured < 0 && detected.yesNo !== null ? clauses.slice(heardAt, askedAt).findLastIndex((clause) => checkedFigure({ text: clause.text, context }) !== null) : -1;
    if (heardFigure >= 0) merged.push(clauses[heardAt + heardFigure]);
    else if (denying >= 0 && figured < 0) merged.push(clauses[heardAt + denying]);
    else merged.push(...clauses.slice(from, askedAt));
    for (const before of merged) {
      const spans = findQuantities({ text: before.text, language: context.reading.language }).map((quantity): [number, number] => [quantity.start, quantity.end]);
      // Its negation ("不能寄到家里") is what the rumour claims, read as its polarity, not a word to find.
      const words = focusWords({ text: blank(before.text, spans, askingWords(context), context), weight: askedWeight, asked: true, context }).filter((word) => !context.reading.language.negation.includes(word.word));
      predicate.push(...words.filter((word) => !predicate.some((other) => other.word === word.word)));
    }
  }
  const cueWords = focusWords({ text: cueText, weight: cueWeight, asked: false, context }).filter((word) => !predicate.some((other) => other.word === word.word));
  // What the user says they do not want ("提公积金|不想跑柜台") is not what they ask about: the clause after the cue goes.
  const wanted = (text: string) => {
    const at = Math.min(...context.reading.language.unwanted.map((cue) => text.indexOf(cue)).filter((found) => found >= 0));
    return Number.isFinite(at) ? text.slice(0, at) : text;
  };
  const around = clauses
    .filter((clause) => clause !== asked && !merged.includes(clause))
    .map((clause) => wanted(clause.text))
    .filter((text) => text.trim().length > 0)
    .flatMap((text) => focusWords({ text: blank(text, findQuantities({ text, language: context.reading.language }).map((quantity): [number, number] => [quantity.start, quantity.end]), hearsay, context), weight: contextWeight, asked: false, context }));
  const focus = mergeFocus([predicate, around, cueWords, earlier.map((word) => ({ ...word, weight: Math.min(word.weight, carriedWeight), asked: false }))]);
  const asksAsOf = context.reading.language.asOf.some((marker) => sentence.includes(marker));
  // A negation between the yes/no modal and the first asked verb ("会不会不随证迁移") negates what is asked.
  const firstVerb = predicate.find((word) => word.verb);
  const afterModal = askedText.slice(modalAt, firstVerb ? Math.max(modalAt, askedText.indexOf(firstVerb.word, modalAt)) : askedText.length);
  const mergedText = merged.map((clause) => clause.text).join(',');
  // So does a rumour whose last clause denies ("…，不能寄到家里，是真的吗"): it claims the negation.
  const startsNegated = (text: string) => /^[\s]*(不|没|未|别)/.test(text.replace(/^\s+/, '')) && !context.reading.language.negationBreakers.some((word) => text.trim().startsWith(word));
  // (One saying something is not needed, "就不用重新预约了", is checked as a requirement, not negated here.)
  const { negation, negationBreakers, unnecessary } = context.reading.language;
  const denies = (text: string) => negation.some((cue) => text.includes(cue)) && ![...negationBreakers, ...unnecessary].some((word) => text.includes(word));
  // A question made by 吗 of a denied verb ("签注网上办不了吗", "余额不能转吗") asks whether the denial holds.
  const deniedVerb = detected.yesNo?.yes === '是' && merged.length === 0 && negatesVerb(asked.text, predicate, context.reading.language);
  const negated = detected.yesNo !== null && (startsNegated(afterModal) || deniedVerb || (merged.length > 0 && denies(merged.at(-1)!.text)));
  const quantities = findQuantities({ text: mergedText ? `${mergedText},${asked.text}` : asked.text, language: context.reading.language });
  const checked = detected.yesNo !== null ? checkedFigure({ text: mergedText || asked.text, context }) : null;
  // "…当月能报销吗" checks a time point: it is answered by the time points stated, the one named among them.
  const checkedPoint = detected.yesNo !== null && !checked ? (context.reading.language.timePoints.find((point) => (mergedText ? `${mergedText},${asked.text}` : asked.text).includes(point)) ?? null) : null;
  // "…不用等半年，真的吗" says the checked wait is not needed.
  const checkedText = mergedText ? `${mergedText},${asked.text}` : asked.text;
  const waived = checked !== null && quantities.some((quantity) => sameAmount(quantity, checked) && unnecessary.some((cue) => checkedText.slice(Math.max(0, quantity.start - cue.length - waivedGap), quantity.start).includes(cue)));
  return {
    part: {
      text: sentence,
      asked: asked.text,
      negated,
      quantities,
      given: around.map((word) => word.word),
      // "…要45个工作日,对吗?" checks a figure: it is answered by the figures of its kind, the one heard among them.
      type: checked ? (isDuration(checked) ? 'duration' : 'number') : checkedPoint ? 'when' : (detected.type ?? 'explain'),
      // "X和Y是一回事吗" asks how they differ, not yes or no.
      yesNo: detected.type === 'difference' ? null : detected.yesNo,
      unit: checked ? { unit: checked.unit, dimension: checked.dimension } : detected.unit,
      asksAsOf,
      checkedPoint,
      waived,
      focus,
      predicate,
      compared: detected.type === 'difference' ? comparedThings(sentence, context) : [],
    },
    unknown: [...unknownNouns(askedText, context), ...(namesThing(predicate, context) ? [] : unknownTopic(clauses[clauses.indexOf(asked) - 1]?.text ?? '', context))],
  };
}

/**
 * The things a clause names when the corpus uses none of them ("孩子想在这边上公办小学": 公办, 小学), else none: one
 * thing the corpus knows ("想把公积金提出来交房租") makes it a topic of the corpus.
 */
function unknownTopic(text: string, context: QuestionContext): string[] {
  const unknown = unknownNouns(text, context, true);
  const { reading } = context;
  const things = context.text.tag(text).filter(({ word, tag }) => nounTags.test(tag) && tag !== 'ns' && word.length >= 2 && !context.text.stopwords.has(word) && !reading.language.categories.has(word) && findPlaces(word).length === 0);
  return things.length > 0 && things.every(({ word }) => unknown.includes(word)) ? unknown : [];
}

/**
 * Whether the asked words name a thing of their own, other than the kind of answer ("材料", "条件"). When they do not
 * ("报名要准备哪些材料"), the clause before names what is asked about ("孩子想在这边上公办小学"), and a topic the
 * corpus never speaks of means it does not cover the question.
 */
function namesThing(predicate: FocusWord[], context: QuestionContext): boolean {
  const kinds = new Set(context.reading.language.sectionKinds.map((entry) => entry.word));
  return predicate.some((word) => word.noun && !kinds.has(word.word));
}

/**
 * The things a question of difference names before its cue, split at the words joining them ("居住登记跟居住证有
 * 什么区别" → 居住登记, 居住证), without question words or a trailing 的/之间. Fewer than two: none.
 */
export function comparedThings(sentence: string, context: QuestionContext): string[] {
  const { language } = context.reading;
  const cues = language.answerTypeCues.filter((entry) => entry.type === 'difference').map((entry) => sentence.indexOf(entry.cue)).filter((at) => at >= 0);
  if (cues.length === 0) return [];
  // The clause holding the things: what comes before the cue, from the last clause break.
  const joiners = language.comparisonJoiners.map(escapePattern);
  if (joiners.length === 0) return [];
  const joiner = new RegExp(joiners.join('|'));
  // …or, when that clause joins nothing, the nearest clause before it that does ("浙江和别的省份，用公积金买房提取有什么区别").
  const clauses = sentence.slice(0, Math.min(...cues)).split(/[,，;；:：]/).filter((clause) => clause.trim());
  const before = [...clauses].reverse().find((clause) => joiner.test(clause)) ?? clauses.at(-1) ?? '';
  // A joiner joins only where it stands as a word of its own ("同一个城市" is no "A同B").
  const pieces: string[] = [''];
  for (const { word } of context.text.tag(before)) {
    if (language.comparisonJoiners.includes(word)) pieces.push('');
    else pieces[pieces.length - 1] += word;
  }
  const things = pieces
    // Places are things compared too ("在浙江跟在其他省份"): only question words go, and a leading preposition.
    .map((thing) => withoutAskingForms(thing.replace(wordsPattern(language.questionWords), (word) => ' '.repeat(word.length))).replace(/\s+/g, '').replace(/^在/, '').replace(/^(我|请)/, '').replace(/(有)?(啥|什么|何|哪些|哪里)?$/, '').replace(/(之间|两者|二者|两个|这两种|这两个)?(的|之)?$/, ''))
    .filter((thing) => [...thing].length >= 2);
  return things.length >= 2 ? things : [];
}

/** Focus word lists merged, the first mention of a word kept (lists in order of precedence). */
export function mergeFocus(lists: FocusWord[][]): FocusWord[] {
  const merged: FocusWord[] = [];
  for (const list of lists) for (const word of list) if (!merged.some((existing) => existing.word === word.word)) merged.push(word);
  return merged;
}

function situationOf(text: string, context: QuestionContext): Situation {
  const { reading } = context;
  return {
    scope: detectUserScope({ text, scope: reading.scope }),
    // The words as cut for search and as tagged for the focus: either may keep a word the other splits ("停卡").
    words: [...new Set([...reading.words(text), ...context.text.tag(text).map(({ word }) => reading.synonyms.canonical(word))])],
    quantities: [...findQuantities({ text, language: reading.language }), ...elapsedQuantities(text, reading.language)],
  };
}

/** Where the text names a date or a time relative to now ("明年5月", "1月15号", "下个月"). */
function datesIn(text: string, language: Language): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(/\d{1,2}月(?:\d{1,2}[日号])?|\d{4}年/g)) spans.push([match.index, match.index + match[0].length]);
  for (const word of [...language.elapsed.keys(), ...language.ahead]) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) spans.push([at, at + word.length]);
  return spans;
}

/** How long ago the times the user names back from now are ("上个月刚离职" → 1个月), unless a date follows ("去年12月"). */
function elapsedQuantities(text: string, language: Language): Quantity[] {
  const found: Quantity[] = [];
  for (const [word, ago] of language.elapsed) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      if (/^[\d一二三四五六七八九十]/.test(text.slice(at + word.length))) continue;
      found.push(...findQuantities({ text: ago, language }).map((quantity) => ({ ...quantity, start: at, end: at + word.length })));
    }
  }
  return found;
}

/** The situation so far: what the user says now overrides what an earlier turn said, dimension by dimension. */
function mergeSituation(own: Situation, previous: Situation): Situation {
  const placesNamed = own.scope.regions.length > 0 || own.scope.relation !== null;
  // "那只是换到深圳呢？" after "东莞辞职回湖北": the move still starts where the earlier one did.
  const from = own.scope.destination && !own.scope.origin ? previous.scope.origin : null;
  const moved = from
    ? { origin: from, regions: [...new Set([from, ...own.scope.regions])], relation: from === own.scope.destination ? ('same-province' as const) : ('cross-province' as const) }
    : {};
  const scope = placesNamed
    ? { ...own.scope, ...moved, values: { ...previous.scope.values, ...own.scope.values }, changes: { ...previous.scope.changes, ...own.scope.changes } }
    : { ...previous.scope, values: { ...previous.scope.values, ...own.scope.values }, changes: { ...previous.scope.changes, ...own.scope.changes }, foreign: own.scope.foreign || previous.scope.foreign };
  const dimensions = new Set(own.quantities.map((quantity) => quantity.dimension));
  return {
    scope,
    words: [...new Set([...own.words, ...previous.words])],
    quantities: [...own.quantities, ...previous.quantities.filter((quantity) => !dimensions.has(quantity.dimension))],
  };
}

/** Scope values whose terms the message negates ("没退休" drops 退休人员), the rest kept. */
function withoutDenied(values: Record<string, string[]>, message: string, context: QuestionContext): Record<string, string[]> {
  const denied = negatedValues({ text: message, scope: context.reading.scope });
  return Object.fromEntries(Object.entries(values).map(([dimension, list]) => [dimension, list.filter((value) => !denied.has(value))]).filter(([, list]) => list.length > 0));
}

/** The message without the words that only mark it as a follow-up ("那要是…呢"). */
function withoutFollowUpMarkers(normalized: string, context: QuestionContext): string {
  const starts = [...context.followUp.starts].sort((left, right) => right.length - left.length);
  const ends = [...context.followUp.ends].sort((left, right) => right.length - left.length);
  let core = normalized;
  for (let marker = starts.find((start) => core.startsWith(start)); marker; marker = starts.find((start) => core.startsWith(start))) core = core.slice(marker.length);
  const end = ends.find((marker) => core.endsWith(marker));
  if (end) core = `${core.slice(0, core.length - end.length)}?`;
  return core.trim() || normalized;
}

function isFollowUp(normalized: string, context: QuestionContext, ownTopicWords: number): boolean {
  const { followUp } = context;
  return (
    followUp.starts.some((start) => normalized.startsWith(start)) ||
    followUp.ends.some((end) => normalized.endsWith(end)) ||
    (ownTopicWords === 0 && [...normalized].length <= followUp.maxLengthWithoutTopic)
  );
}

/** Kinship and other category words of a follow-up replace the earlier turn's words of the same category. */
function withoutReplaced(carried: FocusWord[], own: FocusWord[], context: QuestionContext): FocusWord[] {
  const categories = context.reading.language.categories;
  const ownCategories = new Set(own.flatMap((word) => categories.get(word.word) ?? []));
  return carried.filter((word) => !(categories.get(word.word) ?? []).some((category) => ownCategories.has(category)));
}

/** Analyses a message in the light of the session's last turn. */
export function analyseQuestion({ message, previous, context }: { message: string; previous: RememberedTurn | null; context: QuestionContext }): QuestionAnalysis {
  const normalized = context.text.normalize(message).trim();
  const core = withoutFollowUpMarkers(normalized, context);
  const whole = core.split(/(?<=[?!。？！])/).map((sentence) => sentence.replace(/[?!。？！]+$/, '').trim()).filter(Boolean);
  const sentences = splitAsks(whole, context);
  const asking = sentences.filter((sentence) => clausesOf(sentence).some((clause) => isAsking(clause.text, context)));
  const questions = asking.length > 0 ? asking : sentences.slice(-1);
  const statements = sentences.filter((sentence) => !questions.includes(sentence));
  const statementWords = statements.flatMap((sentence) => focusWords({ text: blank(sentence, []), weight: contextWeight, asked: false, context }));

  const parts: QuestionPart[] = [];
  const unknownWords: string[] = [];
  let earlier: FocusWord[] = statementWords;
  for (const sentence of questions) {
    const { part, unknown } = analysePart({ sentence, context, earlier });
    // "是截至什么时候的数据？" asks for the date of the figure just asked about.
    const previous = parts.at(-1);
    if (part.asksAsOf && previous && ['number', 'duration'].includes(previous.type) && (part.type === 'when' || part.type === 'explain' || part.type === 'yesno')) {
      previous.asksAsOf = true;
      continue;
    }
    parts.push(part);
    unknownWords.push(...unknown);
    earlier = mergeFocus([earlier, part.focus]);
  }

  let situation = situationOf(normalized, context);
  const ownTopicWords = parts[0]?.predicate.length ?? 0;
  const followUp = previous !== null && isFollowUp(normalized, context, ownTopicWords);
  if (followUp && previous) {
    situation = mergeSituation(situation, previous.situation);
    // "那如果他没退休…": a value of the earlier situation the user now says does not hold is no longer theirs.
    situation = { ...situation, scope: { ...situation.scope, values: withoutDenied(situation.scope.values, normalized, context) } };
    // "那押金呢？" names a new thing: the earlier turn's things give way, its verbs and situation stay.
    const ownThings = parts[0].predicate.filter((word) => word.noun && !previous.part.focus.some((earlier) => earlier.word === word.word));
    // A follow-up that asks a question of its own ("那…能报吗") keeps what the earlier turn asked about, not every word
    // of the situation it told (that situation is merged above).
    const asksOwn = parts[0].type !== 'explain' || detectAnswerType({ clause: parts[0].text, language: context.reading.language }).type !== null;
    const earlierFocus = asksOwn ? previous.part.predicate : previous.part.focus;
    const kept = ownThings.length > 0 ? earlierFocus.filter((word) => !word.noun) : earlierFocus;
    const carried = withoutReplaced(kept, parts[0].focus, context).map((word) => ({ ...word, weight: Math.min(word.weight, carriedWeight), asked: false }));
    const first = parts[0];
    // "那要是从广州调到长沙呢？" only changes the situation: the earlier question is asked again, as it was asked.
    const { language } = context.reading;
    // So does one whose words the earlier turn told as its situation ("我在宁波买房…" then "那要是我在南京买房呢").
    const toldBefore = (word: FocusWord) => previous.part.focus.some((earlier) => !earlier.asked && earlier.word === word.word);
    const situational = (word: FocusWord) => language.movementVerbs.includes(word.word) || language.moveWords.includes(word.word) || scopeWords(context).has(word.word) || findPlaces(word.word).length > 0 || toldBefore(word);
    const restated = first.predicate.every(situational) && first.type === 'explain';
    const carriedFocus = restated ? previous.part.focus : carried;
    const ownFocus = restated ? first.focus.map((word) => ({ ...word, weight: Math.min(word.weight, contextWeight), asked: false })) : first.focus;
    const ownType = first.type !== 'explain' || detectAnswerType({ clause: first.text, language }).type !== null;
    const inherits = ['yesno', 'number', 'duration', 'when', 'explain'].includes(previous.part.type);
    parts[0] = {
      ...first,
      type: ownType ? first.type : inherits ? previous.part.type : 'explain',
      yesNo: first.yesNo ?? (ownType ? null : previous.part.yesNo),
      unit: first.unit ?? (ownType ? null : previous.part.unit),
      // "那要是住了半年呢" keeps nothing of the earlier figure; "那深圳呢" keeps the figure the earlier turn checked.
      quantities: first.quantities.length > 0 || ownType ? first.quantities : previous.part.quantities,
      focus: restated ? mergeFocus([carriedFocus, ownFocus]) : mergeFocus([ownFocus, carriedFocus]),
      // What a follow-up that asks its own question asks is its own ("那交上去以后几天能拿到证"), not the earlier turn's.
      predicate: restated ? previous.part.predicate : asksOwn && first.predicate.length > 0 ? first.predicate : mergeFocus([first.predicate, ownThings.length > 0 ? previous.part.predicate.filter((word) => !word.noun) : previous.part.predicate]),
    };
  }
  return {
    message,
    normalized,
    parts,
    situation,
    refusal: findRefusal({ normalized, language: context.reading.language }),
    unknownWords,
    followUp,
    treatment: context.treatmentCues.some((cue) => normalized.includes(cue)),
  };
}
