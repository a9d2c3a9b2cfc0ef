// Standard answers: the list with each one's state in the serving version, and a form to add or edit one.
import { api } from '../api-client.js';
import { h, replace, showStatus, statusLine, table } from '../dom.js';

interface StandardAnswer {
  id: string;
  questions: string[];
  answer: string;
  citations?: Array<{ sourceId: string; quote: string }>;
  state: 'published' | 'skipped' | 'pending';
  reason: string | null;
}

const stateNames = { published: '已发布', skipped: '未发布', pending: '待发布' };

export async function renderAnswersPage(container: HTMLElement): Promise<void> {
  const status = statusLine();
  const list = h('div');
  let editing: string | null = null;
  const questions = h('textarea', { id: 'answer-questions', name: 'questions', required: true, placeholder: '每行一个问题' });
  const answer = h('textarea', { id: 'answer-text', name: 'answer', required: true });
  const citations = h('div', { className: 'citations' });
  const legend = h('h3', {}, '新增标准答案');
  const addCitation = (sourceId = '', quote = '') => {
    const row = h(
      'div',
      { className: 'fields citation' },
      h('label', {}, '来源 ID', h('input', { name: 'sourceId', value: sourceId, placeholder: '如 001_e1238a5f0d808521' })),
      h('label', {}, '原文引文（须逐字一致）', h('input', { name: 'quote', value: quote })),
    );
    row.append(h('button', { type: 'button', className: 'secondary', 'aria-label': '删除这条引用', onclick: () => row.remove() }, '删除引用'));
    citations.append(row);
  };
  const reset = () => {
    editing = null;
    legend.textContent = '新增标准答案';
    form.reset();
    replace(citations);
  };
  const form = h(
    'form',
    {
      'aria-label': '标准答案',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const body = {
          questions: questions.value.split('\n').map((line) => line.trim()).filter(Boolean),
          answer: answer.value.trim(),
          citations: [...citations.querySelectorAll('.citation')]
            .map((row) => ({ sourceId: (row.querySelector('[name=sourceId]') as HTMLInputElement).value.trim(), quote: (row.querySelector('[name=quote]') as HTMLInputElement).value.trim() }))
            .filter((citation) => citation.sourceId && citation.quote),
        };
        showStatus(status, '正在校验引文并发布…', 'busy');
        try {
          const result = await api<{ version: string }>(editing ? 'PUT' : 'POST', editing ? `/admin/answers/${editing}` : '/admin/answers', body);
          showStatus(status, `已保存，已发布版本 ${result.version}。`, 'ok');
          reset();
          await refresh();
        } catch (error) {
          showStatus(status, (error as Error).message, 'error');
        }
      },
    },
    legend,
    h('label', { for: 'answer-questions' }, '问题（每行一个；相似度达到阈值的提问也会命中）'),
    questions,
    h('label', { for: 'answer-text' }, '答案（可用 [1] 标注引用）'),
    answer,
    citations,
    h('div', { className: 'actions' }, h('button', { type: 'button', className: 'secondary', onclick: () => addCitation() }, '添加引用'), h('button', { type: 'submit' }, '保存并发布'), h('button', { type: 'button', className: 'secondary', onclick: reset }, '清空')),
  );

  async function remove(entry: StandardAnswer) {
    if (!window.confirm(`确定删除标准答案“${entry.questions[0]}”？`)) return;
    try {
      const result = await api<{ version: string }>('DELETE', `/admin/answers/${entry.id}`);
      showStatus(status, `已删除，已发布版本 ${result.version}。`, 'ok');
      await refresh();
    } catch (error) {
      showStatus(status, (error as Error).message, 'error');
    }
  }

  function edit(entry: StandardAnswer) {
    editing = entry.id;
    legend.textContent = `编辑标准答案 ${entry.id}`;
    questions.value = entry.questions.join('\n');
    answer.value = entry.answer;
    replace(citations);
    for (const citation of entry.citations ?? []) addCitation(citation.sourceId, citation.quote);
    questions.focus();
  }

  async function refresh() {
    const { answers } = await api<{ answers: StandardAnswer[] }>('GET', '/admin/answers');
    replace(
      list,
      answers.length === 0
        ? h('p', {}, '还没有标准答案。')
        : table(
            `标准答案（${answers.length} 条）`,
            ['问题', '答案', '引用', '状态', '操作'],
            answers.map((entry) => [
              h('ul', {}, ...entry.questions.map((question) => h('li', {}, question))),
              entry.answer,
              (entry.citations ?? []).map((citation) => `${citation.sourceId}：“${citation.quote}”`).join('\n'),
              `${stateNames[entry.state]}${entry.reason ? `：${entry.reason}` : ''}`,
              h('div', { className: 'actions' }, h('button', { type: 'button', className: 'secondary', 'aria-label': `编辑 ${entry.questions[0]}`, onclick: () => edit(entry) }, '编辑'), h('button', { type: 'button', className: 'danger', 'aria-label': `删除 ${entry.questions[0]}`, onclick: () => void remove(entry) }, '删除')),
            ]),
          ),
    );
  }

  container.append(h('p', { className: 'hint' }, '标准答案随版本发布，命中时以“标准答案”方式回答，并始终附免责声明；引文在发布时逐字核对。'), form, status, list);
  await refresh();
}
