// A yes/no part: each statement's yes or no to what is asked, reconciled; the adopted side's word and statement lead.
import type { LoadedIndex } from '../index/load-index.js';
import type { FocusWord, QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import { analyseSentence } from '../reconcile/analyse-sentence.js';
import { findQuantities } from '../reconcile/find-quantities.js';
import { caseOf, leadInText } from '../reconcile/lead-in-text.js';
import { isManner, readPolarity, type PolarityReading } from '../reconcile/read-polarity.js';
import { reconcileCandidates } from '../reconcile/reconcile-candidates.js';
import type { Resolution } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { Language } from '../rules/compile-language.js';
import { coverageOf, judgeStatement, scopeTerms, type Evidence } from '../retrieval/retrieve-evidence.js';
import { rememberPerKey } from '../text/remember-per-key.js';
import { questionContextOf } from './answer-question.js';
import { best, candidateOf, scoreEvidence } from './rank-evidence.js';

export interface PolarEvidence {
  evidence: Evidence;
  reading: PolarityReading;
  /** A list item read through the sentence it continues: that lead-in, as the document writes it. */
  leadIn?: string;
}

const comparableShare = 0.5;
/** A statement the user's own figures decide addresses their situation more narrowly than any scope or condition. */
const missedDurationWeight = 6;
/** A word in at most this share of the chunks names something specific. */
const specificShare = 0.1;
/** A word in at least this share of the chunks is what the corpus is about, not what tells its statements apart. */
const ubiquitousShare = 0.9;


/**
 * The asked nouns the corpus uses least: what the question is about ("统筹账户" in "统筹账户的钱能转到新的参保地吗").
 * Nouns about as rare as the rarest one (within 1.5×) all count.
 */
export function distinctiveNouns({ index, part, around = false }: { index: LoadedIndex; part: QuestionPart; around?: boolean }): FocusWord[] {
  const { frequency } = questionContextOf(index);
  // A word the corpus does not use counts by its most used alternative ("姥姥" by "外祖父母").
  const used = (word: FocusWord) => Math.max(0, ...word.alternatives.filter((alternative) => alternative.length > 1).map(frequency));
  // Scope words (a place, a district, a type) say whose situation it is, not what is asked about.
  const scope = scopeTerms(index);
  // Nor is a word the corpus uses nearly everywhere ("公积金" in a corpus about it): naming it tells no statement apart.
  const ubiquitous = ubiquitousShare * index.lexical.documentCount;
  const nounOf = (word: FocusWord) => word.noun && word.word.length > 1 && used(word) > 0 && used(word) < ubiquitous && !scope.has(word.word);
  // `around`: an asking clause without a noun of its own ("…,要办多长时间") asks about the nouns named around it.
  // One naming an action of its own ("…,最晚多少天之内得去登记") asks about that action, not the story's nouns; a
  // one-character verb ("能贷多少") takes its object from them.
  const { lightVerbs, verbComplements } = index.reading.language;
  const acts = part.predicate.some((word) => word.verb && word.word.length > 1 && used(word) > 0 && !lightVerbs.includes(word.word) && !verbComplements.includes(word.word));
  const named = part.predicate.some(nounOf) || !around || acts ? part.predicate.filter(nounOf) : part.focus.filter(nounOf);
  if (named.length === 0) return [];
  const rarest = Math.min(...named.map(used));
  // A head noun after a 的 ("补缴产生的滞纳金") is what is asked about when the corpus uses it sparingly; a common
  // one ("统筹账户的钱") leaves that to its modifier.
  const heaviest = Math.max(...named.map((word) => word.weight));
  const specific = specificShare * index.lexical.documentCount;
  const chosen = named.filter((word) => used(word) <= rarest * 1.5 || (word.weight === heaviest && used(word) <= specific));
  // A statement may name the noun a chosen modifier narrows instead of it ("不再限定在居住地派出所" for "户口所在区的派出所").
  const heads = named.filter((word) => !chosen.includes(word) && chosen.some((modifier) => modifier.modifies === word.word));
  return [...chosen, ...heads];
}

/** The distinctive nouns the corpus uses sparingly: a statement that answers must name one ("缴费基数"). */
export function specificNouns({ index, part, around = false }: { index: LoadedIndex; part: QuestionPart; around?: boolean }): FocusWord[] {
  const { frequency } = questionContextOf(index);
  const limit = specificShare * index.lexical.documentCount;
  return distinctiveNouns({ index, part, around }).filter((word) => Math.max(0, ...word.alternatives.filter((alternative) => alternative.length > 1).map(frequency)) <= limit);
}


/**
 * Whether a statement is about the distinctive noun: it names it (or its label does), and — when it answers by a
 * verb — not only as one item of a coordination ("转移个人账户及统筹账户余额" mentions, it does not state).
 */
export function isAbout(statement: PolarEvidence['evidence']['statement'], nouns: FocusWord[], basis: string, { coordinators, anaphora }: Pick<Language, 'coordinators' | 'anaphora'>): boolean {
  if (nouns.length === 0) return true;
  // A figure in a section ("起付标准 :由500元降至200元" under "…职工医保门诊报销比例…") is about what its headings name.
  const text = basis === 'quantity' ? `${statement.label ?? ''}|${statement.path.join('|')}|${statement.normalized}` : `${statement.label ?? ''}|${statement.normalized}`;
  const alternatives = nouns.flatMap((noun) => noun.alternatives.filter((alternative) => alternative.length > 1));
  // "原账户" refers back to the 个人账户 the page is about: a noun's head after an anaphoric prefix names it too.
  for (const noun of nouns) {
    const head = noun.word.slice(-2);
    if (noun.word.length > 2 && anaphora.some((prefix) => text.includes(`${prefix}${head}`))) alternatives.push(`${anaphora.find((prefix) => text.includes(`${prefix}${head}`))}${head}`);
  }
  const positions = alternatives.flatMap((alternative) => {
    const found: Array<[number, number]> = [];
    for (let at = text.indexOf(alternative); at >= 0; at = text.indexOf(alternative, at + 1)) found.push([at, at + alternative.length]);
    return found;
  });
  if (positions.length === 0) return false;
  if (basis === 'noun') return true;
  const coordinated = (start: number, end: number) => coordinators.some((word) => text.startsWith(word, end) || text.slice(0, start).endsWith(word));
  return positions.some(([start, end]) => !coordinated(start, end));
}

/**
 * Statements beyond the retrieved passages whose claims are about the distinctive nouns and use an asked verb: the
 * comparable claims of the corpus, found through the claims' subject index.
 */
export function claimEvidence({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): Evidence[] {
  const { synonyms } = index.reading;
  const nouns = distinctiveNouns({ index, part });
  const verbs = new Set(part.predicate.filter((word) => word.verb).flatMap((word) => word.alternatives.map(synonyms.canonical)));
  if (nouns.length === 0 || verbs.size === 0) return [];
  const known = new Set(evidence.map((item) => item.statement.key));
  const found: Evidence[] = [];
  for (const noun of nouns) {
    for (const word of new Set(noun.alternatives.map(synonyms.canonical))) {
      for (const claim of index.claimsByWord.get(word) ?? []) {
        const { statement } = claim;
        if (known.has(statement.key) || claim.kind !== 'polarity' || !claim.words.some((token) => verbs.has(token))) continue;
        known.add(statement.key);
        const document = index.documents.get(statement.sourceId);
        found.push({ statement, rank: 50, ...coverageOf({ index, part, statement }), ...judgeStatement({ index, analysis, part, statement }), truncated: document?.truncated ?? false });
        if (found.length >= 24) return found;
      }
    }
  }
  return found;
}

/** Whether a statement's condition names an action the part asks about (a word or its synonyms). */
function presupposesAsked(statement: Statement, part: QuestionPart, language: Language): boolean {
  const condition = statement.condition?.text ?? '';
  const asked = part.predicate.filter((word) => word.verb && part.asked.includes(word.word));
  // A general verb ("办理") names no action of its own: "办理居住登记" does not presuppose 申领.
  return asked.some((word) => word.alternatives.some((alternative) => alternative.length > 1 && !language.lightVerbs.includes(alternative) && condition.includes(alternative)));
}

/**
 * Whether the part checks a claim that something is not needed: the asking clause says so ("是不是不用再交了"), or
 * it only asks for confirmation ("是这样吗") of a clause that says so.
 */
function deniesRequirement(part: QuestionPart, language: Language): boolean {
  const says = (text: string) => language.unnecessary.some((cue) => text.includes(cue));
  if (says(part.asked)) return true;
  return says(part.text) && part.predicate.every((word) => !part.asked.includes(word.word));
}

/** The lead-in a list item continues ("职工有下列情形之一的,可以申请提取本人住房公积金账户余额"), read as a statement. */
const leadInOf = rememberPerKey((statement: Statement, index: LoadedIndex): Statement | null => {
  // Only a case the lead-in speaks of ("（六）出境定居的。"); an item of another kind says its own thing.
  const heading = caseOf(statement) !== null ? leadInText(statement) : null;
  if (!heading) return null;
  const analysis = analyseSentence({ text: heading, language: index.reading.language });
  return { ...statement, normalized: heading, label: null, path: statement.path.slice(0, -1), analysis, clauseTokens: analysis.clauses.map((clause) => index.reading.words(heading.slice(clause.start, clause.end))) };
});

/** Every piece of evidence that says yes or no to the part's question. */
export function readAnswers({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): PolarEvidence[] {
  const { language, synonyms } = index.reading;
  const nouns = distinctiveNouns({ index, part });
  const given = new Set(part.given.flatMap((word) => synonyms.alternatives(word)));
  // The quantities of the asking clause, or of the rumour it asks back about ("听人说…要封存满一年才能取，是不是这样").
  const askedQuantities = findQuantities({ text: part.asked, language });
  // (A figure asked back, "真有这么慢吗", is checked among the figures of its kind instead.)
  const checkedQuantities = askedQuantities.length > 0 || part.type !== 'yesno' ? askedQuantities : part.quantities;
  // Asked with a necessity cue ("是不是一定得…") or a construction answered by one ("要不要先注销", 需要/不需要).
  // A one-character modal asks it right after a question word ("是不是得先取出来", "是否须").
  const asksNecessity =
    language.necessary.some((cue) => cue.length > 1 && part.asked.includes(cue)) ||
    language.necessityAfterQuestion.some((cue) => language.questionWords.some((word) => part.asked.includes(word + cue))) ||
    (part.yesNo !== null && language.necessary.includes(part.yesNo.yes));
  // A rumour that something is no longer needed ("交满15年以后就不用再交了，是这样吗") is checked against what the
  // statements say is required: one requiring it says no, one saying it is not needed says yes; others say nothing.
  const deniesNecessity = !asksNecessity && deniesRequirement(part, language);
  // What is asked to be required are the words after the modal ("转店一定要|先停卡", "签注必须去|…派出所"); the words
  // before it are the topic.
  const modalAt = Math.min(...[...language.necessary, ...language.unnecessary].map((cue) => part.text.indexOf(cue)).filter((at) => at >= 0));
  const requiredWords = Number.isFinite(modalAt) ? part.predicate.filter((word) => part.text.indexOf(word.word, modalAt) > modalAt) : [];
  const polar: PolarEvidence[] = [];
  const { frequency } = questionContextOf(index);
  const sparse = specificShare * index.lexical.documentCount;
  // Broad categories ("家人") are how a member ("外公") is found, not what makes a statement about it.
  const broad = new Set([...language.categories.values()].flatMap((names) => names.slice(1)));
  const specific = nouns.map((noun) => ({ ...noun, alternatives: noun.alternatives.filter((alternative) => !broad.has(alternative)) }));
  // A scope word ("居民医保") says whose situation it is and a kind word ("办法") what sort of answer is wanted: a
  // statement that merely mentions either answers nothing.
  const scope = scopeTerms(index);
  const kinds = new Set(language.sectionKinds.map((entry) => entry.word));
  const readable = part.predicate.filter((word) => word.verb || !(scope.has(word.word) || kinds.has(word.word)));
  for (const item of evidence) {
    // Examples and anecdotes illustrate; they do not answer.
    if (item.statement.example) continue;
    const read = (statement: Statement) => readPolarity({
      statement,
      words: readable,
      quantities: checkedQuantities,
      askedText: askedQuantities.length > 0 ? part.asked : undefined,
      presupposed: (word) => [...given].some((said) => said.length > 1 && (word.includes(said) || said.includes(word))),
      userQuantities: analysis.situation.quantities,
      language,
      asksNecessity: asksNecessity || deniesNecessity,
      required: asksNecessity || deniesNecessity ? requiredWords : undefined,
    });
    // An item of a list ("（六）出境定居的。") says what its lead-in says of it ("职工有下列情形之一的,可以申请提取…").
    // A case item ("（五）…封存满6个月的；") states nothing of its own: it is a condition of its lead-in.
    const own = caseOf(item.statement) === null ? read(item.statement) : null;
    // (A figure the user checks, "要封存满一年才能取", is not answered by what the lead-in allows.)
    const leadIn = own || askedQuantities.length > 0 || part.quantities.length > 0 ? null : leadInOf(item.statement, index);
    const reading = own ?? (leadIn ? read(leadIn) : null);
    // What the reading is of: the item's own sentence, or its lead-in; what it is about, either.
    const readOf = own || !leadIn ? item.statement : leadIn;
    const about = (words: FocusWord[], basis: string) => isAbout(readOf, words, basis, language) || (readOf !== item.statement && isAbout(item.statement, words, basis, language));
    const continued = !own && reading && item.statement.section !== null ? { leadIn: index.documents.get(item.statement.sourceId)?.sections[item.statement.section]?.heading } : {};
    if (deniesNecessity && reading && !reading.necessity) continue;
    // Whether something must be done is not answered by a statement that supposes it is done ("若需提取…,需通过…办理
    // 提现手续" for "是不是得先取出来"): only one saying it is required or not needed does.
    if (asksNecessity && reading && !reading.necessity && presupposesAsked(readOf, part, language)) continue;
    // A statement answering by the asked verb about the member's category ("为家人缴纳" for "给我妈交") answers too.
    // A statement saying whether the asked action is required ("无需办理注销手续") is about it whatever nouns it names.
    if (!reading || !(reading.necessity || about(specific, reading.basis) || (reading.basis === 'predicate' && about(nouns, reading.basis)))) continue;
    // "满半年…可以申领" to a user who has been there two months says no (not yet): the statement applies to them
    // through the duration they miss.
    if (item.verdict === 'condition_not_met' && item.missesCondition && reading.answer === 'yes' && (reading.basis === 'predicate' || reading.basis === 'outcome')) {
      // A condition that names the asked action ("…补缴了费用,那么…次月享受待遇") presupposes it: missing the duration
      // says nothing about whether the action is possible.
      if (presupposesAsked(readOf, part, language)) continue;
      polar.push({ evidence: { ...item, verdict: 'applies', specificity: item.specificity + missedDurationWeight }, reading: { ...reading, answer: 'no' }, ...continued });
      continue;
    }
    // A statement naming what the user's situation names ("医生开的是进口靶向药" → "丙类药品(如靶向药、进口药)…")
    // addresses them more narrowly than one about the topic alone.
    // A word the corpus uses everywhere ("居住证" in a corpus about it) narrows nothing.
    const namesGiven = [...given].some((word) => word.length > 1 && !scope.has(word) && frequency(word) <= sparse && item.statement.normalized.includes(word));
    const checked = deniesNecessity && reading.necessity ? { ...reading, answer: reading.answer === 'yes' ? ('no' as const) : ('yes' as const) } : reading;
    polar.push({ evidence: namesGiven ? { ...item, specificity: item.specificity + 1 } : item, reading: checked, ...continued });
  }
  // A statement that only mentions an asked noun says nothing when others answer by the asked verb about it.
  return polar.some((item) => item.reading.basis !== 'noun') ? polar.filter((item) => item.reading.basis !== 'noun') : polar;
}

/** The resolution of the statements comparable with the best one, and that best statement. */
export function resolveYesNo({ index, part, polar }: { index: LoadedIndex; part: QuestionPart; polar: PolarEvidence[] }): { lead: PolarEvidence; resolution: Resolution } | null {
  const applicable = polar.filter((item) => item.evidence.verdict === 'applies');
  // The strongest reading leads: a statement naming the asked quantity, then one using the asked verb.
  const strength: Record<PolarityReading['basis'], number> = { quantity: 0, predicate: 1, outcome: 2, noun: 3 };
  const pool = applicable.length > 0 ? applicable : polar.filter((item) => item.evidence.verdict === 'narrower');
  const strongest = Math.min(...pool.map((item) => strength[item.reading.basis]));
  const lead = best(pool.filter((item) => strength[item.reading.basis] === strongest));
  if (!lead) return null;
  // Comparable: statements that answer by the asked verb or outcome about the asked subject (found by readAnswers),
  // and statements that only mention a noun when they are about as relevant as the best one.
  // Either way, a rival names what the question asks something of when the best one does: one naming only other
  // words of it ("本人" of "签注能不能…不用本人去") is about something else.
  const floor = comparableShare * lead.evidence.coverage;
  const names = (item: PolarEvidence, thing: FocusWord) => thing.alternatives.some((alternative) => alternative.length > 1 && `${item.evidence.statement.label ?? ''}|${item.evidence.statement.normalized}`.includes(alternative));
  const topics = part.predicate.filter((word) => word.topic && word.noun && names(lead, word));
  // So does a word of how or where it is done, asked after the topic ("网上" of "签注网上办不了吗"): a statement not
  // saying it is about the act.
  const manners = part.predicate.filter((word) => word.asked && !word.topic && isManner(word, index.reading.language) && names(lead, word));
  // A statement that only mentions a noun is no rival of one answering by a quantity, the verb or the outcome.
  const mentionsOnly = (item: PolarEvidence) => item.reading.basis === 'noun' && lead.reading.basis !== 'noun';
  const comparable = polar.filter((item) => !mentionsOnly(item) && (topics.length === 0 || topics.some((thing) => names(item, thing))) && (manners.length === 0 || manners.some((manner) => names(item, manner))) && ((item.reading.basis !== 'noun' && item.evidence.coverage >= floor / 2) || (item.evidence.coverage >= floor && scoreEvidence(item.evidence) >= comparableShare * scoreEvidence(lead.evidence))));
  // A statement that only says something may happen ("断交还可能导致缴费年限中断") is no rival of ones that say what
  // does: beside them it is an exception.
  const hedged = (item: PolarEvidence) => item.evidence.statement.analysis.clauses[item.reading.clause]?.hedge === 'partial';
  const definite = comparable.some((item) => item.evidence.verdict === 'applies' && !hedged(item));
  const seen = new Set<string>();
  const candidates = comparable
    .filter((item) => !seen.has(item.evidence.statement.key) && seen.add(item.evidence.statement.key))
    .map((item) => {
      const candidate = candidateOf({ index, evidence: item.evidence, valueKey: item.reading.answer });
      return definite && hedged(item) && candidate.verdict === 'applies' ? { ...candidate, verdict: 'narrower' as const } : candidate;
    });
  return { lead, resolution: reconcileCandidates(candidates) };
}
