// Step 2 of an answer: the statements that bear on a question part, with how well each covers its focus and
// whether it applies to the user's situation.
import type { LoadedIndex } from '../index/load-index.js';
import type { QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import { applicabilityOf, conditionMet, type ApplicabilityVerdict } from '../reconcile/applicability.js';
import { detectUserScope } from '../reconcile/scope.js';
import type { Claim } from '../reconcile/derive-claims.js';
import { isDuration, sameAmount, sameKind, type Quantity } from '../reconcile/find-quantities.js';
import { leadInText } from '../reconcile/lead-in-text.js';
import { namesAgent } from '../reconcile/names-agent.js';
import type { Statement, StatementCondition } from '../reconcile/statement-types.js';
import { rememberPerKey } from '../text/remember-per-key.js';
import { isWithin } from '../text/structure-document.js';
import { findPlaces } from '../vocabulary/region-gazetteer.js';
import { searchChunks } from './search-chunks.js';
import type { WeightedToken } from './weighted-token.js';

export interface Evidence {
  statement: Statement;
  /** Retrieval rank of the statement's chunk (0 = best). */
  rank: number;
  /** Share of the focus's weight the statement covers (its sentence fully, its label, headings and title half). */
  coverage: number;
  /** Share of the asking clause's weight the sentence itself covers. */
  askedCoverage: number;
  verdict: ApplicabilityVerdict['verdict'];
  /** For an unmet condition: the user's own situation misses it (a duration they state, something they say did not happen). */
  missesCondition?: boolean;
  specificity: number;
  qualifiers: string[];
  truncated: boolean;
}

const retrievedChunks = 16;
const valueCoverage = 0.3;
/** How many claims a figure question looks up beyond the retrieved statements, at most (after the rarest word's). */
const figureLookup = 400;
const valueShare = 0.6;

/** Whether a quantity can answer a part that asks for a figure. */
export function answersPart(part: QuestionPart, quantity: Quantity): boolean {
  if (part.type === 'duration' || part.type === 'when') return isDuration(quantity);
  if (part.unit) return sameKind(part.unit, quantity);
  return !isDuration(quantity);
}

/** Whether a yes/no part checks a figure it names ("要45个工作日吗"). */
export const checksFigure = (part: QuestionPart) => part.yesNo !== null && (part.type === 'duration' || part.type === 'number' || part.type === 'when') && part.quantities.length > 0;

const asksFigure = (part: QuestionPart) => part.type === 'duration' || part.type === 'when' || (part.type === 'number' && part.unit !== null);
const synonymWeight = 0.8;

/** The BM25 query of a part: its focus words at their weights, their alternatives at half. */
export function queryTokens({ index, part }: { index: LoadedIndex; part: QuestionPart }): WeightedToken[] {
  const weights = new Map<string, number>();
  // The word naming what kind of section answers ("条件", "材料") finds that section's heading: it weighs fully here.
  const kinds = new Set(index.reading.language.sectionKinds.filter((entry) => entry.type === part.type).map((entry) => entry.word));
  for (const focusWord of part.focus) {
    const word = kinds.has(focusWord.word) ? { ...focusWord, weight: Math.max(focusWord.weight, 1) } : focusWord;
    weights.set(word.word, Math.max(weights.get(word.word) ?? 0, word.weight));
    for (const alternative of word.alternatives) {
      for (const token of alternative === word.word ? [] : index.text.tokensOfNormalized(alternative).slice(0, 1)) {
        if (token.length > 1 || token === alternative) weights.set(token, Math.max(weights.get(token) ?? 0, word.weight * synonymWeight));
      }
    }
  }
  return [...weights].map(([token, weight]) => ({ token, weight }));
}

function contains(text: string, alternatives: string[]): boolean {
  return alternatives.some((alternative) => alternative.length > 0 && text.includes(alternative));
}

/**
 * The weight of each focus word of a part in its coverage: its own weight by its rarity; what the question asks to
 * happen (its verb) matters more than the words around it.
 */
const focusMasses = rememberPerKey((part: QuestionPart, index: LoadedIndex): number[] =>
  part.focus.map((word) => word.weight * idf(index, word.alternatives) * (word.asked && word.verb ? 1.5 : 1)),
);

/** What surrounds a statement's sentence: its label, its headings and its document's title, normalized. */
const contextOf = rememberPerKey((statement: Statement, index: LoadedIndex): string => {
  const document = index.documents.get(statement.sourceId);
  return `${statement.label ?? ''}\n${statement.path.join('\n')}\n${index.text.normalize(document?.title ?? '')}`;
});

/**
 * The weight of each focus word in coverage. However long the situation a user tells around their question ("我今年12月
 * 中旬才交的…"), the words around weigh at most as much as the asked ones together: a story does not drown what is asked.
 */
const coverageMasses = rememberPerKey((part: QuestionPart, index: LoadedIndex): number[] => {
  const masses = focusMasses(part, index);
  let asked = part.quantities.length * quantityMass;
  let around = 0;
  part.focus.forEach((word, position) => {
    if (word.asked) asked += masses[position];
    else around += masses[position];
  });
  // (A part asking only by its type's cue, "要带什么材料" after another question, asks about the words around it.)
  const scale = asked > 0 && around > asked * aroundShare ? (asked * aroundShare) / around : 1;
  return part.focus.map((word, position) => (word.asked ? masses[position] : masses[position] * scale));
});
const quantityMass = 1.5;
const aroundShare = 2;

/** A statement's sentence as coverage reads it: a list item with the sentence it continues (…可以申请提取…：（六）出境定居的。). */
const sentenceOf = rememberPerKey((statement: Statement): string => {
  const leadIn = leadInText(statement);
  return leadIn ? `${leadIn}\n${statement.normalized}` : statement.normalized;
});

/** How much of the focus a statement covers, and how much of the asking clause its sentence covers. */
export function coverageOf({ index, part, statement }: { index: LoadedIndex; part: QuestionPart; statement: Statement }): { coverage: number; askedCoverage: number } {
  const context = contextOf(statement, index);
  let total = 0;
  let found = 0;
  let askedTotal = 0;
  let askedFound = 0;
  // A quantity the question names ("等半年") is found in a statement stating the same quantity.
  for (const quantity of part.quantities) {
    total += quantityMass;
    askedTotal += quantityMass;
    if (statement.analysis.quantities.some((stated) => sameAmount(stated, quantity))) {
      found += quantityMass;
      askedFound += quantityMass;
    }
  }
  const masses = coverageMasses(part, index);
  const unscaled = focusMasses(part, index);
  // A list item says what it says with the sentence it continues ("…可以申请提取…：（六）出境定居的。").
  const sentence = sentenceOf(statement);
  part.focus.forEach((word, position) => {
    const mass = masses[position];
    total += mass;
    const inSentence = contains(sentence, word.alternatives);
    if (inSentence) found += mass;
    else if (contains(context, word.alternatives)) found += mass / 2;
    if (word.asked) {
      askedTotal += unscaled[position];
      if (inSentence) askedFound += unscaled[position];
    }
  });
  return { coverage: total > 0 ? found / total : 0, askedCoverage: askedTotal > 0 ? askedFound / askedTotal : 0 };
}

const unknownWeight = 0.2;

/**
 * The rarest alternative's inverse document frequency. A word the corpus never uses (small talk, "听人说") weighs
 * little: it cannot be covered, and a question about something the corpus lacks is refused before retrieval.
 */
/** How rare a word (any of its alternatives) is among the index's chunks: rare words tell more. */
export function idf(index: LoadedIndex, alternatives: string[]): number {
  let best = 0;
  for (const alternative of alternatives) {
    const frequency = (index.lexical.postings[alternative]?.length ?? 0) / 2;
    if (frequency === 0) continue;
    best = Math.max(best, Math.log(1 + (index.lexical.documentCount - frequency + 0.5) / (frequency + 0.5)));
  }
  return best || unknownWeight;
}

/** Positions of `word` in `text`, except inside a longer word of `within` ("参保" inside "新参保地"). */
function occurrences(text: string, word: string, within: string[]): number[] {
  const longer = within.filter((other) => other.length > word.length && other.includes(word));
  const found: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const inside = longer.some((other) => {
      for (let start = text.indexOf(other); start >= 0; start = text.indexOf(other, start + 1)) if (start <= at && at + word.length <= start + other.length) return true;
      return false;
    });
    if (!inside) found.push(at);
  }
  return found;
}

