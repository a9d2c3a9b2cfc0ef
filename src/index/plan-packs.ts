// What an incremental run does with each file and each pack: keep, read the statements again, or read the file; and
// which packs it can share with the previous version as they are.
import type { CorpusFile } from '../corpus/read-corpus.js';
import type { DisabledFile, FileSummary, Manifest, ManifestFile, SkippedEntry } from './index-types.js';
import { packOf } from './pack-layout.js';
import type { PreviousPacks } from './previous-packs.js';

/**
 * `keep`: the file's shard, summary and vectors are reused as they are; `restate`: its text rules are unchanged but
 * other rules are not, so its statements are read again (chunks, tokens and vectors are kept); `read`: new or changed;
 * `skip`: skipped for its content, or disabled by its front matter, last time and unchanged since; `disable`: disabled
 * by the metadata file (not read).
 */
export type FileAction = 'keep' | 'restate' | 'read' | 'skip' | 'disable';

export interface PlannedFile {
  file: CorpusFile;
  pack: number;
  action: FileAction;
  /** What the previous version recorded of the file. */
  before: ManifestFile | SkippedEntry | DisabledFile | null;
}

/** The previous version as far as this run can build on it. */
export interface ReusableBase {
  manifest: Manifest;
  summaries: ReadonlyMap<string, FileSummary>;
  packs: PreviousPacks;
  /** The rules other than the text rules changed: statements must be read again. */
  restate: boolean;
}

export interface PackLayout {
  packs: number;
  files: PlannedFile[];
  /** Packs whose shards file is the previous version's (hard-linked). */
  linkedShards: Set<number>;
  /** Packs whose graph is the previous version's: same files, same chunks, same vectors. */
  linkedGraphs: Set<number>;
}

/**
 * Decides each file's action and which packs are shared with the previous version. `metadata` is each file's entry of
 * the metadata file, fingerprinted (a file whose entry changed is read again), or `disabled` for a file it disables.
 */
export function planPacks({ files, packs, base, metadata }: { files: CorpusFile[]; packs: number; base: ReusableBase | null; metadata: (path: string) => string | 'disabled' }): PackLayout {
  const previousFiles = new Map((base?.manifest.files ?? []).map((file) => [file.path, file]));
  const previousSkips = new Map<string, SkippedEntry | DisabledFile>([
    ...(base?.manifest.skipped ?? []).filter((entry) => entry.hash !== undefined).map((entry) => [entry.path, entry] as const),
    ...(base?.manifest.disabledFiles ?? []).filter((entry) => entry.by === 'front matter').map((entry) => [entry.path, entry] as const),
  ]);
  const planned = files.map((file): PlannedFile => {
    const pack = packOf({ path: file.path, packs });
    const fingerprint = metadata(file.path);
    if (fingerprint === 'disabled') return { file, pack, action: 'disable', before: null };
    const before = previousFiles.get(file.path);
    if (base && before && before.hash === file.hash && before.metadata === fingerprint && base.summaries.has(file.path)) return { file, pack, action: base.restate ? 'restate' : 'keep', before };
    const skippedBefore = previousSkips.get(file.path);
    if (skippedBefore && skippedBefore.hash === file.hash) return { file, pack, action: 'skip', before: skippedBefore };
    return { file, pack, action: 'read', before: null };
  });
  const samePacks = base !== null && base.manifest.packs === packs;
  const previousPaths = new Map<number, string[]>();
  for (const file of base?.manifest.files ?? []) {
    const pack = packOf({ path: file.path, packs });
    const list = previousPaths.get(pack);
    if (list) list.push(file.path);
    else previousPaths.set(pack, [file.path]);
  }
  const shareable = (pack: number, actions: FileAction[]) => {
    if (!samePacks) return false;
    const inPack = planned.filter((entry) => entry.pack === pack && entry.action !== 'skip' && entry.action !== 'disable');
    const before = previousPaths.get(pack) ?? [];
    return inPack.length === before.length && inPack.every((entry, position) => entry.file.path === before[position] && actions.includes(entry.action));
  };
  const all = Array.from({ length: packs }, (_, pack) => pack);
  const linkedShards = new Set(all.filter((pack) => shareable(pack, ['keep']) && base!.packs.intact(pack, 'shards') && base!.packs.intact(pack, 'graph')));
  // Files copied or read again from a pack that is not shared need that pack's frame, and their vectors if the graph is rebuilt.
  for (const entry of planned) {
    if (!base || linkedShards.has(entry.pack) || (entry.action !== 'keep' && entry.action !== 'restate')) continue;
    if (base.packs.frame(entry.file.path) === null) entry.action = 'read';
  }
  const linkedGraphs = new Set(all.filter((pack) => linkedShards.has(pack) || (shareable(pack, ['keep', 'restate']) && base!.packs.intact(pack, 'graph'))));
  for (const entry of planned) {
    if (!base || linkedGraphs.has(entry.pack) || (entry.action !== 'keep' && entry.action !== 'restate')) continue;
    if (!base.packs.hasVectors(entry.file.path)) entry.action = 'read';
  }
  return { packs, files: planned, linkedShards, linkedGraphs };
}
