// Feedback and logs: filters, tables and CSV/JSONL exports of feedback, conversation logs and the audit of changes.
import { api, download } from '../api-client.js';
import { h, replace, showStatus, statusLine, table } from '../dom.js';

interface Page<T> {
  total: number;
  items: T[];
  logging?: boolean;
  retentionDays?: number;
}
interface Feedback {
  createdAt: string;
  rating: 'up' | 'down';
  question: string;
  comment: string | null;
  answer: string | null;
  indexVersion: string | null;
}
interface Conversation {
  createdAt: string;
  sessionId: string;
  channel: string;
  question: string;
  status: string;
  answer: string;
}
interface Audit {
  createdAt: string;
  actor: string;
  action: string;
  target: string;
  details: { outcome?: string; version?: string } | null;
}

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/** One filterable list with its export buttons. */
function section<T>({ title, endpoint, fileName, filters, columns, row, intro }: { title: string; endpoint: string; fileName: string; filters: HTMLElement[]; columns: string[]; row: (item: T) => Array<Node | string>; intro?: (page: Page<T>) => Node | null }) {
  const status = statusLine();
  const body = h('div');
  const query = () => {
    const parameters = new URLSearchParams();
    for (const filter of filters) {
      const input = filter.querySelector('input, select') as HTMLInputElement;
      if (input.value.trim()) parameters.set(input.name, input.value.trim());
    }
    return parameters;
  };
  const load = async () => {
    try {
      const page = await api<Page<T>>('GET', `${endpoint}?${query()}`);
      replace(body, intro?.(page) ?? '', table(`${title}（共 ${page.total} 条${page.total > page.items.length ? `，显示最近 ${page.items.length} 条` : ''}）`, columns, page.items.map(row)));
      showStatus(status, '', 'ok');
    } catch (error) {
      showStatus(status, (error as Error).message, 'error');
    }
  };
  const exportAs = (format: 'csv' | 'jsonl') => async () => {
    const parameters = query();
    parameters.set('format', format);
    try {
      await download(`${endpoint}?${parameters}`, `${fileName}.${format}`);
    } catch (error) {
      showStatus(status, (error as Error).message, 'error');
    }
  };
  const form = h(
    'form',
    {
      className: 'inline',
      'aria-label': `筛选${title}`,
      onsubmit: (event: Event) => {
        event.preventDefault();
        void load();
      },
    },
    ...filters,
    h('button', { type: 'submit' }, '筛选'),
    h('button', { type: 'button', className: 'secondary', onclick: exportAs('csv') }, '导出 CSV'),
    h('button', { type: 'button', className: 'secondary', onclick: exportAs('jsonl') }, '导出 JSONL'),
  );
  return { element: h('div', {}, h('h3', {}, title), form, status, body), load };
}

const filter = (name: string, label: string, input?: HTMLElement) => h('label', {}, label, input ?? h('input', { name, type: name === 'from' || name === 'to' ? 'date' : 'text' }));

export async function renderRecordsPage(container: HTMLElement): Promise<void> {
  const feedback = section<Feedback>({
    title: '用户反馈',
    endpoint: '/admin/feedback',
    fileName: 'feedback',
    filters: [
      filter('rating', '评价', h('select', { name: 'rating' }, h('option', { value: '' }, '全部'), h('option', { value: 'down' }, '👎 没有帮助'), h('option', { value: 'up' }, '👍 有帮助'))),
      filter('q', '关键词'),
      filter('from', '起始日期'),
      filter('to', '截止日期'),
    ],
    columns: ['时间', '评价', '问题', '意见', '当时的回答', '版本'],
    row: (item) => [time(item.createdAt), item.rating === 'down' ? '👎 没有帮助' : '👍 有帮助', item.question, item.comment ?? '', item.answer ?? '（无法重算）', item.indexVersion ?? ''],
  });
  const conversations = section<Conversation>({
    title: '对话日志',
    endpoint: '/admin/conversations',
    fileName: 'conversations',
    filters: [filter('q', '关键词'), filter('sessionId', '会话 ID'), filter('from', '起始日期'), filter('to', '截止日期')],
    columns: ['时间', '会话', '渠道', '问题', '状态', '回答'],
    row: (item) => [time(item.createdAt), item.sessionId, item.channel, item.question, item.status === 'answered' ? '已回答' : '无法回答', item.answer],
    intro: (page) =>
      h(
        'p',
        { className: page.logging ? 'hint' : 'notice' },
        page.logging ? `对话日志已开启（属于个人数据，保留 ${page.retentionDays} 天后自动删除）。` : '对话日志未开启：服务器不保存任何对话。需要时设置 LOG_CONVERSATIONS=1 开启（属于个人数据，请遵守隐私规定），LOG_RETENTION_DAYS 决定保留天数。',
      ),
  });
  const audit = section<Audit>({
    title: '操作记录',
    endpoint: '/admin/audit',
    fileName: 'audit',
    filters: [filter('actor', '操作人'), filter('q', '关键词'), filter('from', '起始日期'), filter('to', '截止日期')],
    columns: ['时间', '操作人', '操作', '对象', '结果'],
    row: (item) => [time(item.createdAt), item.actor, item.action, item.target, item.details?.outcome === 'failed' ? '失败，未发布' : item.details?.version ? `版本 ${item.details.version}` : (item.details?.outcome ?? '')],
  });
  container.append(feedback.element, conversations.element, audit.element);
  await Promise.all([feedback.load(), conversations.load(), audit.load()]);
}