/** Whether the user's `said` word lies over an occurrence of the condition's `word`. */
function overlaps(text: string, said: string, word: string, within: string[]): boolean {
  const wordAt = occurrences(text, word, within);
  for (let start = text.indexOf(said); start >= 0; start = text.indexOf(said, start + 1)) {
    if (wordAt.some((other) => start < other + word.length && other < start + said.length)) return true;
  }
  return false;
}

/** The words of the index's scope vocabulary: relations, other-province words, complements and dimension terms. */
export const scopeTerms = rememberPerKey((index: LoadedIndex): Set<string> => {
  const { scope } = index.reading;
  return new Set([...scope.relations.map((entry) => entry.word), ...scope.otherProvince, ...scope.complements, ...scope.dimensions.flatMap((dimension) => dimension.terms.map((entry) => entry.term))]);
});

/** The sections of the index whose heading names a kind word ("条件"), by that word. */
const sectionsByKind = rememberPerKey((index: LoadedIndex): Map<string, Array<{ sourceId: string; section: number; heading: string }>> => {
  const byKind = new Map<string, Array<{ sourceId: string; section: number; heading: string }>>();
  const words = [...new Set(index.reading.language.sectionKinds.map((entry) => entry.word))];
  for (const document of index.documents.values()) {
    document.sections.forEach((entry, section) => {
      const heading = index.text.normalize(entry.heading);
      for (const word of words.filter((kind) => heading.includes(kind))) {
        const list = byKind.get(word) ?? [];
        list.push({ sourceId: document.sourceId, section, heading });
        byKind.set(word, list);
      }
    });
  }
  return byKind;
});

