// Steps 3–4 for one question part: gather the comparable statements of the asked type and reconcile them.
import { sentenceKey } from '../index/find-duplicates.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import type { Resolution } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { Evidence } from '../retrieval/retrieve-evidence.js';
import { chooseSection } from './answer-section.js';
import { quantityKey, resolveValue } from './answer-value.js';
import { readAnswers, resolveYesNo } from './answer-yes-no.js';
import type { PartAnswer } from './part-answer-types.js';
import { best, isSayable, scoreEvidence } from './rank-evidence.js';

const sectionTypes = new Set(['list', 'conditions', 'materials', 'steps', 'channel']);
const valueTypes = new Set(['number', 'duration', 'when']);
const maxPoints = 3;
const minimumCoverage = 0.4;
const minimumAskedCoverage = 0.25;

/** Other sources saying the same sentence (copies), to cite beside it. */
function copiesOf(statement: Statement, evidence: Evidence[]): Statement[] {
  const key = sentenceKey(statement.normalized);
  const copies: Statement[] = [];
  for (const item of evidence) {
    if (item.statement.sourceId === statement.sourceId || copies.some((copy) => copy.sourceId === item.statement.sourceId)) continue;
    if (sentenceKey(item.statement.normalized) === key) copies.push(item.statement);
  }
  return copies.slice(0, 2);
}

/** The statement that speaks for the adopted side: applicable, from a consistent source, most relevant. */
function representative(resolution: Resolution, evidence: Evidence[]): Statement | null {
  if (!resolution.adopted) return null;
  const rejected = new Set(resolution.rejected.map((entry) => entry.candidate.statement.key));
  const ranked = resolution.adopted.candidates
    .filter((candidate) => candidate.verdict === 'applies' && !rejected.has(candidate.statement.key))
    .map((candidate) => evidence.find((item) => item.statement.key === candidate.statement.key))
    .filter((item): item is Evidence => item !== undefined)
    .sort((left, right) => scoreEvidence(right) - scoreEvidence(left));
  return ranked[0]?.statement ?? resolution.adopted.candidates.find((candidate) => candidate.verdict === 'applies')?.statement ?? null;
}

/** A short name for what the comparable statements are about: the lead's label, its heading, or the focus. */
function topicOf(part: QuestionPart, lead: Statement | undefined): string {
  if (lead?.label) return lead.label;
  if (lead?.path.length) return lead.path.at(-1)!;
  return part.focus.filter((word) => word.asked).map((word) => word.word).join('');
}

/** Points after the lead: relevant, applicable statements that neither repeat the lead nor state a set-aside value. */
function choosePoints({ index, part, evidence, used, excluded, contrary }: {
  index: LoadedIndex;
  part: QuestionPart;
  evidence: Evidence[];
  used: Set<string>;
  excluded: Set<string>;
  contrary: (item: Evidence) => boolean;
}): Statement[] {
  const ranked = evidence
    .filter((item) => item.verdict === 'applies' && isSayable({ index, evidence: item }) && !item.statement.example)
    .sort((left, right) => scoreEvidence(right) - scoreEvidence(left));
  const top = ranked[0] ? scoreEvidence(ranked[0]) : 0;
  const points: Statement[] = [];
  for (const item of ranked) {
    if (points.length >= maxPoints || scoreEvidence(item) < Math.max(0.25, 0.5 * top)) break;
    const key = sentenceKey(item.statement.normalized);
    if (used.has(key) || excluded.has(item.statement.key) || contrary(item)) continue;
    if (item.truncated && item.coverage < 0.6) continue;
    if (item.askedCoverage === 0 && part.focus.some((word) => word.asked)) continue;
    used.add(key);
    points.push(item.statement);
  }
  return points;
}

/** Statements limited to a situation the user did not mention that say something else: shown as exceptions. */
function exceptionsOf(resolution: Resolution | null, used: Set<string>): PartAnswer['exceptions'] {
  if (!resolution) return [];
  const adopted = resolution.adopted?.valueKey;
  const exceptions: PartAnswer['exceptions'] = [];
  for (const candidate of resolution.exceptions) {
    const key = sentenceKey(candidate.statement.normalized);
    if (candidate.valueKey === adopted || used.has(key) || exceptions.length >= 2) continue;
    used.add(key);
    exceptions.push({ statement: candidate.statement, qualifiers: [] });
  }
  return exceptions;
}

