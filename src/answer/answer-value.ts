// A number, duration or time part: the quantities that answer it, the comparable ones across the corpus, reconciled.
import type { LoadedIndex } from '../index/load-index.js';
import type { QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import type { Claim } from '../reconcile/derive-claims.js';
import { sameAmount, type Quantity } from '../reconcile/find-quantities.js';
import { reconcileCandidates } from '../reconcile/reconcile-candidates.js';
import type { Resolution } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import { answersPart, coverageOf, judgeStatement, type Evidence } from '../retrieval/retrieve-evidence.js';
import { isAbout, specificNouns } from './answer-yes-no.js';
import { best, candidateOf, minimumCoverage, scoreEvidence } from './rank-evidence.js';

export interface ValueEvidence {
  evidence: Evidence;
  /** The quantity that answers, or null for a time point ("次月"). */
  quantity: Quantity | null;
  subject: string[];
  valueKey: string;
  /** The value as the source writes it. */
  text: string;
}

const comparableSubject = 0.25;
const corpusSubject = 0.34;

export function quantityKey(quantity: Quantity): string {
  return `${quantity.value}${quantity.upper !== null ? `-${quantity.upper}` : ''}|${quantity.unit}`;
}

/**
 * Overlap with one subject (the lead's), of each subject it is given; a word counts as shared when the other subject
 * has it or a word containing it ("享受待遇"). Subjects are the claims' own arrays, so each is measured once.
 */
function overlapWith(right: string[]): (left: string[]) => number {
  const b = new Set(right);
  const longer = [...b].filter((other) => other.length > 1);
  const measured = new WeakMap<string[], number>();
  return (left) => {
    let overlap = measured.get(left);
    if (overlap === undefined) {
      const a = new Set(left);
      let shared = 0;
      for (const word of a) if (b.has(word) || (word.length > 1 && longer.some((other) => other.includes(word) || word.includes(other)))) shared++;
      overlap = shared / (a.size + b.size - shared || 1);
      measured.set(left, overlap);
    }
    return overlap;
  };
}

function valuesOf({ index, part, evidence }: { index: LoadedIndex; part: QuestionPart; evidence: Evidence }): ValueEvidence[] {
  const values: ValueEvidence[] = [];
  const claims = index.claimsByStatement.get(evidence.statement.key) ?? [];
  for (const claim of claims) {
    if (claim.kind !== 'quantity' || !claim.quantity || !answersPart(part, claim.quantity)) continue;
    values.push({ evidence, quantity: claim.quantity, subject: claim.subject, valueKey: quantityKey(claim.quantity), text: evidence.statement.normalized.slice(claim.quantity.start, claim.quantity.end) });
  }
  if (part.type === 'when' && values.length === 0) {
    const { statement } = evidence;
    for (const [position, clause] of statement.analysis.clauses.entries()) {
      if (clause.label || clause.condition) continue;
      const text = statement.normalized.slice(clause.start, clause.end);
      const named = index.reading.language.timePoints.find((word) => text.includes(word));
      // A time point with the date it names ("次年1月1日") is given whole.
      const point = named ? named + (/^\d{1,2}月(\d{1,2}日)?/.exec(text.slice(text.indexOf(named) + named.length))?.[0] ?? '') : /每年\d{1,2}月\d{1,2}日(至|到|-)\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日/.exec(text)?.[0];
      // What a time point is about: the statement's claims' subjects ("补缴…享受待遇"), without the point itself.
      if (!point) continue;
      const about = [...new Set(claims.flatMap((claim) => claim.subject))].filter((word) => !point.includes(word) && !word.includes(point));
      values.push({ evidence, quantity: null, subject: about.length > 0 ? about : statement.clauseTokens[position], valueKey: `when|${named ?? point}`, text: point });
    }
  }
  return values;
}

/** Claims elsewhere in the corpus stating the same kind of quantity about the same subject. */
function corpusRivals({ index, analysis, part, lead, overlap }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; lead: ValueEvidence; overlap: (subject: string[]) => number }): ValueEvidence[] {
  if (!lead.quantity) return [];
  const seen = new Set<Claim>();
  const rivals: ValueEvidence[] = [];
  // A rival shares at least a third of the lead's subject: the rarest subject words find them, within a budget.
  const lists = lead.subject.map((word) => index.claimsByWord.get(word) ?? []).filter((list) => list.length > 0).sort((left, right) => left.length - right.length);
  let looked = 0;
  for (const list of lists) {
    if (looked > 0 && looked + list.length > rivalLookup) break;
    looked += list.length;
    for (const claim of list) {
      if (seen.has(claim) || claim.kind !== 'quantity' || !claim.quantity || claim.quantity.unit !== lead.quantity.unit) continue;
      seen.add(claim);
      // A change statement ("由15…压缩至7…") sharing a word may be the change of another rival: it is judged with them.
      if (overlap(claim.subject) < corpusSubject && !(overlap(claim.subject) > 0 && (changeLinked(claim.quantity, lead.quantity) || claim.quantity.former !== null))) continue;
      const statement: Statement = claim.statement;
      const judged = judgeStatement({ index, analysis, part, statement });
      const document = index.documents.get(statement.sourceId);
      const evidence: Evidence = { statement, rank: 99, ...coverageOf({ index, part, statement }), ...judged, truncated: document?.truncated ?? false };
      rivals.push({ evidence, quantity: claim.quantity, subject: claim.subject, valueKey: quantityKey(claim.quantity), text: statement.normalized.slice(claim.quantity.start, claim.quantity.end) });
    }
  }
  return rivals;
}

