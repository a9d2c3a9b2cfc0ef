// Steps 3–4 for one question part: gather the comparable statements of the asked type and reconcile them.
import { sentenceKey } from '../index/find-duplicates.js';
import type { LoadedIndex } from '../index/load-index.js';
import { sectionTypes } from '../question/analyse-question.js';
import type { FocusWord, QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import { isNegated } from '../reconcile/analyse-sentence.js';
import { isSetAside } from '../reconcile/applicability.js';
import { exceedsLimit, sameAmount, sameKind } from '../reconcile/find-quantities.js';
import { namesAgent } from '../reconcile/names-agent.js';
import { decidingFirst } from '../reconcile/reconcile-candidates.js';
import type { Candidate, Resolution } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import { answersPart, coverageOf, idf, judgeStatement, scopeTerms, type Evidence } from '../retrieval/retrieve-evidence.js';
import { rememberPerKey } from '../text/remember-per-key.js';
import { findPlaces } from '../vocabulary/region-gazetteer.js';
import { chooseSection, type SectionChoice } from './answer-section.js';
import { compareThings } from './compare-things.js';
import { wordsOf } from './words-of.js';
import { reckonDate } from './reckon-date.js';
import { scaleRate } from './scale-rate.js';
import { quantityKey, resolveValue } from './answer-value.js';
import { claimEvidence, readAnswers, resolveYesNo } from './answer-yes-no.js';
import type { PartAnswer } from './part-answer-types.js';
import { best, isSayable, minimumCoverage, scoreEvidence } from './rank-evidence.js';

const valueTypes = new Set(['number', 'duration', 'when']);
const maxPoints = 3;
const minimumAskedCoverage = 0.25;

/** Other sources saying the same sentence (copies), to cite beside it. */
function copiesOf(statement: Statement, evidence: Evidence[]): Statement[] {
  const key = keyOf(statement);
  const copies: Statement[] = [];
  for (const item of evidence) {
    if (item.statement.sourceId === statement.sourceId || copies.some((copy) => copy.sourceId === item.statement.sourceId)) continue;
    if (keyOf(item.statement) === key) copies.push(item.statement);
  }
  return copies.slice(0, 2);
}

/**
 * The statement that speaks for the adopted side: applicable, from a consistent source, the one that decided the
 * scope rule, one that says the asked word itself (`preference`, lower first), then the most relevant.
 */
function representative(resolution: Resolution, evidence: Evidence[], preference: (statement: Statement) => number = () => 0): Statement | null {
  if (!resolution.adopted) return null;
  const rejected = new Set(resolution.rejected.map((entry) => entry.candidate.statement.key));
  const byKey = new Map<string, Evidence>();
  for (const item of evidence) if (!byKey.has(item.statement.key)) byKey.set(item.statement.key, item);
  const deciding = decidingFirst(resolution.rule);
  const ranked = resolution.adopted.candidates
    .filter((candidate) => candidate.verdict === 'applies' && !rejected.has(candidate.statement.key))
    .map((candidate) => ({ candidate, item: byKey.get(candidate.statement.key) }))
    .filter((entry): entry is { candidate: Candidate; item: Evidence } => entry.item !== undefined)
    // The statement that decided the rule speaks for its side (the most specific, authoritative or newest); otherwise
    // the most relevant one.
    .sort(
      (left, right) =>
        (resolution.rule === 'scope' ? right.item.specificity - left.item.specificity : 0) ||
        deciding(left.candidate, right.candidate) ||
        preference(left.item.statement) - preference(right.item.statement) ||
        scoreEvidence(right.item) - scoreEvidence(left.item),
    );
  return ranked[0]?.item.statement ?? resolution.adopted.candidates.find((candidate) => candidate.verdict === 'applies')?.statement ?? null;
}

/** A short name for what the comparable statements are about: the lead's label, else the question's asked words. */
function topicOf(part: QuestionPart, lead: Statement | undefined): string {
  if (lead?.label) return lead.label;
  const asked = part.predicate.map((word) => word.word).join('');
  return asked || lead?.path.at(-1) || '';
}

/** A statement's sentence without punctuation or spaces: copies of one sentence share it. */
const keyOf = rememberPerKey((statement: Statement): string => sentenceKey(statement.normalized));


/**
 * Points after the lead: relevant, applicable statements that neither repeat the lead nor state a set-aside value.
 * Statements of the lead's own section elaborate it and rank higher.
 */
function choosePoints({ index, analysis, part, evidence, used, excluded, contrary, lead }: {
  index: LoadedIndex;
  analysis: QuestionAnalysis;
  part: QuestionPart;
  evidence: Evidence[];
  used: Set<string>;
  excluded: Set<string>;
  contrary: (item: Evidence) => boolean;
  lead?: Statement;
}): Statement[] {
  const sameSection = (statement: Statement) => lead !== undefined && statement.sourceId === lead.sourceId && statement.section === lead.section && statement.section !== null;
  // A point that shares the lead's words elaborates it ("…30日内到派出所办理居住登记" beside "先到派出所办理居住登记").
  const leadWords = new Set(lead ? lead.clauseTokens.flat().filter((word) => word.length > 1) : []);
  const shared = (statement: Statement) => {
    if (leadWords.size === 0) return 0;
    const words = wordsOf(statement);
    let count = 0;
    for (const word of leadWords) if (words.has(word)) count++;
    return count / leadWords.size;
  };
  // A question for a figure is elaborated by statements giving figures of its kind ("转出地…10个工作日").
  const figure = (statement: Statement) => (index.claimsByStatement.get(statement.key) ?? []).some((claim) => claim.quantity !== null && answersPart(part, claim.quantity));
  const otherFigures = (statement: Statement) => {
    const quantities = (index.claimsByStatement.get(statement.key) ?? []).flatMap((claim) => (claim.quantity ? [claim.quantity] : []));
    return quantities.length > 0 && !quantities.some((quantity) => answersPart(part, quantity));
  };
  const bonus = (item: Evidence) => scoreEvidence(item) + (sameSection(item.statement) ? 0.15 : 0) + 0.3 * shared(item.statement) + (valueTypes.has(part.type) && figure(item.statement) ? 0.15 : 0);
  const judged = new Set(evidence.map((item) => item.statement.key));
  const neighbours: Evidence[] = lead
    ? (index.statementsBySource.get(lead.sourceId) ?? [])
        .filter((statement) => sameSection(statement) && !judged.has(statement.key))
        .map((statement) => ({ statement, rank: 0, ...coverageOf({ index, part, statement }), ...judgeStatement({ index, analysis, part, statement }), truncated: false }))
    : [];
  const ranked = [...evidence, ...neighbours]
    .filter((item) => item.verdict === 'applies' && isSayable({ index, evidence: item }) && !item.statement.example)
    .map((item) => ({ item, score: bonus(item) }))
    .sort((left, right) => right.score - left.score);
  const top = ranked[0]?.score ?? 0;
  const points: Statement[] = [];
  for (const { item, score } of ranked) {
    if (points.length >= maxPoints || score < Math.max(0.25, 0.5 * top)) break;
    const key = keyOf(item.statement);
    if (used.has(key) || excluded.has(item.statement.key) || contrary(item)) continue;
    if (item.truncated && item.coverage < 0.6) continue;
    if (item.askedCoverage === 0 && part.focus.some((word) => word.asked)) continue;
    // For a figure, one stating only figures of another kind ("累计发放1.6亿张" beside "7个工作日") answers another question.
    if (valueTypes.has(part.type) && otherFigures(item.statement)) continue;
    // Where or how to do something is elaborated only by statements that name doing it.
    if (sectionTypes.has(part.type) && !namesAsked(part, index, item.statement)) continue;
    used.add(key);
    points.push(item.statement);
  }
  return points;
}

/**
 * The items of a section for the case the question names: when its labelled items are cases of one thing
 * ("购房提取：…", "退休提取：…") and the question names some by the words telling them apart (退休), those and the
 * unlabelled items (the lead-in) answer; otherwise all of them.
 */
function casesNamed(items: Statement[], part: QuestionPart, index: LoadedIndex): { items: Statement[]; others: string[] } {
  const all = { items, others: [] };
  const labelled = items.filter((item) => item.label !== null);
  if (labelled.length < 2) return all;
  const tokens = new Map(labelled.map((item) => [item, index.text.tokensOfNormalized(item.label!).filter((token) => token.length > 1)]));
  const common = new Set([...tokens.values()].reduce((shared, list) => shared.filter((token) => list.includes(token))));
  // Cases of one thing share their head ("提取"); labels of steps or conditions need not.
  if (common.size === 0) return all;
  const asked = new Set(part.focus.flatMap((word) => word.alternatives).filter((word) => word.length > 1));
  const named = labelled.filter((item) => tokens.get(item)!.some((token) => !common.has(token) && asked.has(token)));
  if (named.length === 0 || named.length === labelled.length) return all;
  const others = labelled.filter((item) => !named.includes(item)).flatMap((item) => tokens.get(item)!.filter((token) => !common.has(token)));
  return { items: items.filter((item) => item.label === null || named.includes(item)), others: [...new Set(others)] };
}

/** Statements limited to a situation the user did not mention that say something else: shown as exceptions. */
/** The statements the rules kept for narrower situations, each with what it is limited to (as its evidence says). */
function exceptionsOf(resolution: Resolution | null, used: Set<string>, evidence: Evidence[]): PartAnswer['exceptions'] {
  if (!resolution) return [];
  const qualifiersOf = (statement: Statement) => evidence.find((item) => item.statement.key === statement.key)?.qualifiers ?? [];
  const adopted = resolution.adopted?.valueKey;
  const exceptions: PartAnswer['exceptions'] = [];
  for (const candidate of resolution.exceptions) {
    const key = keyOf(candidate.statement);
    if (candidate.valueKey === adopted || used.has(key) || exceptions.length >= 2) continue;
    used.add(key);
    exceptions.push({ statement: candidate.statement, qualifiers: qualifiersOf(candidate.statement) });
  }
  return exceptions;
}

/**
 * For "哪些亲属…": the best enumeration that names what is listed (the asked noun or its category), preferring one
 * whose items are members of the asked category ("配偶、父母、子女" for 亲属).
 */
function bestList({ index, part, covering }: { index: LoadedIndex; part: QuestionPart; covering: Evidence[] }): Evidence | null {
  const asked = part.predicate.filter((word) => !word.verb);
  const categoryNames = new Set([...index.reading.language.categories.values()].flat());
  const members = (item: Evidence) => (item.statement.analysis.list ?? []).filter((entry) => categoryNames.has(entry) || index.reading.language.categories.has(entry)).length;
  const lists = covering.filter(
    (item) => item.verdict === 'applies' && item.statement.analysis.list !== null && asked.some((word) => word.alternatives.some((alternative) => alternative.length > 1 && item.statement.normalized.includes(alternative))),
  );
  return [...lists].sort((left, right) => members(right) - members(left) || scoreEvidence(right) - scoreEvidence(left) || left.statement.key.localeCompare(right.statement.key))[0] ?? null;
}

/**
 * The question's words the corpus uses that tell sections apart, rarest first, with their rarity: not a kind word
 * ("材料"), a word of the question's cue ("准备" of "准备哪些"), a scope word or a place. A one-character word counts by
 * its longer synonyms ("买" by "购房").
 */
function telling(index: LoadedIndex, part: QuestionPart, kinds: string[], situation: QuestionAnalysis['situation']): Array<{ word: FocusWord; rarity: number }> {
  // A term of a population the user is in ("退休" of 退休人员) names their case: it tells sections apart.
  const own = new Set(index.reading.scope.dimensions.filter((dimension) => dimension.name === 'population').flatMap((dimension) => dimension.terms.filter((entry) => (situation.scope.values.population ?? []).includes(entry.value)).map((entry) => entry.term)));
  const scope = new Set([...scopeTerms(index)].filter((term) => !own.has(term)));
  const cues = index.reading.language.answerTypeCues.filter((entry) => entry.type === part.type).map((entry) => entry.cue);
  // A person of the user's story ("我妈明年退休") is whose case it is, not a case of their own (父母提取); one the
  // asking clause names ("能取爸妈的公积金吗") is.
  const { categories } = index.reading.language;
  return part.focus
    .filter((word) => (word.asked || !categories.has(word.word)) && (word.noun || word.verb) && !kinds.includes(word.word) && !cues.some((cue) => cue.includes(word.word)) && !scope.has(word.word) && findPlaces(word.word).length === 0)
    .map((word) => ({ ...word, alternatives: word.alternatives.filter((alternative) => alternative.length > 1 && (index.lexical.postings[alternative]?.length ?? 0) > 0) }))
    .filter((word) => word.alternatives.length > 0)
    // A word is as rare as its most used form: "钱" is as common as "资金", however rare "存款" is.
    .map((word) => ({ word, rarity: Math.min(...word.alternatives.map((alternative) => idf(index, [alternative]))) }))
    .sort((left, right) => right.rarity - left.rarity);
}

/** How far a section not headed by the kind asked ranks behind the ones that are (beyond any words they name). */
const unheaded = 1000;

/** The inverse document frequency above which a word tells one passage from another. */
const rareEnough = 1.5;

/** Whether the part claims something holds always: a word saying so ("随时"), or an opener with a closer after it ("啥时候…都能"). */
function claimsAlways(part: QuestionPart, language: LoadedIndex['reading']['language']): boolean {
  if (language.universalWords.some((word) => part.text.includes(word))) return true;
  return language.universalOpeners.some((word) => {
    const at = part.text.indexOf(word);
    return at >= 0 && language.universalClosers.some((closer) => part.text.indexOf(closer, at + word.length) > at);
  });
}

/** Whether statements name an action the part's own question asks about (a verb other than a general one), if any. */
function namesAsked(part: QuestionPart, index: LoadedIndex, ...statements: Statement[]): boolean {
  if (part.type === 'list') return true;
  const light = (word: FocusWord) => index.reading.language.lightVerbs.includes(word.word);
  // A verb of the type's own cue ("带" of "要带什么材料") asks for the kind of answer, not an action to name.
  const cues = index.reading.language.answerTypeCues.filter((entry) => entry.type === part.type).map((entry) => entry.cue);
  const askedActions = part.predicate.filter((word) => word.verb && part.asked.includes(word.word) && !cues.some((cue) => cue.includes(word.word) && part.asked.includes(cue)));
  // When the asking clause's only verbs are light ones ("线下办的话…"), the action is the one the question names around
  // it ("从天津转到昆明").
  const actions = askedActions.length > 0 && askedActions.every(light) ? part.focus.filter((word) => word.verb && part.given.includes(word.word)) : askedActions;
  // A verb the corpus never uses ("自己去", "断掉") cannot be named by any statement: it does not decide.
  const used = (word: FocusWord) => word.alternatives.some((alternative) => (index.lexical.postings[alternative]?.length ?? 0) > 0);
  const verbs = actions.filter((word) => !light(word) && used(word)).flatMap((word) => word.alternatives.filter((alternative) => alternative.length > 0));
  if (verbs.length === 0) return true;
  // A page's title or question heading ("…可以转移吗?") spans the whole article: it does not say what a section is about.
  const headings = (statement: Statement) => {
    const title = index.text.normalize(index.documents.get(statement.sourceId)?.title ?? '');
    return statement.path.filter((heading) => !/[?？]$/.test(heading) && index.text.normalize(heading) !== title).join('');
  };

  const text = statements.map((statement) => `${statement.label ?? ''}${headings(statement)}${statement.normalized}`).join('\n');
  // A one-character verb names the action where a word starts with it ("转" in "转店"), not inside one ("开" in "打开").
  const words = verbs.some((verb) => verb.length === 1) ? index.text.tokensOfNormalized(text) : [];
  return verbs.some((verb) => (verb.length > 1 ? text.includes(verb) : words.some((word) => word.startsWith(verb))));
}

/** Answers one part from its evidence, or returns null when the knowledge base does not cover it. */
export function answerPart({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): PartAnswer | null {
  const sayable = evidence.filter((item) => isSayable({ index, evidence: item }) && !isSetAside(item.verdict));
  // Covering evidence names the focus; its sentence names the asked words too, unless it meets the user's situation
  // ("如新参保地未接入医保平台,可申请将资金划入…" for "…没有接入医保平台,个人账户余额能怎么处理").
  // For conditions, materials, steps and channels a statement's condition is what it describes, not a filter on the user.
  const readable = sectionTypes.has(part.type) ? evidence.filter((item) => isSayable({ index, evidence: item }) && item.verdict !== 'other_scope' && item.verdict !== 'superseded') : sayable;
  const covering = readable.filter((item) => !item.statement.example && item.coverage >= minimumCoverage && (item.askedCoverage >= minimumAskedCoverage || item.specificity >= 2 || !part.focus.some((word) => word.asked)));
  // Who acts is told by a statement saying who does what is asked ("由监护人代为申领" for "居住证谁去办"), however little
  // of the user's story it shares; one that does answers before any that does not.
  const agentive = (item: Evidence) => namesAgent(item.statement.normalized, index.reading.language);
  if (part.type === 'who') covering.push(...readable.filter((item) => !covering.includes(item) && !item.statement.example && agentive(item) && item.askedCoverage >= minimumAskedCoverage && item.coverage >= minimumCoverage / 2));
  // A statement whose condition the user's own duration misses still answers a yes/no question: not (yet).
  const bearing = part.yesNo ? evidence.filter((item) => item.missesCondition && isSayable({ index, evidence: item }) && item.coverage >= minimumCoverage) : [];
  // A statement naming the figure a yes/no question checks ("又得等半年" → "无需…重新居住满半年") bears on it however
  // little else of the question it shares.
  const naming = part.yesNo && part.quantities.length > 0
    ? sayable.filter((item) => !item.statement.example && item.statement.analysis.quantities.some((stated) => part.quantities.some((checked) => sameAmount(stated, checked))))
    : [];
  bearing.push(...naming);
  if (covering.length === 0 && bearing.length === 0 && !sectionTypes.has(part.type)) return null;
  const used = new Set<string>();
  const base = { part, word: null, value: null, support: new Map<string, Statement[]>(), heading: null, exceptions: [] as PartAnswer['exceptions'], resolution: null };

  // A question checking a figure ("是不是又得等半年") is answered no by a statement denying that figure ("无需…重新居住满
  // 半年"); otherwise by the figures of its kind.
  const checksFigure = part.yesNo !== null && valueTypes.has(part.type) && (part.quantities.length > 0 || part.checkedPoint !== null);
  // A yes/no question no statement answers yes or no.
  let unread = false;
  if (part.type === 'yesno' || checksFigure || (part.yesNo && !valueTypes.has(part.type) && !sectionTypes.has(part.type))) {
    // Statements answering by a quantity or a verb may be worded far from the question: read them down to a low floor.
    const pool = [...evidence, ...claimEvidence({ index, analysis, part, evidence })];
    const read = readAnswers({ index, analysis, part, evidence: pool.filter((item) => isSayable({ index, evidence: item }) && item.coverage >= minimumCoverage / 4) });
    // A claim that something holds always ("啥时候不想要了都能退钱") is answered no by a statement denying it under any
    // condition ("待遇享受期已经开始后的缴费不再退回"): one exception is enough.
    const denials = claimsAlways(part, index.reading.language) ? read.filter((item) => item.reading.answer === 'no' && item.reading.basis !== 'noun' && item.evidence.verdict !== 'other_scope' && item.evidence.verdict !== 'superseded') : [];
    const polar = denials.length > 0 ? denials.map((item) => ({ ...item, evidence: { ...item.evidence, verdict: 'applies' as const } })) : read;
    const found = resolveYesNo({ index, part, polar });
    // Denied by a statement of the figure, or by one whose condition the user's own duration misses.
    const denied = found?.resolution.adopted?.valueKey === 'no' && (found.lead.reading.basis === 'quantity' || found.lead.evidence.missesCondition === true);
    const resolved = checksFigure && !denied ? null : found;
    if (resolved) {
      const { resolution } = resolved;
      const basisRank: Record<string, number> = { quantity: 0, predicate: 0, outcome: 1, noun: 2 };
      const bases = new Map(polar.map((item) => [item.evidence.statement.key, basisRank[item.reading.basis]]));
      const lead = representative(resolution, pool, (statement) => bases.get(statement.key) ?? 3) ?? resolved.lead.evidence.statement;
      used.add(keyOf(lead));
      // So is a yes that holds only past a least amount the user does not state ("…满6个月后才能提取").
      const threshold = resolution.adopted?.valueKey === 'yes' && polar.some((item) => item.evidence.statement.key === lead.key && item.reading.threshold === true);
      // A clause saying only some allow it ("但部分地区允许断缴3个月内补缴") leaves the answer open, unless the user is
      // past its limit ("断了五个月"): then the no stands.
      const userQuantities = analysis.situation.quantities;
      const outgrown = (clause: (typeof lead.analysis.clauses)[number]) =>
        lead.analysis.quantities.some((limit) => limit.start >= clause.start && limit.start < clause.end && limit.comparator === 'atMost' && userQuantities.some((stated) => sameKind(stated, limit) && exceedsLimit(stated, limit)));
      const hedged = lead.analysis.clauses.some((clause) => clause.hedge === 'partial' && !(resolution.adopted?.valueKey === 'no' && outgrown(clause))) || threshold;
      // "会不会不随证迁移？" asks about the negation: a statement that it moves answers 不会.
      const affirmed = resolution.adopted ? (resolution.adopted.valueKey === 'yes') !== part.negated : false;
      const word = resolution.adopted && part.yesNo && !hedged ? (affirmed ? part.yesNo.yes : part.yesNo.no) : null;
      const setAside = new Set(resolution.rejected.map((entry) => entry.candidate.statement.key));
      const answers = new Map(polar.map((item) => [item.evidence.statement.key, item.reading.answer]));
      const contrary = (item: Evidence) => resolution.adopted !== null && answers.has(item.statement.key) && answers.get(item.statement.key) !== resolution.adopted.valueKey;
      return {
        ...base,
        kind: 'yesno',
        word,
        // A list item is shown after the sentence it continues ("职工有下列情形之一的，…：（六）出境定居的。").
        heading: polar.find((item) => item.evidence.statement.key === lead.key)?.leadIn ?? null,
        lead: resolution.rule === 'unresolved' ? [] : [lead],
        support: new Map([[lead.key, copiesOf(lead, evidence)]]),
        points: choosePoints({ index, analysis, part, evidence, used, excluded: setAside, contrary, lead }),
        exceptions: exceptionsOf(resolution, used, pool),
        resolution,
        topic: topicOf(part, lead),
      };
    }
    unread = !found;
  }

  if (valueTypes.has(part.type)) {
    const resolved = resolveValue({ index, analysis, part, evidence: sayable });
    if (resolved) {
      const { resolution } = resolved;
      const lead = representative(resolution, [...evidence, ...resolved.values.map((item) => item.evidence)]) ?? resolved.lead.evidence.statement;
      used.add(keyOf(lead));
      const adoptedValue = resolved.values.find((item) => item.evidence.statement.key === lead.key && item.valueKey === resolution.adopted?.valueKey) ?? resolved.lead;
      const asOf = lead.analysis.asOf;
      // A figure given per unit of something the user states ("每满1年积2分" to "住满4年") is reckoned for them, unless
      // they ask for the rate itself ("每天多少钱").
      // Nor when they check a rate they heard ("一天按千分之五算，真有这么高吗"): the rate is what is checked.
      const scaled = part.type === 'number' && adoptedValue.quantity && !(part.yesNo && part.quantities.length > 0) && !index.reading.language.perUnit.some((word) => part.asked.includes(word)) ? scaleRate({ statement: lead, quantity: adoptedValue.quantity, userQuantities: analysis.situation.quantities, units: index.reading.language.units, perUnit: index.reading.language.perUnit }) : null;
      // A window of days around an event the user dates ("明年1月15号到期，最早什么时候签注") is given as a day.
      const dated = !scaled && part.type === 'when' && adoptedValue.quantity ? reckonDate({ statement: lead, quantity: adoptedValue.quantity, message: analysis.normalized }) : null;
      const reckoned = scaled ?? dated;
      const valueText = reckoned
        ? `${reckoned.text}（${reckoned.reckoning}）`
        : adoptedValue.text + (asOf && (part.asksAsOf || adoptedValue.quantity) ? `（截至${asOf.slice(0, 4)}年${Number(asOf.slice(5, 7))}月）` : '');
      const setAside = new Set(resolution.rejected.map((entry) => entry.candidate.statement.key));
      const adoptedKey = resolution.adopted?.valueKey;
      const contrary = (item: Evidence) =>
        (index.claimsByStatement.get(item.statement.key) ?? []).some((claim) => claim.quantity && claim.quantity.unit === adoptedValue.quantity?.unit && quantityKey(claim.quantity) !== adoptedKey && resolved.values.some((value) => value.evidence.statement.key === item.statement.key));
      // A figure the user checks ("要45个工作日吗") is confirmed or denied before the adopted one is given.
      const checked = adoptedValue.quantity;
      const heard = part.yesNo && checked && resolution.adopted ? part.quantities.find((quantity) => sameKind(quantity, checked)) : undefined;
      const pointChecked = part.yesNo && part.checkedPoint && resolution.adopted ? (resolution.adopted.valueKey === `when|${part.checkedPoint}` ? part.yesNo.yes : part.yesNo.no) : null;
      // A statement saying the checked figure is not needed ("无需…重新居住满半年") denies it: no figure to give.
      const denied = heard !== undefined && checked !== null && lead.analysis.quantities.some((stated) => sameAmount(stated, checked) && isNegated(lead.analysis, stated.start));
      // A figure said not to be needed ("不用等半年") is checked the other way round.
      const word = heard && part.yesNo && checked ? ((sameAmount(heard, checked) && !denied) !== part.waived ? part.yesNo.yes : part.yesNo.no) : pointChecked;
      return {
        ...base,
        kind: denied ? 'yesno' : 'value',
        word,
        value: resolution.rule === 'unresolved' || denied ? null : valueText,
        lead: resolution.rule === 'unresolved' ? [] : [lead],
        support: new Map([[lead.key, copiesOf(lead, evidence)]]),
        points: choosePoints({ index, analysis, part, evidence: sayable, used, excluded: setAside, contrary, lead }),
        exceptions: exceptionsOf(resolution, used, [...evidence, ...resolved.values.map((item) => item.evidence)]),
        resolution,
        topic: topicOf(part, lead),
      };
    }
  }

  if (part.type === 'difference') {
    const compared = compareThings({ index, analysis, part, evidence });
    if (compared) {
      for (const statement of compared.lead) used.add(keyOf(statement));
      const [first] = compared.lead;
      return {
        ...base,
        kind: compared.things ? 'comparison' : 'statement',
        ...(compared.things ? { compared: compared.things } : {}),
        lead: compared.lead,
        support: new Map(compared.lead.map((statement) => [statement.key, copiesOf(statement, evidence)])),
        points: choosePoints({ index, analysis, part, evidence: sayable, used, excluded: new Set(), contrary: () => false, lead: first }),
        topic: part.compared.join('与'),
      };
    }
  }

  // A question for a figure in a unit ("要多少个工作日", "缴存比例最高多少", "多少钱") that no statement gives is not
  // answered by a statement without it. (A fee asked without naming money, "扣多少手续费", may be given as a share.)
  const feeAsShare = part.unit?.dimension === 'money' && !index.reading.language.moneyQuestions.some((word) => part.asked.includes(word));
  if ((part.type === 'number' || part.type === 'duration') && !part.yesNo && part.unit !== null && !feeAsShare) return null;

  // "个人账户里的钱会怎样/呢?" asks what becomes of a thing (no verb of its own): a statement saying it is kept, lost
  // or moved answers it before one that only mentions it.
  // A statement saying the thing moves along ("个人账户资金原则上随医保关系转移") tells its fate too.
  const { moved, moveWords, alongWith } = index.reading.language;
  const movesAlong = (text: string) =>
    alongWith.some((word) => {
      const at = text.indexOf(word);
      if (at < 0) return false;
      const within = text.slice(at + word.length).split(/[,，。;；]/)[0].slice(0, 14);
      return [...moved, ...moveWords].some((verb) => within.includes(verb));
    });
  const moves = (text: string) => moved.some((word) => text.includes(word)) || movesAlong(text);
  const outcome = (item: Evidence) => (index.claimsByStatement.get(item.statement.key) ?? []).some((claim) => claim.outcome !== null) || moves(item.statement.normalized);
  const asksFate = part.type === 'explain' && !part.predicate.some((word) => word.verb);
  const fated = (items: Evidence[]) => (asksFate && items.some(outcome) ? items.filter(outcome) : items);
  const pick = (items: Evidence[]) => best(fated(items).map((item) => ({ evidence: item })));
  const answersUser = (item: Evidence) => item.verdict === 'applies' || (sectionTypes.has(part.type) && item.verdict === 'condition_not_met');
  // Without a yes or no, a statement still tells the user something only when it says what they ask to do ("…无需
  // 办理注销手续" for "要不要先注销"); one that only shares the words around it answers a neighbouring question.
  const askedVerbs = part.predicate.filter((word) => word.verb && !index.reading.language.lightVerbs.includes(word.word));
  const saysAsked = (item: Evidence) => askedVerbs.some((word) => word.alternatives.some((alternative) => alternative.length > 1 && item.statement.normalized.includes(alternative)));
  if (part.type === 'yesno' && unread && askedVerbs.length > 0 && !covering.some(saysAsked)) return null;
  const said = part.type === 'yesno' && unread && askedVerbs.length > 0 ? covering.filter(saysAsked) : covering;
  const answering = part.type === 'who' && said.some(agentive) ? said.filter(agentive) : said;
  const top = pick(answering.filter(answersUser)) ?? pick(answering);
  if (sectionTypes.has(part.type)) {
    // A question about conditions, materials or steps is answered by what the statements require: a statement's
    // condition is its content here, not a filter on the user.
    const described = evidence.filter((item) => isSayable({ index, evidence: item }) && item.verdict !== 'other_scope' && item.verdict !== 'superseded');
    // A materials section is ranked by the question's words its heading and items name, the rarer weighing more
    // (the user's case: "辞职" → the list with "离职提取"; "买了套二手房" → the one with "购房提取", not a 租房 one).
    const kinds = index.reading.language.sectionKinds.filter((entry) => entry.type === part.type).map((entry) => entry.word);
    const words = part.type === 'materials' ? telling(index, part, kinds, analysis.situation) : [];
    const rarest = words[0] && words[0].rarity >= rareEnough ? words[0].word : null;
    const mentions = (text: string, word: FocusWord) => word.alternatives.some((alternative) => text.includes(alternative));
    const textOf = (statement: Statement) => `${statement.label ?? ''}${statement.path.join('')}${statement.normalized}`;
    const names = (statement: Statement) => rarest !== null && mentions(textOf(statement), rarest);
    // A section headed as materials ("所需材料") comes before one that only enumerates something (提取情形).
    const rank = (choice: SectionChoice) => {
      const heading = index.text.normalize(choice.heading);
      const text = `${heading}\n${choice.items.map((item) => textOf(item.statement)).join('\n')}`;
      const headed = kinds.some((word) => heading.includes(word)) ? 0 : unheaded;
      return headed - words.reduce((sum, { word, rarity }) => sum + (mentions(text, word) ? rarity : 0), 0);
    };
    const section = chooseSection({ index, part, evidence: described, rank });
    // A labelled item or an enumeration that covers the question better than any section's heading answers alone.
    const sectionFits = section !== null && kinds.some((word) => index.text.normalize(section.heading).includes(word));
    const labelCovers = top && (top.evidence.statement.label !== null || top.evidence.statement.analysis.list !== null) && top.evidence.askedCoverage >= 0.6;
    const list = part.type === 'list' ? bestList({ index, part, covering }) : null;
    // A section whose heading and items cover the question far less than the best statement does is not its answer.
    const itemCoverage = (statement: Statement) => described.find((item) => item.statement.key === statement.key)?.coverage ?? 0;
    const sectionCoverage = section ? Math.max(section.headingCoverage, ...section.items.map((item) => itemCoverage(item.statement))) : 0;
    const outcovered = top !== undefined && sectionCoverage < 0.5 * top.evidence.coverage;
    // Nor one that never names what the question asks to do ("补办" for "医保卡丢了去哪里补办").
    const missesAsked = section !== null && !namesAsked(part, index, ...section.items.map((item) => item.statement));
    // Nor, for materials, one that lacks the rarest word of the question when another statement of materials names it
    // ("证明材料:补缴时需提供…" for "补缴断掉的医保要带哪些材料": a 退费 section lists materials too).
    const ofKind = (statement: Statement) => kinds.some((word) => `${statement.label ?? ''}${statement.normalized}`.includes(word));
    const missesRarest = section !== null && rarest !== null && !section.items.some((item) => names(item.statement)) && !index.text.normalize(section.heading).includes(rarest.word) && described.some((item) => names(item.statement) && ofKind(item.statement));
    if (section && !list && !outcovered && !missesAsked && !missesRarest && !(labelCovers && !sectionFits && section.headingCoverage < Math.max(0.3, top.evidence.askedCoverage / 2))) {
      const { items, others } = casesNamed(section.items.map((item) => item.statement), part, index);
      // The cases not named are left out, not made points, nor statements about them ("租房提取每年…" for 退休).
      for (const item of section.items) used.add(keyOf(item.statement));
      const aboutOthers = (item: Evidence) => others.some((word) => item.statement.normalized.includes(word));
      return {
        ...base,
        kind: 'section',
        heading: section.heading,
        lead: items,
        points: choosePoints({ index, analysis, part, evidence: sayable.filter((item) => item.statement.sourceId !== section.sourceId), used, excluded: new Set(), contrary: aboutOthers, lead: section.items[0]?.statement }),
        topic: section.heading,
      };
    }
  }
  if (covering.length === 0) return null;
  // A part asking only by its type's cue ("…？要带哪些东西？") is answered by a section or not at all.
  if (sectionTypes.has(part.type) && !part.focus.some((word) => word.asked)) return null;
  // Where or how to do something is answered only by a statement that names doing it.
  if (sectionTypes.has(part.type) && top && !namesAsked(part, index, top.evidence.statement)) return null;
  const chosen = (part.type === 'list' ? bestList({ index, part, covering }) : null) ?? top?.evidence;
  if (!chosen) return null;
  const lead = chosen.statement;
  used.add(keyOf(lead));
  return {
    ...base,
    kind: 'statement',
    // A statement limited to a situation the user did not name still answers, introduced by what it is limited to.
    leadQualifiers: chosen.verdict === 'narrower' ? chosen.qualifiers : [],
    lead: [lead],
    support: new Map([[lead.key, copiesOf(lead, evidence)]]),
    points: choosePoints({ index, analysis, part, evidence: sayable, used, excluded: new Set(), contrary: () => false, lead }),
    topic: topicOf(part, lead),
  };
}