const kindSectionLimit = 4;

/** Sections headed by the kind a part asks for whose heading also names one of its other focus words, best first. */
function kindSections({ index, part }: { index: LoadedIndex; part: QuestionPart }): Array<{ sourceId: string; section: number }> {
  const kinds = index.reading.language.sectionKinds.filter((entry) => entry.type === part.type).map((entry) => entry.word);
  if (kinds.length === 0) return [];
  const byKind = sectionsByKind(index);
  const topical = part.focus.filter((word) => !word.alternatives.some((alternative) => kinds.includes(alternative)));
  const scored = new Map<string, { sourceId: string; section: number; score: number }>();
  for (const kind of kinds) {
    for (const entry of byKind.get(kind) ?? []) {
      const score = topical.reduce((sum, word) => sum + (contains(entry.heading, word.alternatives) ? word.weight * idf(index, word.alternatives) : 0), 0);
      if (score > 0) scored.set(`${entry.sourceId}#${entry.section}`, { ...entry, score });
    }
  }
  return [...scored.values()].sort((left, right) => right.score - left.score || left.sourceId.localeCompare(right.sourceId) || left.section - right.section).slice(0, kindSectionLimit);
}

/** Corpus path → the document of the index that supersedes it. */
const replacements = rememberPerKey((index: LoadedIndex): Map<string, string> => {
  const byPath = new Map<string, string>();
  for (const document of index.documents.values()) for (const path of document.supersedes ?? []) byPath.set(path, document.sourceId);
  return byPath;
});

/** The document that replaces a document of the index (its `supersedes` names it), if any. */
export function supersedingOf(index: LoadedIndex, sourceId: string): string | undefined {
  const byPath = replacements(index);
  const document = index.documents.get(sourceId);
  const replacing = document ? byPath.get(document.path) : undefined;
  return replacing !== sourceId ? replacing : undefined;
}