/** Whether a statement covers the question about as fully as the lead does: a time point ("当月") answers the same thing. */
const answersAlike = (item: Evidence, lead: Evidence) => item.coverage >= alike * lead.coverage && item.askedCoverage >= alike * lead.askedCoverage;
const alike = 0.8;
const terseShare = 0.75;
/** How much of its asking clause a statement must cover to answer a check of a figure whatever the story around. */
const checkedCoverage = 0.5;
/** How many claims the search for rivals reads at most (after the rarest subject word's). */
const rivalLookup = 400;

/**
 * Whether one figure is the other's former value in a change statement ("由30个工作日压缩至10个工作日" beside "30个工作
 * 日内办结"): the change speaks of the same thing, however differently worded.
 */
function changeLinked(left: Quantity, right: Quantity): boolean {
  return left.unit === right.unit && (left.former === right.value || right.former === left.value);
}

/** Whether a figure governs one of the actions: they are named in its clause or after it, before the next figure. */
function governs(item: ValueEvidence, actions: string[]): boolean {
  if (!item.quantity || actions.length === 0) return false;
  const { statement } = item.evidence;
  const { start } = item.quantity;
  const clause = statement.analysis.clauses.find((candidate) => candidate.start <= start && start < candidate.end);
  const next = statement.analysis.quantities.find((quantity) => quantity.start > start)?.start ?? statement.normalized.length;
  const span = statement.normalized.slice(clause?.start ?? start, Math.max(next, clause?.end ?? next));
  return actions.some((action) => span.includes(action));
}

