// Test a question: the answer, then the trace (question analysis, retrieved passages with scores, claims, rule trace).
import { ruleNames } from '../../widget/rule-labels.js';
import { api } from '../api-client.js';
import { h, replace, showStatus, statusLine, table } from '../dom.js';
import { authorityNames, verdictNames } from '../labels.js';

/** The shape of GET /admin/explain (explainQuestion, with the answer as the chat API serves it). */
interface Explanation {
  indexVersion: string;
  analysis: {
    parts: Array<{ text: string; type: string; unit: string | null; focus: Array<{ word: string; weight: number; asked: boolean }> }>;
    situation: { scope: unknown; words: string[]; quantities: string[] };
    refusal: string | null;
    unknownWords: string[];
    followUp: boolean;
  };
  passages: Array<{ part: number; sourceId: string; sentence: string; label: string | null; path: string[]; score: number; coverage: number; verdict: string; specificity: number }>;
  claims: Array<{ part: number; sourceId: string; sentence: string; value: string; verdict: string; authority: string; date: string | null; family: string }>;
  rules: Array<{ part: number; rule: string | null; trace: string[] }>;
  response: { status: string; mode?: string; answer: string; citations: Array<{ n: number; title: string; date: string | null; quote: string }>; disclaimer: string };
}

const number = (value: number) => value.toFixed(3);
const sourceLink = (sourceId: string) => h('a', { href: `/api/sources/${encodeURIComponent(sourceId)}`, target: '_blank', rel: 'noopener noreferrer' }, sourceId);
/** The question part a row belongs to, when the question has several. */
const partLabel = (explanation: Explanation, part: number) => (explanation.analysis.parts.length > 1 ? `${part + 1}. ` : '');

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
    const { analysis, response } = explanation;
    replace(
      result,
      h('h3', {}, `回答（${response.status === 'answered' ? (response.mode === 'standard' ? '标准答案' : '已回答') : '无法回答'}）`),
      h('div', { className: 'answer' }, response.answer),
      response.citations.length ? h('ol', {}, ...response.citations.map((citation) => h('li', {}, `${citation.title}（${citation.date ?? '未注明日期'}）：`, h('q', {}, citation.quote)))) : '',
      h('p', { className: 'hint' }, response.disclaimer),
      h('h3', {}, '问题分析'),
      h(
        'ul',
        {},
        ...analysis.parts.map((part, position) =>
          h('li', {}, `${partLabel(explanation, position)}“${part.text}”：类型 ${part.type}${part.unit ? `，单位 ${part.unit}` : ''}；关键词 ${part.focus.map((word) => `${word.word}(${number(word.weight)})`).join('、') || '无'}`),
        ),
        h('li', {}, `用户情形：${analysis.situation.words.join('、') || '未说明'}${analysis.situation.quantities.length ? `；数量 ${analysis.situation.quantities.join('、')}` : ''}`),
        analysis.followUp ? h('li', {}, '追问：沿用上一轮的话题') : '',
        analysis.unknownWords.length ? h('li', {}, `资料库中没有的词：${analysis.unknownWords.join('、')}`) : '',
        analysis.refusal ? h('li', {}, `拒答：${analysis.refusal}`) : '',
      ),
      explanation.passages.length
        ? table(
            '检索到的段落',
            ['#', '来源', '得分', '覆盖率', '判断', '内容'],
            explanation.passages.map((passage, position) => [
              `${partLabel(explanation, passage.part)}${position + 1}`,
              sourceLink(passage.sourceId),
              number(passage.score),
              number(passage.coverage),
              verdictNames[passage.verdict] ?? passage.verdict,
              h('div', {}, passage.path.length ? h('span', { className: 'hint' }, passage.path.join(' › ')) : '', passage.path.length ? h('br') : '', passage.sentence),
            ]),
          )
        : h('p', {}, '没有检索到段落。'),
      explanation.claims.length
        ? table(
            '可比较的论断',
            ['来源', '值', '判断', '权威性', '日期', '句子'],
            explanation.claims.map((claim) => [sourceLink(claim.sourceId), claim.value, verdictNames[claim.verdict] ?? claim.verdict, authorityNames[claim.authority] ?? claim.authority, claim.date ?? '未注明', claim.sentence]),
          )
        : h('p', {}, '问题未涉及可比较的论断。'),
      ...explanation.rules.map((rule) =>
        h(
          'div',
          { className: 'value' },
          h('strong', {}, `${partLabel(explanation, rule.part)}规则裁决：${rule.rule ? `${ruleNames[rule.rule] ?? rule.rule}（${rule.rule}）` : '来源一致'}`),
          h('ol', {}, ...rule.trace.map((step) => h('li', {}, step))),
        ),
      ),
    );
  }

  container.append(form, status, result);
  input.focus();
}