/** "烟台市" and "烟台" are one city. */
const citiesOf = (text: string) => [...new Set(findPlaces(text).filter((place) => place.kind === 'city').map((place) => place.name.replace(/市$/, '')))];

/** The cities a statement is about: those it names, else, in a teaser (a snippet of a page about its title's city), the title's. */
const statementCities = rememberPerKey((statement: Statement, index: LoadedIndex): string[] => {
  const document = index.documents.get(statement.sourceId);
  const own = citiesOf(statement.normalized);
  return own.length > 0 || document?.kind !== 'teaser' ? own : citiesOf(index.text.normalize(document.title));
});

/** The cities the user names (this turn and the session's). */
const userCities = rememberPerKey((analysis: QuestionAnalysis): string[] =>
  analysis.situation.words.filter((word) => findPlaces(word).some((found) => found.kind === 'city' && found.name === word)).map((word) => word.replace(/市$/, '')),
);

/**
 * A statement about one city, judged against the cities the user names: another city's statement does not apply
 * ("潍坊…门诊限额" for a user in 烟台, both 山东) and the user's own city's addresses them more narrowly. Provinces
 * are judged by the statement's scope; a statement naming several cities (an enumeration) is about none of them.
 */
function placeVerdict({ index, analysis, statement, verdict }: { index: LoadedIndex; analysis: QuestionAnalysis; statement: Statement; verdict: ApplicabilityVerdict }): ApplicabilityVerdict {
  if (verdict.verdict === 'other_scope') return verdict;
  const cities = userCities(analysis);
  if (cities.length === 0) return verdict;
  const named = statementCities(statement, index);
  if (named.length !== 1) return verdict;
  if (cities.includes(named[0])) return { ...verdict, specificity: verdict.specificity + 1 };
  return { verdict: 'other_scope', specificity: 0, qualifiers: named };
}

/** What judging a statement's condition needs of the question, read once per part. */
interface PartReading {
  /** The user's words and their synonyms. */
  userWords: Set<string>;
  asked: Set<string>;
  askedActions: Set<string>;
  givenWords: Set<string>;
  /** A user who names two places, or a relation between them, or tells of moving, has described a move. */
  moved: boolean;
  /** The user's figures, less a figure the question checks ("听说要等一个半月" is not how long their situation lasted). */
  quantities: Quantity[];
  /** Whether the user says a word is not so. */
  saysNot: (word: string) => boolean;
  /** Whether the user says a word (or a shorter form of it they use) did not happen: a negation shortly before it in
   * the same clause ("一直没去派出所登记过" denies 居住登记). */
  denies: (word: string) => boolean;
  /** The user's words of two characters or more, as a list. */
  longUserWords: string[];
  /** Whether the user said a word or a synonym of it (remembered per word). */
  saidDirectly: (word: string) => boolean;
}

/** How far before a word a negation of the user's clause may stand and still deny it. */
const denialReach = 6;

/** Any verb of moving counts for a user who moved ("迁往"), as the words for moving elsewhere do. */
const moveWords = rememberPerKey((index: LoadedIndex): Set<string> => new Set([...index.reading.language.moveWords, ...index.reading.language.movementVerbs.filter((verb) => verb.length > 1)]));

