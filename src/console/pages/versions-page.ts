// Versions: the kept index versions; activating one restores its corpus and switches to it.
import { api } from '../api-client.js';
import { h, replace, showStatus, statusLine, table } from '../dom.js';

interface VersionEntry {
  version: string;
  createdAt: string | null;
  active: boolean;
  restorable: boolean;
  /** Claims by kind (quantity, polarity, list, …). */
  counts: { documents: number; chunks: number; claims: Record<string, number> } | null;
  disabled: number;
  error: string | null;
  change: { actor: string; action: string; target: string } | null;
}

const actionNames: Record<string, string> = {
  'document.create': '上传',
  'document.replace': '替换',
  'document.update': '修改元数据',
  'document.disable': '停用',
  'document.enable': '启用',
  'document.delete': '删除',
  'answer.create': '新增标准答案',
  'answer.replace': '修改标准答案',
  'answer.delete': '删除标准答案',
};

export async function renderVersionsPage(container: HTMLElement): Promise<void> {
  const status = statusLine();
  const list = h('div');

  async function activate(entry: VersionEntry) {
    if (!window.confirm(`确定回滚到版本 ${entry.version}？语料库文件会恢复为该版本的内容。`)) return;
    showStatus(status, `正在启用 ${entry.version}…`, 'busy');
    try {
      const result = await api<{ version: string; corpus: { written: string[]; removed: string[] } }>('POST', `/admin/versions/${encodeURIComponent(entry.version)}/activate`);
      showStatus(status, `已启用版本 ${result.version}（恢复 ${result.corpus.written.length} 个文件，移除 ${result.corpus.removed.length} 个文件）。`, 'ok');
      await refresh();
    } catch (error) {
      showStatus(status, (error as Error).message, 'error');
    }
  }

  async function refresh() {
    const { versions } = await api<{ versions: VersionEntry[] }>('GET', '/admin/versions');
    replace(
      list,
      table(
        `保留的版本（${versions.length} 个）`,
        ['版本', '创建时间', '由此变更产生', '文档', '分块', '论断', '状态', '操作'],
        versions.map((entry) => [
          h('code', {}, entry.version),
          entry.createdAt?.replace('T', ' ').slice(0, 19) ?? '',
          entry.change ? `${entry.change.actor}：${actionNames[entry.change.action] ?? entry.change.action} ${entry.change.target}` : '命令行或重建索引',
          String(entry.counts?.documents ?? ''),
          String(entry.counts?.chunks ?? ''),
          entry.counts ? String((['quantity', 'polarity', 'list'] as const).reduce((sum, kind) => sum + (entry.counts!.claims[kind] ?? 0), 0)) : '',
          entry.active ? h('span', { className: 'badge adopted' }, '当前版本') : entry.error ?? (entry.restorable ? '可回滚' : '无语料快照，不可回滚'),
          entry.active ? '' : h('button', { type: 'button', disabled: !entry.restorable, 'aria-label': `启用版本 ${entry.version}`, onclick: () => void activate(entry) }, '启用此版本'),
        ]),
      ),
    );
  }

  container.append(h('p', { className: 'hint' }, '每个版本保存了构建它的语料文件。启用旧版本即回滚：语料库恢复为该版本的文件，服务立即切换到该版本；之后的修改从该版本继续。'), status, list);
  await refresh();
}
