// Contradictions: for each contested subject, the values per source (date, authority), the decision and the rule.
import { ruleNames, reasonNames } from '../../widget/rule-labels.js';
import { api } from '../api-client.js';
import { h, replace, table } from '../dom.js';
import { authorityNames, valueLabel } from '../labels.js';

interface ConflictSource {
  sourceId: string;
  path: string | null;
  title: string;
  date: string | null;
  authority: string;
  sentences: string[];
}
interface ConflictEntry {
  topic: string;
  subject: string;
  decision: string | null;
  rule: string | null;
  values: Array<{ value: string; state: 'adopted' | 'rejected' | 'undecided'; reason: string | null; sources: ConflictSource[] }>;
  retire: string[];
}

const stateNames = { adopted: '采用', rejected: '未采用', undecided: '未决' };

function sourceItem(source: ConflictSource) {
  return h(
    'li',
    {},
    h('a', { href: `/api/sources/${encodeURIComponent(source.sourceId)}`, target: '_blank', rel: 'noopener noreferrer' }, source.title),
    `（${source.date ?? '未注明日期'}，${authorityNames[source.authority] ?? source.authority}）`,
    h('br'),
    h('q', {}, source.sentences[0] ?? ''),
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
        entry.subject,
        h(
          'div',
          {},
          ...entry.values.map((value) =>
            h(
              'div',
              { className: 'value' },
              h('span', { className: `badge ${value.state}` }, stateNames[value.state]),
              h('strong', {}, valueLabel(value.value)),
              value.reason ? `（${reasonNames[value.reason] ?? value.reason}）` : '',
              h('ul', {}, ...value.sources.map(sourceItem)),
            ),
          ),
        ),
        entry.decision === null ? '无法判定' : valueLabel(entry.decision),
        entry.rule ? `${ruleNames[entry.rule] ?? entry.rule}（${entry.rule}）` : '',
        entry.retire.length ? h('ul', {}, ...entry.retire.map((path) => h('li', {}, h('a', { href: '#/documents' }, path)))) : '—',
      ]),
    ),
  );
}