const readPart = rememberPerKey((part: QuestionPart, index: LoadedIndex, analysis: QuestionAnalysis): PartReading => {
  const { synonyms } = index.reading;
  const userWords = new Set(analysis.situation.words.flatMap((word) => synonyms.alternatives(word)));
  const message = analysis.normalized;
  const negation = index.reading.language.negation;
  const denied = new Map<string, boolean>();
  // The user says a word is not so when a negation comes right before it ("没有接入").
  const saysNot = (word: string) => {
    let result = denied.get(word);
    if (result === undefined) {
      result =
        synonyms.alternatives(word).some((alternative) => {
          const at = message.indexOf(alternative);
          return at >= 0 && negation.some((cue) => message.slice(Math.max(0, at - cue.length), at) === cue || message.slice(Math.max(0, at - cue.length - 1), at - 1) === cue);
        }) || [...userWords].some((user) => user !== word && negation.some((cue) => user.startsWith(cue) && user.slice(cue.length).includes(word)));
      denied.set(word, result);
    }
    return result;
  };
  const { negationBreakers } = index.reading.language;
  const negatedAt = (at: number) => {
    const clauseStart = Math.max(...[',', '，', '。', ';', '；', '?', '？', '!', '！'].map((mark) => message.lastIndexOf(mark, at - 1))) + 1;
    const start = Math.max(clauseStart, at - denialReach);
    const window = message.slice(start, at);
    return negation.some((cue) => {
      const found = start + window.lastIndexOf(cue);
      // The negation of an A-not-A question ("能不能", "有没有") asks; it denies nothing.
      const asks = message[found - 1] !== undefined && message[found - 1] === message[found + 1];
      return found >= start && !asks && !negationBreakers.some((breaker) => message.startsWith(breaker, found));
    });
  };
  const refused = new Map<string, boolean>();
  // Only the user's account of their situation denies; the asking clause's own negation ("会不会不随证迁移") asks.
  const askedFrom = message.indexOf(part.asked);
  const asking = (at: number) => askedFrom >= 0 && at >= askedFrom && at < askedFrom + part.asked.length;
  const denies = (word: string) => {
    let result = refused.get(word);
    if (result === undefined) {
      const forms = [...synonyms.alternatives(word), ...[...userWords].filter((user) => user.length >= 2 && user !== word && word.includes(user))];
      result = forms.some((form) => {
        for (let at = message.indexOf(form); at >= 0; at = message.indexOf(form, at + 1)) if (!asking(at) && negatedAt(at)) return true;
        return false;
      });
      refused.set(word, result);
    }
    return result;
  };
  const direct = new Map<string, boolean>();
  const saidDirectly = (word: string) => {
    let result = direct.get(word);
    if (result === undefined) {
      result = synonyms.alternatives(word).some((alternative) => userWords.has(alternative));
      direct.set(word, result);
    }
    return result;
  };
  return {
    userWords,
    longUserWords: [...userWords].filter((user) => user.length >= 2),
    saidDirectly,
    asked: new Set(part.predicate.flatMap((word) => word.alternatives.map(synonyms.canonical))),
    askedActions: new Set(part.predicate.filter((word) => word.verb || word.noun).flatMap((word) => word.alternatives.map(synonyms.canonical))),
    givenWords: new Set(part.given.flatMap((word) => synonyms.alternatives(word).map(synonyms.canonical))),
    // So does one who tells of moving ("从老家搬到南京"), though only one place is known.
    moved: (analysis.situation.scope.relation !== null && analysis.situation.scope.relation !== 'same-city') || part.given.some((word) => moveWords(index).has(word)),
    quantities: checksFigure(part) ? analysis.situation.quantities.filter((quantity) => !part.quantities.some((checked) => sameAmount(checked, quantity))) : analysis.situation.quantities,
    saysNot,
    denies,
  };
});

/** Whether `word` lies in the enumeration before a marker of alternatives ("…就业、…住所、…就读条件之一"), which
 * starts after the last clause break or 并/且 before the marker. */
function withinAlternatives(text: string, word: string, markers: string[]): boolean {
  const at = text.indexOf(word);
  if (at < 0) return false;
  return markers.some((marker) => {
    for (let end = text.indexOf(marker); end >= 0; end = text.indexOf(marker, end + 1)) {
      const start = Math.max(...[',', '，', '并', '且', ';', '；'].map((mark) => text.lastIndexOf(mark, end - 1))) + 1;
      if (at >= start && at < end) return true;
    }
    return false;
  });
}