/** Answers one part from its evidence, or returns null when the knowledge base does not cover it. */
export function answerPart({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): PartAnswer | null {
  const sayable = evidence.filter((item) => isSayable({ index, evidence: item }) && item.verdict !== 'other_scope' && item.verdict !== 'condition_not_met');
  const covering = sayable.filter((item) => item.coverage >= minimumCoverage && (item.askedCoverage >= minimumAskedCoverage || !part.focus.some((word) => word.asked)));
  if (covering.length === 0) return null;
  const used = new Set<string>();
  const base = { part, word: null, value: null, support: new Map<string, Statement[]>(), heading: null, exceptions: [] as PartAnswer['exceptions'], resolution: null };

  if (part.type === 'yesno' || (part.yesNo && !valueTypes.has(part.type) && !sectionTypes.has(part.type))) {
    const polar = readAnswers({ index, analysis, part, evidence: evidence.filter((item) => isSayable({ index, evidence: item }) && item.coverage >= minimumCoverage) });
    const resolved = resolveYesNo({ index, polar });
    if (resolved) {
      const { resolution } = resolved;
      const lead = representative(resolution, evidence) ?? resolved.lead.evidence.statement;
      used.add(sentenceKey(lead.normalized));
      const hedged = lead.analysis.clauses.some((clause) => clause.hedge === 'partial');
      const word = resolution.adopted && part.yesNo && !hedged ? (resolution.adopted.valueKey === 'yes' ? part.yesNo.yes : part.yesNo.no) : null;
      const setAside = new Set(resolution.rejected.map((entry) => entry.candidate.statement.key));
      const answers = new Map(polar.map((item) => [item.evidence.statement.key, item.reading.answer]));
      const contrary = (item: Evidence) => resolution.adopted !== null && answers.has(item.statement.key) && answers.get(item.statement.key) !== resolution.adopted.valueKey;
      return {
        ...base,
        kind: 'yesno',
        word,
        lead: resolution.rule === 'unresolved' ? [] : [lead],
        support: new Map([[lead.key, copiesOf(lead, evidence)]]),
        points: choosePoints({ index, part, evidence, used, excluded: setAside, contrary }),
        exceptions: exceptionsOf(resolution, used),
        resolution,
        topic: topicOf(part, lead),
      };
    }
  }

  if (valueTypes.has(part.type)) {
    const resolved = resolveValue({ index, analysis, part, evidence: sayable });
    if (resolved) {
      const { resolution } = resolved;
      const lead = representative(resolution, [...evidence, ...resolved.values.map((item) => item.evidence)]) ?? resolved.lead.evidence.statement;
      used.add(sentenceKey(lead.normalized));
      const adoptedValue = resolved.values.find((item) => item.evidence.statement.key === lead.key && item.valueKey === resolution.adopted?.valueKey) ?? resolved.lead;
      const asOf = lead.analysis.asOf;
      const valueText = adoptedValue.text + (asOf && (part.asksAsOf || adoptedValue.quantity) ? `（截至${asOf.slice(0, 4)}年${Number(asOf.slice(5, 7))}月）` : '');
      const setAside = new Set(resolution.rejected.map((entry) => entry.candidate.statement.key));
      const adoptedKey = resolution.adopted?.valueKey;
      const contrary = (item: Evidence) =>
        (index.claimsByStatement.get(item.statement.key) ?? []).some((claim) => claim.quantity && claim.quantity.unit === adoptedValue.quantity?.unit && quantityKey(claim.quantity) !== adoptedKey && resolved.values.some((value) => value.evidence.statement.key === item.statement.key));
      return {
        ...base,
        kind: 'value',
        value: resolution.rule === 'unresolved' ? null : valueText,
        lead: resolution.rule === 'unresolved' ? [] : [lead],
        support: new Map([[lead.key, copiesOf(lead, evidence)]]),
        points: choosePoints({ index, part, evidence: sayable, used, excluded: setAside, contrary }),
        exceptions: exceptionsOf(resolution, used),
        resolution,
        topic: topicOf(part, lead),
      };
    }
  }

  const top = best(covering.filter((item) => item.verdict === 'applies').map((item) => ({ evidence: item }))) ?? best(covering.map((item) => ({ evidence: item })));
  if (sectionTypes.has(part.type)) {
    const section = chooseSection({ index, part, evidence: sayable });
    // A labelled item or an enumeration that covers the question better than any section's heading answers alone.
    const labelCovers = top && (top.evidence.statement.label !== null || top.evidence.statement.analysis.list !== null) && top.evidence.askedCoverage >= 0.6;
    if (section && !(labelCovers && section.headingCoverage < Math.max(0.3, top.evidence.askedCoverage / 2))) {
      for (const item of section.items) used.add(sentenceKey(item.statement.normalized));
      return {
        ...base,
        kind: 'section',
        heading: section.heading,
        lead: section.items.map((item) => item.statement),
        points: choosePoints({ index, part, evidence: sayable.filter((item) => item.statement.sourceId !== section.sourceId), used, excluded: new Set(), contrary: () => false }),
        topic: section.heading,
      };
    }
  }
  if (!top) return null;
  const lead = top.evidence.statement;
  used.add(sentenceKey(lead.normalized));
  const narrower = top.evidence.verdict === 'narrower' ? [{ statement: lead, qualifiers: top.evidence.qualifiers }] : [];
  return {
    ...base,
    kind: 'statement',
    lead: narrower.length > 0 ? [] : [lead],
    support: new Map([[lead.key, copiesOf(lead, evidence)]]),
    points: choosePoints({ index, part, evidence: sayable, used, excluded: new Set(), contrary: () => false }),
    exceptions: narrower,
    topic: topicOf(part, lead),
  };
}
