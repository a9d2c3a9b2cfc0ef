// Contradictions: for each contested subject, the values per source (date, authority, quote), the decision and the rule.
import { ruleNames, reasonNames } from '../../widget/rule-labels.js';
import { api } from '../api-client.js';
import { h, replace, table } from '../dom.js';
import { authorityNames, valueLabel } from '../labels.js';

/** The shapes of GET /admin/conflicts (buildConflictReport, plus the corpus paths of the documents to retire). */
interface ReportedSource {
  sourceId: string;
  title: string;
  date: string | null;
  authority: string;
  quote: string;
}
interface ConflictEntry {
  subject: string;
  kind: string;
  values: Array<{ value: string; sources: ReportedSource[] }>;
  decision: { adopted: string | null; rule: string; rejected: Array<{ value: string; sourceId: string; reason: string }> };
  retire: string[];
  retireDocuments: string[];
}

type ValueState = 'adopted' | 'rejected' | 'undecided' | 'narrower';
const stateNames: Record<ValueState, string> = { adopted: '采用', rejected: '未采用', undecided: '未决', narrower: '仅适用特定情形' };

function stateOf(entry: ConflictEntry, value: string): { state: ValueState; reasons: string[] } {
  const reasons = [...new Set(entry.decision.rejected.filter((rejected) => rejected.value === value).map((rejected) => reasonNames[rejected.reason] ?? rejected.reason))];
  if (entry.decision.adopted === value) return { state: 'adopted', reasons: [] };
  if (reasons.length > 0) return { state: 'rejected', reasons };
  return { state: entry.decision.adopted === null ? 'undecided' : 'narrower', reasons: [] };
}

/** One item per source, with the first sentence it states the value in. */
function sourceItems(sources: ReportedSource[]) {
  const bySource = new Map<string, { source: ReportedSource; count: number }>();
  for (const source of sources) {
    const seen = bySource.get(source.sourceId);
    if (seen) seen.count++;
    else bySource.set(source.sourceId, { source, count: 1 });
  }
  return [...bySource.values()].map(({ source, count }) =>
    h(
      'li',
      {},
      h('a', { href: `/api/sources/${encodeURIComponent(source.sourceId)}`, target: '_blank', rel: 'noopener noreferrer' }, source.title),
      `（${source.date ?? '未注明日期'}，${authorityNames[source.authority] ?? source.authority}）`,
      count > 1 ? `，${count} 处` : '',
      h('br'),
      h('q', {}, source.quote),
    ),
  );
}

export async function renderConflictsPage(container: HTMLElement): Promise<void> {
  const { conflicts, indexVersion } = await api<{ conflicts: ConflictEntry[]; indexVersion: string }>('GET', '/admin/conflicts');
  const body = h('div');
  container.append(h('p', { className: 'hint' }, '资料之间说法不一的主题，以及规则层在用户未说明具体情形时的裁决。可停用或修改“建议处理”中的文档。'), body);
  if (conflicts.length === 0) return replace(body, h('p', {}, '当前版本中没有相互矛盾的说法。'));
  replace(
    body,
    table(
      `矛盾一览（${conflicts.length} 个主题，版本 ${indexVersion}）`,
      ['主题', '各来源的说法', '裁决', '规则', '建议处理'],
      conflicts.map((entry) => [
        h('div', {}, entry.subject, h('br'), h('span', { className: 'hint' }, entry.kind)),
        h(
          'div',
          {},
          ...entry.values.map((value) => {
            const { state, reasons } = stateOf(entry, value.value);
            return h(
              'div',
              { className: 'value' },
              h('span', { className: `badge ${state}` }, stateNames[state]),
              h('strong', {}, valueLabel(value.value)),
              reasons.length ? `（${reasons.join('；')}）` : '',
              h('ul', {}, ...sourceItems(value.sources)),
            );
          }),
        ),
        entry.decision.adopted === null ? '无法判定' : valueLabel(entry.decision.adopted),
        h('span', { className: 'rule', 'data-rule': entry.decision.rule }, `${ruleNames[entry.decision.rule] ?? entry.decision.rule}（${entry.decision.rule}）`),
        entry.retireDocuments.length ? h('ul', {}, ...entry.retireDocuments.map((path) => h('li', {}, h('a', { href: '#/documents' }, path)))) : '—',
      ]),
    ),
  );
}