/** A statement's condition with a general verb ("转移接续完成后": 完成) read as no event the user must have told. */
const conditionEvents = rememberPerKey((statement: Statement, index: LoadedIndex): StatementCondition => {
  const { lightVerbs } = index.reading.language;
  const condition = statement.condition!;
  // Where each word stands in the condition, to tell which touch.
  let from = 0;
  const spans = condition.words.map(({ word }) => {
    const at = condition.text.indexOf(word, from);
    if (at >= 0) from = at + word.length;
    return at >= 0 ? { start: at, end: at + word.length } : null;
  });
  const touches = (left: number, right: number) => spans[left] !== null && spans[right] !== null && spans[left]!.end === spans[right]!.start;
  return {
    ...condition,
    words: condition.words.map((entry, position) => {
      if (!entry.verb) return entry;
      if (lightVerbs.includes(entry.word)) return { ...entry, verb: false };
      // A verb between a verb and its object's noun ("离开|常住|户口所在地") narrows that noun: it is no event.
      const next = condition.words[position + 1];
      const modifier = position > 0 && condition.words[position - 1].verb && next !== undefined && !next.verb && touches(position - 1, position) && touches(position, position + 1);
      return modifier ? { ...entry, verb: false } : entry;
    }),
  };
});

/** The words of a statement's consequence: its clauses other than conditions and labels. */
const consequenceOf = rememberPerKey((statement: Statement): Set<string> => new Set(statement.analysis.clauses.flatMap((clause, position) => (clause.condition || clause.label ? [] : statement.clauseTokens[position]))));

const verdictCache = new WeakMap<QuestionPart, { analysis: QuestionAnalysis; verdicts: Map<string, ApplicabilityVerdict> }>();

/**
 * Applicability of a statement to the user: its document still in force, its scope, then its condition. A statement
 * is judged once per question part, however many steps read it.
 */
export function judgeStatement({ index, analysis, part, statement }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; statement: Statement }): ApplicabilityVerdict {
  let judged = verdictCache.get(part);
  if (!judged || judged.analysis !== analysis) {
    judged = { analysis, verdicts: new Map() };
    verdictCache.set(part, judged);
  }
  let verdict = judged.verdicts.get(statement.key);
  if (!verdict) {
    verdict = readVerdict({ index, analysis, part, statement });
    judged.verdicts.set(statement.key, verdict);
  }
  return verdict;
}

