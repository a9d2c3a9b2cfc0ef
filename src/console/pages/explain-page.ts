// Test a question: the answer, then the trace (question analysis, retrieved passages with scores, rule decisions).
import { reasonNames, ruleNames } from '../../widget/rule-labels.js';
import { api } from '../api-client.js';
import { h, replace, showStatus, statusLine, table } from '../dom.js';
import { valueLabel } from '../labels.js';

interface Explanation {
  indexVersion: string;
  analysis: { normalized: string; topics: Array<{ id: string; label: string }>; scope: { values: Record<string, string>; regions: string[] }; treatment: boolean };
  passages: Array<{ sourceId: string; title: string; text: string; score: number; lexicalScore: number; vectorSimilarity: number }>;
  resolutions: Array<{ subject: string; decision: string | null; rule: string | null; values: Array<{ value: string; state: string; reason: string | null; sources: Array<{ title: string; date: string | null }> }> }>;
  answer: { status: string; mode?: string; answer: string; citations: Array<{ n: number; title: string; date: string | null; quote: string }>; disclaimer: string };
}

const number = (value: number) => value.toFixed(4);

export async function renderExplainPage(container: HTMLElement): Promise<void> {
  const input = h('input', { id: 'explain-question', name: 'q', required: true, maxlength: '1000', size: '60', placeholder: '输入用户可能会问的问题' });
  const status = statusLine();
  const result = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      className: 'inline',
      'aria-label': '测试问题',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        showStatus(status, '正在检索…', 'busy');
        try {
          const explanation = await api<Explanation>('GET', `/admin/explain?q=${encodeURIComponent(input.value.trim())}`);
          showStatus(status, `版本 ${explanation.indexVersion} 的结果：`, 'ok');
          render(explanation);
        } catch (error) {
          showStatus(status, (error as Error).message, 'error');
        }
      },
    },
    h('label', { for: 'explain-question' }, '问题', input),
    h('button', { type: 'submit' }, '测试'),
  );

  function render(explanation: Explanation) {
    const { analysis, answer } = explanation;
    const situation = Object.entries(analysis.scope.values).map(([dimension, value]) => `${dimension}：${value}`).concat(analysis.scope.regions.map((region) => `地区：${region}`));
    replace(
      result,
      h('h3', {}, `回答（${answer.status === 'answered' ? (answer.mode === 'standard' ? '标准答案' : '已回答') : '无法回答'}）`),
      h('div', { className: 'answer' }, answer.answer),
      answer.citations.length ? h('ol', {}, ...answer.citations.map((citation) => h('li', {}, `${citation.title}（${citation.date ?? '未注明日期'}）：`, h('q', {}, citation.quote)))) : '',
      h('p', { className: 'hint' }, answer.disclaimer),
      h('h3', {}, '问题分析'),
      h(
        'ul',
        {},
        h('li', {}, `规范化后：${analysis.normalized}`),
        h('li', {}, `主题：${analysis.topics.map((topic) => topic.label).join('、') || '无'}`),
        h('li', {}, `用户情形：${situation.join('；') || '未说明'}`),
      ),
      table(
        '检索到的段落',
        ['#', '来源', '融合得分', 'BM25', '向量相似度', '内容'],
        explanation.passages.map((passage, position) => [String(position + 1), passage.title, number(passage.score), number(passage.lexicalScore), number(passage.vectorSimilarity), passage.text]),
      ),
      explanation.resolutions.length
        ? table(
            '规则裁决',
            ['主题', '说法', '裁决', '规则'],
            explanation.resolutions.map((resolution) => [
              resolution.subject,
              h('ul', {}, ...resolution.values.map((value) => h('li', {}, `${valueLabel(value.value)}：${value.state === 'adopted' ? '采用' : value.state === 'rejected' ? `未采用（${reasonNames[value.reason ?? ''] ?? value.reason}）` : '未决'}，${value.sources.map((source) => source.title).join('、')}`))),
              resolution.decision === null ? '无法判定' : valueLabel(resolution.decision),
              resolution.rule ? ruleNames[resolution.rule] ?? resolution.rule : '来源一致',
            ]),
          )
        : h('p', {}, '问题未涉及有论断的主题。'),
    );
  }

  container.append(form, status, result);
  input.focus();
}
