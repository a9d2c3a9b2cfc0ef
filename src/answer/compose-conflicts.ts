// The 来源说法不一 paragraph and the structured conflicts, from the topic resolutions.
import type { Claim } from '../reconcile/claim-types.js';
import type { RejectionReason, ResolutionRule, TopicResolution } from '../reconcile/resolution-types.js';
import type { Conflict } from './answer-types.js';
import type { CitationBook } from './citation-book.js';
import { citedClaims, quoted } from './claim-quote.js';
import { escapeMarkup } from './display-sentence.js';

const ruleExplanations: Record<ResolutionRule, string> = {
  scope: '按适用范围：针对您所述情形的专门规定优先于一般说法',
  authority: '按来源权威性：官方来源优先于媒体，媒体优先于聚合网站',
  time: '按时间：采用日期最新的说法，未注明日期的说法不能优先于有日期的',
  consensus: '按独立来源数量：相互转载的来源只计一次',
  internal_consistency: '按内部一致性：自相矛盾的来源不计入',
  unresolved: '现有规则无法判定',
};

const reasonTexts: Record<RejectionReason, string> = {
  other_scope: '未针对您所述的情形，以专门规定为准',
  less_authoritative: '来源权威性较低',
  outdated: '发布时间较早，已过时',
  undated: '未注明日期',
  minority: '仅少数独立来源持此说法',
  inconsistent_source: '该来源对此自相矛盾',
};

/** The claim that speaks for a side: the narrowest, then the one closest to the question. */
export type PickRepresentative = (claims: Claim[]) => Claim;

export interface ComposedConflicts {
  paragraph: string | null;
  conflicts: Conflict[];
}


function numbers(book: CitationBook, claims: Claim[]): number[] {
  return [...new Set(claims.map((claim) => book.numberOf(claim.sourceId)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
}

/** One conflict entry per topic whose applicable sources disagree; cites as it writes. */
export function composeConflicts({ resolutions, labels, book, pick, advice }: {
  resolutions: TopicResolution[];
  labels: Map<string, string>;
  book: CitationBook;
  pick: PickRepresentative;
  advice: string;
}): ComposedConflicts {
  const conflicts: Conflict[] = [];
  const sentences: string[] = [];
  for (const resolution of resolutions) {
    if (!resolution.rule) continue;
    const label = labels.get(resolution.topicId) ?? resolution.topicId;
    if (resolution.rule === 'unresolved' || !resolution.adopted) {
      const sides = resolution.sides.map((side) => {
        const representative = pick(side.claims);
        const cited = citedClaims(side.claims, representative);
        const markers = book.citeAll(cited.map(quoted));
        return { side, representative, cited, text: `“${escapeMarkup(quoted(representative).text)}”${markers}` };
      });
      sentences.push(`关于“${label}”，各来源说法不一且${ruleExplanations.unresolved}：${sides.map((side) => side.text).join('；')}。${advice}`);
      conflicts.push({
        topic: label,
        adopted: null,
        rejected: sides.map((side) => ({ statement: quoted(side.representative).text, citations: numbers(book, side.cited), reason: 'unresolved' })),
        rule: 'unresolved',
      });
      continue;
    }
    const adoptedRepresentative = pick(resolution.adopted.claims);
    const adoptedCited = citedClaims(resolution.adopted.claims, adoptedRepresentative);
    const adoptedMarkers = book.citeAll(adoptedCited.map(quoted));
    const rejected = resolution.rejected.map((side) => {
      const representative = pick(side.claims);
      const cited = citedClaims(side.claims, representative);
      const markers = book.citeAll(cited.map(quoted));
      return { side, representative, cited, text: `“${escapeMarkup(quoted(representative).text)}”${markers}（${reasonTexts[side.reason]}）` };
    });
    sentences.push(
      `关于“${label}”，采用“${escapeMarkup(quoted(adoptedRepresentative).text)}”${adoptedMarkers}（${ruleExplanations[resolution.rule]}）；未采用${rejected.map((entry) => entry.text).join('、')}。`,
    );
    conflicts.push({
      topic: label,
      adopted: { statement: quoted(adoptedRepresentative).text, citations: numbers(book, adoptedCited) },
      rejected: rejected.map((entry) => ({ statement: quoted(entry.representative).text, citations: numbers(book, entry.cited), reason: entry.side.reason })),
      rule: resolution.rule,
    });
  }
  return { paragraph: sentences.length > 0 ? `来源说法不一：${sentences.join('')}` : null, conflicts };
}