function readVerdict({ index, analysis, part, statement }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; statement: Statement }): ApplicabilityVerdict {
  if (supersedingOf(index, statement.sourceId)) return { verdict: 'superseded', specificity: 0, qualifiers: [] };
  // A user going abroad is answered only by a statement about going abroad ("出境定居的").
  const { situation } = analysis;
  const abroad = situation.scope.foreign && index.reading.language.foreignPlaces.some((word) => statement.normalized.includes(word));
  const user = abroad ? { ...situation, scope: { ...situation.scope, foreign: false } } : situation;
  const verdict = placeVerdict({ index, analysis, statement, verdict: applicabilityOf({ statement, user, scope: index.reading.scope }) });
  if (verdict.verdict === 'other_scope' || !statement.condition) return verdict;
  const { synonyms } = index.reading;
  const { userWords, longUserWords, saidDirectly, asked, askedActions, givenWords, moved, quantities, saysNot, denies } = readPart(part, index, analysis);
  const consequence = consequenceOf(statement);
  const conditionText = statement.condition.text;
  const conditionWords = statement.condition.words.map((entry) => entry.word);
  const moving = moveWords(index);
  // Places and scope words of a condition ("从广东迁往外省的") were judged with the statement's scope above.
  const scopeWord = (word: string) => findPlaces(word).length > 0 || scopeTerms(index).has(word);
  // A word counts as said when the user said it or a synonym, or said a longer or shorter form of it at the same
  // place of the condition ("过期" for "有效期满": the user's "有效期满" covers the condition's "有效期").
  const shortVerbs = part.focus.filter((focusWord) => focusWord.verb && focusWord.word.length === 1).map((focusWord) => focusWord.word);
  const mentions = (word: string) =>
    (moved && synonyms.alternatives(word).some((alternative) => moving.has(alternative))) ||
    saidDirectly(word) ||
    longUserWords.some((user) => (user.includes(word) || word.includes(user)) && overlaps(conditionText, user, word, conditionWords)) ||
    // A one-character verb of the user's names the two-character verb it starts ("补" → 补领).
    (word.length === 2 && shortVerbs.some((verb) => word.startsWith(verb)));
  const said = (word: string, negated: boolean) => mentions(word) && (!negated || saysNot(word));
  const { met, matched, durationUnstated, failed } = conditionMet({
    condition: conditionEvents(statement, index),
    said,
    // One of several alternatives ("合法稳定就业、合法稳定住所、连续就读条件之一") the user lacks fails nothing.
    denies: (word) => !withinAlternatives(conditionText, word, index.reading.language.alternativeMarkers) && denies(word),
    ignore: (word) => consequence.has(word) || (asked.has(word) && !userWords.has(word)) || scopeWord(word),
    // What the question asks to happen and what it asks about are not the user's situation; a state in the asking
    // clause describes it ("交重复了能退吗": 重复 meets "若因…重复缴费").
    asked: (word) => askedActions.has(word) && !givenWords.has(word),
    quantities,
  });
  // Only how long the user's situation lasted is unknown: the statement holds for some of them, like a narrower one.
  if (!met && durationUnstated && verdict.verdict === 'applies') return { ...verdict, verdict: 'narrower', qualifiers: [...verdict.qualifiers, statement.condition.text] };
  // For a figure, a condition whose event is the very action asked about ("遗失申请换领、补领的" for "补领居住证要多少钱")
  // describes the case asked: it holds there, as a narrower statement does, unless the user's own situation misses it.
  // So does any condition the user's situation neither meets nor misses ("跨省转移时" for "转入地要几个工作日"): the
  // figure holds in that case, as a narrower statement's does; one that holds outright still comes first.
  if (!met && !failed && asksFigure(part) && verdict.verdict === 'applies') return { ...verdict, verdict: 'narrower', qualifiers: [...verdict.qualifiers, statement.condition.text] };
  if (!met) return { ...verdict, verdict: 'condition_not_met', ...(failed ? { missesCondition: true } : {}) };
  // A condition that only places the statement in time ("转入地受理后") is an anchor, met by any user at that step: it
  // makes the statement no narrower than one counting from the same point ("自转入地受理之日起计算").
  const { sequenceClosers } = index.reading.language;
  const anchor = statement.condition.quantities.length === 0 && statement.condition.text.split(/[,，;；]/).every((clause) => sequenceClosers.some((closer) => clause.trim().endsWith(closer)));
  return { ...verdict, specificity: verdict.specificity + (anchor ? 0 : matched) };
}

