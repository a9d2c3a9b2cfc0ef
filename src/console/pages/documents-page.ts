// Documents: upload, replace, disable/enable, delete, each with the resulting version or the error.
import { api } from '../api-client.js';
import { h, replace, showStatus, statusLine, table } from '../dom.js';
import { authorityNames } from '../labels.js';
import { metadataFields } from '../metadata-fields.js';

interface DocumentEntry {
  path: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  authority: string | null;
  supersedes: string[];
  effectiveDate: string | null;
  enabled: boolean;
  indexed: boolean;
  skippedReason: string | null;
  chunks: number;
  claims: number;
}

export async function renderDocumentsPage(container: HTMLElement): Promise<void> {
  const status = statusLine();
  const list = h('div');
  const documentUrl = (path: string) => `/admin/documents/${path.split('/').map(encodeURIComponent).join('/')}`;
  /** Runs one change, then shows the version it published (or the error) and the refreshed list. */
  async function publish(doing: string, done: string, work: () => Promise<{ version: string }>): Promise<boolean> {
    showStatus(status, `正在${doing}…`, 'busy');
    try {
      const result = await work();
      showStatus(status, `${done}，已发布版本 ${result.version}。`, 'ok');
      await refresh();
      return true;
    } catch (error) {
      showStatus(status, (error as Error).message, 'error');
      return false;
    }
  }

  const file = h('input', { type: 'file', id: 'upload-file', name: 'file', accept: '.md,.txt,.html,.htm', required: true });
  const path = h('input', { id: 'upload-path', name: 'path', placeholder: '如 notices/2025-transfer.md（默认用文件名）' });
  const metadata = metadataFields();
  const upload = h(
    'form',
    {
      'aria-label': '上传文档',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const chosen = file.files?.[0];
        if (!chosen) return;
        const form = new FormData();
        form.set('file', chosen);
        if (path.value.trim()) form.set('path', path.value.trim());
        const fields = metadata.value();
        if (Object.keys(fields).length) form.set('metadata', JSON.stringify(fields));
        if (await publish(`上传并发布 ${chosen.name}`, `已上传 ${path.value.trim() || chosen.name}`, () => api('POST', '/admin/documents', form))) upload.reset();
      },
    },
    h('h3', {}, '上传文档'),
    h('label', { for: 'upload-file' }, '文件（.md / .txt / .html，最大 5 MB）'),
    file,
    h('label', { for: 'upload-path' }, '语料库中的路径'),
    path,
    metadata.element,
    h('div', {}, h('button', { type: 'submit' }, '上传并发布')),
  );

  async function change(entry: DocumentEntry, action: 'disable' | 'enable' | 'delete') {
    const labels = { disable: '停用', enable: '启用', delete: '删除' };
    if (action === 'delete' && !window.confirm(`确定删除 ${entry.path}？删除后可在“版本”页回滚恢复。`)) return;
    const url = documentUrl(entry.path);
    await publish(`${labels[action]} ${entry.path}`, `已${labels[action]} ${entry.path}`, () => (action === 'delete' ? api('DELETE', url) : api('PATCH', url, { enabled: action === 'enable' })));
  }

  function metadataForm(entry: DocumentEntry) {
    const fields = metadataFields({ title: entry.title ?? '', date: entry.date ?? '', publisher: entry.publisher ?? '', authority: entry.authority ?? '', supersedes: entry.supersedes.join(', '), effectiveDate: entry.effectiveDate ?? '' });
    return h(
      'form',
      {
        'aria-label': `编辑 ${entry.path} 的元数据`,
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const changes = fields.changes();
          if (Object.keys(changes).length === 0) return showStatus(status, '没有修改。', 'ok');
          await publish(`保存 ${entry.path} 的元数据`, `已保存 ${entry.path} 的元数据`, () => api('PATCH', documentUrl(entry.path), changes));
        },
      },
      fields.element,
      h('div', {}, h('button', { type: 'submit' }, '保存元数据并发布')),
    );
  }

  function replaceForm(entry: DocumentEntry) {
    const input = h('input', { type: 'file', accept: '.md,.txt,.html,.htm', required: true, 'aria-label': `${entry.path} 的新文件` });
    return h(
      'form',
      {
        className: 'inline',
        'aria-label': `替换 ${entry.path}`,
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const chosen = input.files?.[0];
          if (!chosen) return;
          const form = new FormData();
          form.set('file', chosen);
          await publish(`替换 ${entry.path}`, `已替换 ${entry.path}`, () => api('PUT', documentUrl(entry.path), form));
        },
      },
      input,
      h('button', { type: 'submit', className: 'secondary' }, '替换'),
    );
  }

  async function refresh() {
    const { documents, indexVersion } = await api<{ documents: DocumentEntry[]; indexVersion: string }>('GET', '/admin/documents');
    const state = (entry: DocumentEntry) =>
      !entry.enabled ? h('span', { className: 'badge off' }, '已停用') : entry.indexed ? h('span', { className: 'badge adopted' }, '已发布') : h('span', { className: 'badge off' }, `未索引${entry.skippedReason ? `：${entry.skippedReason}` : ''}`);
    replace(
      list,
      table(
        `语料库文档（${documents.length} 个，当前版本 ${indexVersion}）`,
        ['路径', '标题', '日期', '权威性', '状态', '分块', '论断', '操作'],
        documents.map((entry) => [
          h('code', {}, entry.path),
          entry.title ?? '',
          [entry.date ?? '未注明', entry.effectiveDate ? `（生效 ${entry.effectiveDate}）` : ''].join(''),
          [authorityNames[entry.authority ?? 'unknown'] ?? entry.authority, entry.supersedes.length ? `；取代 ${entry.supersedes.join('、')}` : ''].join(''),
          state(entry),
          String(entry.chunks),
          String(entry.claims),
          h(
            'div',
            { className: 'actions' },
            entry.enabled
              ? h('button', { type: 'button', className: 'secondary', 'aria-label': `停用 ${entry.path}`, onclick: () => void change(entry, 'disable') }, '停用')
              : h('button', { type: 'button', className: 'secondary', 'aria-label': `启用 ${entry.path}`, onclick: () => void change(entry, 'enable') }, '启用'),
            h('button', { type: 'button', className: 'danger', 'aria-label': `删除 ${entry.path}`, onclick: () => void change(entry, 'delete') }, '删除'),
            h('details', {}, h('summary', {}, '替换文件或编辑元数据'), replaceForm(entry), metadataForm(entry)),
          ),
        ]),
      ),
    );
  }

  container.append(upload, status, list);
  await refresh();
}
