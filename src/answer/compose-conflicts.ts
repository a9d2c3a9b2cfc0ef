// The 来源说法不一 paragraph and the structured conflicts, from the resolutions of the answer's parts.
import { sentenceKey } from '../index/find-duplicates.js';
import type { RejectionReason, Resolution, ResolutionRule } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { Conflict } from './answer-types.js';
import { quoteOf, type CitationBook } from './citation-book.js';
import { escapeMarkup } from './display-sentence.js';

export const ruleExplanations: Record<ResolutionRule, string> = {
  applicability: '按适用条件：只采用适用于您所述情形的说法',
  scope: '按适用范围：针对您所述情形的专门规定优先于一般说法',
  internal_consistency: '按内部一致性：自相矛盾的来源不计入',
  authority: '按来源权威性：官方来源优先于媒体，媒体优先于其他网站',
  time: '按时间：采用日期最新的说法，未注明日期的说法不能优先于有日期的',
  consensus: '按独立来源数量：相互转载的来源只计一次',
  unresolved: '现有规则无法判定',
};

export const reasonTexts: Record<RejectionReason, string> = {
  other_scope: '适用范围与您所述情形不同',
  condition_not_met: '所附条件与您所述情形不符',
  superseded: '已被新的文件取代',
  less_specific: '未针对您所述的情形，以专门规定为准',
  inconsistent_source: '该来源对此自相矛盾',
  less_authoritative: '来源权威性较低',
  outdated: '日期较早，已过时',
  undated: '未注明日期',
  minority: '仅少数独立来源持此说法',
  unresolved: '各说法依现有规则无法取舍',
};

export interface ConflictInput {
  topic: string;
  resolution: Resolution;
  /** The statement shown for the adopted side (the answer's lead). */
  adopted: Statement | null;
  advice: string;
}

/** Rejected statements grouped by sentence (copies of one sentence are one entry with several citations). */
function groupRejected(resolution: Resolution): Array<{ statements: Statement[]; reason: RejectionReason }> {
  const groups = new Map<string, { statements: Statement[]; reason: RejectionReason }>();
  for (const { candidate, reason } of resolution.rejected) {
    const key = `${sentenceKey(candidate.statement.normalized)}|${reason}`;
    const group = groups.get(key);
    if (group) {
      if (!group.statements.some((statement) => statement.key === candidate.statement.key)) group.statements.push(candidate.statement);
    } else groups.set(key, { statements: [candidate.statement], reason });
  }
  return [...groups.values()].slice(0, 4);
}

/** One conflict entry per resolution that chose between different values; cites as it writes. */
export function composeConflicts({ inputs, book }: { inputs: ConflictInput[]; book: CitationBook }): { paragraph: string | null; conflicts: Conflict[] } {
  const conflicts: Conflict[] = [];
  const sentences: string[] = [];
  for (const { topic, resolution, adopted, advice } of inputs) {
    if (!resolution.rule) continue;
    if (resolution.rule === 'unresolved' || !resolution.adopted) {
      const sides = resolution.sides.map((side) => side.candidates[0].statement);
      const texts = sides.map((statement) => `“${escapeMarkup(quoteOf(statement))}”${book.cite(statement)}`);
      sentences.push(`关于“${topic}”，各来源说法不一且${ruleExplanations.unresolved}：${texts.join('；')}。${advice}`);
      conflicts.push({
        topic,
        adopted: null,
        rejected: sides.map((statement) => ({ statement: quoteOf(statement), citations: [book.numberOf(statement)], reason: 'unresolved' })),
        rule: 'unresolved',
      });
      continue;
    }
    if (!adopted) continue;
    const adoptedMarker = book.cite(adopted);
    const rejected = groupRejected(resolution).map(({ statements, reason }) => ({
      statement: quoteOf(statements[0]),
      citations: [...new Set(statements.map((statement) => book.numberOf(statement)))].sort((left, right) => left - right),
      reason,
      text: `“${escapeMarkup(quoteOf(statements[0]))}”${book.citeAll(statements)}（${reasonTexts[reason]}）`,
    }));
    if (rejected.length === 0) continue;
    sentences.push(`关于“${topic}”，采用“${escapeMarkup(quoteOf(adopted))}”${adoptedMarker}（${ruleExplanations[resolution.rule]}）；未采用${rejected.map((entry) => entry.text).join('、')}。`);
    conflicts.push({
      topic,
      adopted: { statement: quoteOf(adopted), citations: [book.numberOf(adopted)] },
      rejected: rejected.map(({ statement, citations, reason }) => ({ statement, citations, reason })),
      rule: resolution.rule,
    });
  }
  return { paragraph: sentences.length > 0 ? `来源说法不一：${sentences.join('')}` : null, conflicts };
}