/** The statements of the best chunks for a part, each judged against the user's situation. */
export async function retrieveEvidence({ index, analysis, part }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart }): Promise<Evidence[]> {
  const query = [part.text, ...part.focus.filter((word) => !word.asked).map((word) => word.word)].join(' ');
  const hits = await searchChunks({ index, query, k: retrievedChunks, expanded: queryTokens({ index, part }) });
  const evidence: Evidence[] = [];
  // A statement sharing no word of the focus bears on nothing: it is not judged.
  const judge = (statement: Statement, rank: number): Evidence | null => {
    const covered = coverageOf({ index, part, statement });
    if (covered.coverage === 0) return null;
    const document = index.documents.get(statement.sourceId);
    return { statement, rank, ...covered, ...judgeStatement({ index, analysis, part, statement }), truncated: document?.truncated ?? false };
  };
  const seen = new Set<string>();
  hits.forEach((hit, rank) => {
    for (const statement of index.statementsByChunk.get(hit.chunk.id) ?? []) {
      seen.add(statement.key);
      const item = judge(statement, rank);
      if (item) evidence.push(item);
    }
  });
  // A question asking for conditions, materials, steps or channels also reads the sections headed by that kind whose
  // heading names something of the focus ("转移条件" for "跨省转医保要满足哪些条件"): such a heading can lie in a chunk
  // that shares few words with the question.
  for (const { sourceId, section } of kindSections({ index, part })) {
    const document = index.documents.get(sourceId);
    for (const statement of index.statementsBySource.get(sourceId) ?? []) {
      if (seen.has(statement.key) || !document || !isWithin(document.sections, statement.section, section)) continue;
      seen.add(statement.key);
      const item = judge(statement, retrievedChunks);
      if (item) evidence.push(item);
    }
  }
  // A question comparing kinds of move ("调去外省工作和在广东省内换个城市") also reads, in the documents found, the
  // statements about each kind: one side's rule may share few words with the question.
  const comparedRelations = part.type === 'difference' ? part.compared.map((thing) => detectUserScope({ text: thing, scope: index.reading.scope }).relation) : [];
  if (comparedRelations.length >= 2 && comparedRelations.every((relation) => relation !== null) && new Set(comparedRelations).size === comparedRelations.length) {
    for (const sourceId of new Set(hits.map((hit) => hit.chunk.sourceId))) {
      for (const statement of index.statementsBySource.get(sourceId) ?? []) {
        if (seen.has(statement.key) || statement.scope.relation === null || !comparedRelations.includes(statement.scope.relation)) continue;
        seen.add(statement.key);
        const item = judge(statement, retrievedChunks);
        if (item) evidence.push(item);
      }
    }
  }
  // A question asking who acts also reads the statements saying who does, in the documents found: one such sentence
  // ("未满16周岁的未成年人，由监护人代为申领") shares few words with a question wrapped in the user's story.
  // So does a yes/no question whether the user may act themselves ("他自己能去办吗").
  const asksSelf = part.yesNo !== null && part.predicate.some((word) => word.alternatives.some((alternative) => index.reading.language.reflexives.includes(alternative)));
  if (part.type === 'who' || asksSelf) {
    for (const sourceId of new Set(hits.map((hit) => hit.chunk.sourceId))) {
      for (const statement of index.statementsBySource.get(sourceId) ?? []) {
        if (seen.has(statement.key) || !namesAgent(statement.normalized, index.reading.language)) continue;
        seen.add(statement.key);
        const item = judge(statement, retrievedChunks);
        if (item) evidence.push(item);
      }
    }
  }
  // A question asking for a figure also reads every statement stating one of its kind that covers the focus as well
  // as the retrieved ones do: a figure in a short list item can rank below long paragraphs that merely share words.
  // So does a question comparing a place with everywhere else ("浙江和别的省份…有什么区别"): the general rule may
  // lie far from the place's own in the ranking.
  const comparesElsewhere = part.type === 'difference' && part.compared.some((thing) => index.reading.scope.complements.includes(thing));
  if (asksFigure(part) || comparesElsewhere) {
    // An anecdote never answers, so it does not raise the bar either ("据了解…重新等待半年").
    const floor = comparesElsewhere ? valueCoverage : Math.max(valueCoverage, ...evidence.filter((item) => !item.statement.example).map((item) => item.coverage)) * valueShare;
    // Through the claims' subject index: only claims about a word of the focus can cover it. The rarest words are
    // looked up first, and the commonest ones ("医保" in a large corpus) only while the lookup stays small.
    const { synonyms } = index.reading;
    const lists = [...new Set(part.focus.flatMap((word) => word.alternatives.map(synonyms.canonical)))]
      .map((word) => index.claimsByWord.get(word) ?? [])
      .filter((list) => list.length > 0)
      .sort((left, right) => left.length - right.length);
    const claims: Claim[] = [];
    for (const list of lists) {
      if (claims.length > 0 && claims.length + list.length > figureLookup) break;
      claims.push(...list);
    }
    for (const claim of claims) {
      if (seen.has(claim.statement.key) || (!comparesElsewhere && (claim.kind !== 'quantity' || !claim.quantity || !answersPart(part, claim.quantity)))) continue;
      seen.add(claim.statement.key);
      const item = judge(claim.statement, retrievedChunks);
      if (item && item.coverage >= floor) evidence.push(item);
    }
  }
  return evidence;
}
