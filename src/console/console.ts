// The operator console: a token prompt (kept in sessionStorage), a page per task, hash routing, Chinese UI.
import { api, token, whenUnauthorized } from './api-client.js';
import { consoleStyles } from './console-styles.js';
import { h, replace, showStatus, statusLine } from './dom.js';
import { renderAnswersPage } from './pages/answers-page.js';
import { renderConflictsPage } from './pages/conflicts-page.js';
import { renderDocumentsPage } from './pages/documents-page.js';
import { renderExplainPage } from './pages/explain-page.js';
import { renderRecordsPage } from './pages/records-page.js';
import { renderVersionsPage } from './pages/versions-page.js';

const pages: Array<{ path: string; title: string; render: (container: HTMLElement) => Promise<void> }> = [
  { path: 'documents', title: '文档', render: renderDocumentsPage },
  { path: 'conflicts', title: '矛盾', render: renderConflictsPage },
  { path: 'explain', title: '测试问题', render: renderExplainPage },
  { path: 'feedback', title: '反馈与日志', render: renderRecordsPage },
  { path: 'answers', title: '标准答案', render: renderAnswersPage },
  { path: 'versions', title: '版本', render: renderVersionsPage },
];

function mount(root: HTMLElement): void {
  document.head.append(h('style', {}, consoleStyles));
  const main = h('main', { id: 'content', tabindex: '-1' });
  const header = h('header', {}, h('h1', {}, '知识库运营控制台'));
  replace(root, h('a', { href: '#content', className: 'skip' }, '跳到主要内容'), header, main);

  if (root.dataset.adminEnabled !== 'true') {
    replace(main, h('p', { className: 'notice' }, '管理接口未启用：请在服务器上设置 ADMIN_TOKEN（或 ADMIN_TOKENS=名称=令牌,…）后重启服务。'));
    return;
  }

  const signIn = (message?: string) => {
    token.clear();
    replace(header, h('h1', {}, '知识库运营控制台'));
    const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'current-password', required: true });
    const status = statusLine();
    const form = h(
      'form',
      {
        className: 'sign-in',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          token.set(input.value.trim());
          showStatus(status, '正在验证…', 'busy');
          try {
            await api('GET', '/admin/versions');
            route();
          } catch (error) {
            token.clear();
            showStatus(status, (error as Error).message, 'error');
            input.focus();
          }
        },
      },
      h('h2', {}, '登录'),
      h('label', { for: 'token' }, '管理令牌'),
      input,
      h('button', { type: 'submit' }, '进入控制台'),
      h('p', { className: 'hint' }, '令牌只保存在本标签页（sessionStorage），关闭标签页即失效。'),
      status,
    );
    replace(main, form);
    if (message) showStatus(status, message, 'error');
    input.focus();
  };
  whenUnauthorized(() => signIn('管理令牌无效或已失效，请重新输入。'));

  const navigation = () =>
    h(
      'nav',
      { 'aria-label': '控制台页面' },
      h('ul', {}, ...pages.map((page) => h('li', {}, h('a', { href: `#/${page.path}`, 'data-page': page.path }, page.title)))),
      h('button', { type: 'button', className: 'sign-out', onclick: () => signIn() }, '退出'),
    );

  async function route(): Promise<void> {
    if (!token.get()) return signIn();
    const path = location.hash.replace(/^#\/?/, '').split('?')[0] || 'documents';
    const page = pages.find((candidate) => candidate.path === path) ?? pages[0];
    replace(header, h('h1', {}, '知识库运营控制台'), navigation());
    for (const link of header.querySelectorAll('nav a')) {
      if ((link as HTMLElement).dataset.page === page.path) link.setAttribute('aria-current', 'page');
    }
    document.title = `${page.title} · 知识库运营控制台`;
    const container = h('section', { 'aria-labelledby': 'page-title' }, h('h2', { id: 'page-title', tabindex: '-1' }, page.title));
    replace(main, container);
    container.querySelector('h2')!.focus();
    try {
      await page.render(container);
    } catch (error) {
      const line = statusLine();
      container.append(line);
      showStatus(line, (error as Error).message, 'error');
    }
  }
  window.addEventListener('hashchange', () => void route());
  void route();
}

const root = document.getElementById('console');
if (root) mount(root);