/** The best answering quantity, and the resolution of it against the comparable ones. */
export function resolveValue({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): { lead: ValueEvidence; values: ValueEvidence[]; resolution: Resolution } | null {
  const values = evidence.flatMap((item) => valuesOf({ index, part, evidence: item }));
  // The answering figure comes from a statement that covers the question (a terse one, "转出地处理:一般不超过10个
  // 工作日", a little less); its rivals may cover it less still.
  // It names what is asked about ("缴费基数"), not only the words around it.
  // A figure question whose asking clause names no noun ("…要办多长时间") is about the nouns named around it.
  const nouns = specificNouns({ index, part, around: true });
  // A user checking a figure they heard asks about its subject ("滞纳金…千分之五"): the words of their story around it
  // do not make a statement of that figure's kind cover the question less.
  const checking = part.yesNo !== null && part.quantities.length > 0;
  const covers = (item: ValueEvidence) => item.evidence.coverage >= terseShare * minimumCoverage || (checking && item.evidence.askedCoverage >= checkedCoverage);
  const answering = values.filter((item) => !item.evidence.statement.example && covers(item) && isAbout(item.evidence.statement, nouns, 'quantity', index.reading.language));
  const applicable = answering.filter((item) => item.evidence.verdict === 'applies');
  // A user checking a figure they heard ("听说要等一个半月") is answered from the statements of that figure and their
  // rivals, whatever the rules then make of them.
  const heard = (item: ValueEvidence) => (part.checkedPoint !== null && item.valueKey === `when|${part.checkedPoint}`) || (part.yesNo !== null && item.quantity !== null && part.quantities.some((quantity) => sameAmount(quantity, item.quantity!)));
  // A statement giving one figure per party ("转出地…10个工作日,转入地…5个工作日") breaks a whole down: its parts
  // answer a question about that party, and rival another statement's figure only when they are about the same thing.
  const siblings = new Map<string, ValueEvidence[]>();
  for (const item of values) siblings.set(item.evidence.statement.key, [...(siblings.get(item.evidence.statement.key) ?? []), item]);
  const isBreakdown = (item: ValueEvidence) => new Set(siblings.get(item.evidence.statement.key)?.map((other) => other.valueKey)).size > 1;
  // The question's own words ("转入地要几个工作日"), not their synonyms: "转" must not name 转入地 and 转出地 alike.
  // Those of the asking clause first ("重庆这边收到以后几天能转进来": 转入), then the story's ("转出手续…已经办完了").
  const namer = (words: string[]) => (word: string) => words.some((alternative) => alternative === word || (word.length > 1 && (word.includes(alternative) || alternative.includes(word))));
  const askedNames = namer(part.focus.filter((word) => word.asked).map((word) => word.word).filter((word) => word.length > 1));
  const storyNames = namer(part.focus.map((word) => word.word).filter((word) => word.length > 1));
  // The words that tell a part from its siblings ("分馆", "发证" beside "总馆", "受理").
  const ownWords = (item: ValueEvidence) => {
    const others = (siblings.get(item.evidence.statement.key) ?? []).filter((other) => other.valueKey !== item.valueKey);
    return item.subject.filter((word) => !others.some((other) => other.subject.includes(word)));
  };
  const asksPart = values.some((item) => isBreakdown(item) && ownWords(item).some(askedNames));
  const aboutAskedPart = (item: ValueEvidence) => ownWords(item).some(asksPart ? askedNames : storyNames);
  const whole = (item: ValueEvidence) => !isBreakdown(item) || aboutAskedPart(item);
  const pool = applicable.length > 0 ? applicable : answering.filter((item) => item.evidence.verdict === 'narrower');
  const checked = pool.some(heard) ? pool.filter(heard) : pool;
  const wholes = checked.some(whole) ? checked.filter(whole) : checked;
  // A figure answers for the action it governs: the one in its clause or after it, before the next figure ("30日内，
  // 到…办理居住登记" for "多少天之内得去登记"; not "办理居住登记，居住满半年后重新申领"). One governing an asked action leads.
  // The action is asked after the question word ("住下以后|几天内要登记"); one before it tells from when, unless none
  // follows ("转移|要多久"). A verb right before another ("居住|登记") narrows it: the last of such a run is the action.
  const { lightVerbs, interrogatives } = index.reading.language;
  const askedAt = Math.min(...interrogatives.map((word) => part.asked.indexOf(word)).filter((at) => at >= 0));
  const allVerbs = part.predicate.filter((word) => word.verb && !lightVerbs.includes(word.word));
  const after = Number.isFinite(askedAt) ? allVerbs.filter((word) => part.asked.indexOf(word.word, askedAt) > askedAt) : [];
  const verbs = after.length > 0 ? after : allVerbs;
  const heads = verbs.filter((word) => !verbs.some((other) => other !== word && part.asked.includes(word.word + other.word)));
  const actions = heads.flatMap((word) => word.alternatives.filter((alternative) => alternative.length > 1));
  const lead = best(wholes.some((item) => governs(item, actions)) ? wholes.filter((item) => governs(item, actions)) : wholes);
  if (!lead) return null;
  const floor = 0.6 * scoreEvidence(lead.evidence);
  // A part rivals only a figure about that same part.
  const leadOwn = isBreakdown(lead) ? ownWords(lead) : null;
  const samePart = (item: ValueEvidence) =>
    item.evidence.statement.key === lead.evidence.statement.key ||
    ((!siblings.has(item.evidence.statement.key) || !isBreakdown(item) || ownWords(item).some((word) => lead.subject.includes(word))) && (leadOwn === null || leadOwn.some((word) => item.subject.includes(word))));
  const overlap = overlapWith(lead.subject);
  const linkedTo = (other: ValueEvidence) => (item: ValueEvidence) =>
    item.quantity !== null && other.quantity !== null && overlapWith(other.subject)(item.subject) > 0 && changeLinked(item.quantity, other.quantity);
  const linked = linkedTo(lead);
  const pooled = [...values, ...corpusRivals({ index, analysis, part, lead, overlap })].filter(
    (item) => !item.evidence.statement.example && samePart(item) && (item.quantity?.unit ?? 'when') === (lead.quantity?.unit ?? 'when'),
  );
  const compared = pooled.filter(
    (item) =>
      (item.evidence === lead.evidence || overlap(item.subject) >= comparableSubject || (item.quantity === null && answersAlike(item.evidence, lead.evidence)) || linked(item)) &&
      (scoreEvidence(item.evidence) >= floor || overlap(item.subject) >= corpusSubject || linked(item)),
  );
  // A change statement is a rival of every compared figure it changes ("由15个工作日压缩至7个工作日" beside "15个工作日内
  // 制作发放", when the lead is another source's 7), and a figure of every compared change statement it is the former of.
  // Only figures that apply to the user draw their changes in.
  const applying = compared.filter((item) => item.evidence.verdict === 'applies');
  // The lead's statement may state its value twice, about two subjects ("有效期是3年，签一次能管三年"): the rivals of
  // either are its rivals.
  const twins = values.filter((item) => item !== lead && item.evidence.statement.key === lead.evidence.statement.key && item.valueKey === lead.valueKey);
  const twinRivals = twins.flatMap((twin) => {
    const near = overlapWith(twin.subject);
    return corpusRivals({ index, analysis, part, lead: twin, overlap: near }).filter((item) => near(item.subject) >= corpusSubject && item.evidence.statement.key !== lead.evidence.statement.key && !item.evidence.statement.example);
  });
  const comparable = [...compared, ...pooled.filter((item) => !compared.includes(item) && applying.some((other) => linkedTo(other)(item))), ...twinRivals.filter((item) => !compared.some((other) => other.evidence.statement.key === item.evidence.statement.key))];
  // One value per statement: the one about what the best statement's value is about ("转出地…10个工作日,转入地…5个工作日").
  const closest = new Map<string, ValueEvidence>();
  for (const item of comparable) {
    const known = closest.get(item.evidence.statement.key);
    if (!known || overlap(item.subject) > overlap(known.subject)) closest.set(item.evidence.statement.key, item);
  }
  const seen = new Set<string>();
  const candidates = [...closest.values()]
    .filter((item) => !seen.has(item.evidence.statement.key) && seen.add(item.evidence.statement.key))
    .map((item) => candidateOf({ index, evidence: item.evidence, valueKey: item.valueKey }));
  return { lead, values: comparable, resolution: reconcileCandidates(candidates) };
}
