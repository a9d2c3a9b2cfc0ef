// Writes the shards of the packs a run cannot share: unchanged files' frames copied, changed files read into new shards.
import { copyFileSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkpoint } from './checkpoint.js';
import type { ChunkEmbedder } from './chunk-embedder.js';
import type { DocumentMetadata } from '../corpus/parse-front-matter.js';
import type { DisabledFile, FileSummary, ManifestFile, SkippedEntry } from './index-types.js';
import type { StoredFile } from './pack-integrity.js';
import { packFiles } from './pack-layout.js';
import type { PackLayout, ReusableBase } from './plan-packs.js';
import { processFile, restateShard, type ReadingTools } from './process-file.js';
import { decodeShard, encodeShard, type FileShard } from './shard-codec.js';
import { PackWriter } from './shard-pack.js';

export interface WrittenPacks {
  /** Summaries and manifest entries of the indexed files, in corpus order. */
  summaries: FileSummary[];
  files: ManifestFile[];
  /** Files skipped for their content. */
  skipped: SkippedEntry[];
  /** Files disabled by the metadata file or their front matter. */
  disabled: DisabledFile[];
  /** Pack → the paths of its shards in order, and those encoded by this run (the others were copied). */
  written: Map<number, { paths: string[]; encoded: Set<string> }>;
  /** Size and digest of every pack's shards file. */
  shardFiles: StoredFile[];
}

/** A file shared with the previous version: a hard link, or a copy where the file system has none. */
export function shareFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Writes every pack's shards file into `directory` (links shared ones); reads changed files as it goes. */
export async function writePacks({ directory, corpusDirectory, layout, metadata, base, tools, embedder, onFile, signal }: {
  directory: string;
  corpusDirectory: string;
  layout: PackLayout;
  /** Each file's entry of the metadata file, and its fingerprint. */
  metadata: (path: string) => { entry: DocumentMetadata | undefined; fingerprint: string };
  base: ReusableBase | null;
  tools: ReadingTools;
  embedder: ChunkEmbedder;
  onFile?: (done: number, total: number) => void;
  signal?: AbortSignal;
}): Promise<WrittenPacks> {
  mkdirSync(join(directory, 'packs'), { recursive: true });
  const result: WrittenPacks = { summaries: [], files: [], skipped: [], disabled: [], written: new Map(), shardFiles: [] };
  const writers = new Map<number, PackWriter>();
  for (let pack = 0; pack < layout.packs; pack++) {
    const target = packFiles({ directory, pack }).shards;
    if (layout.linkedShards.has(pack)) {
      shareFile(packFiles({ directory: base!.packs.directory, pack }).shards, target);
      result.shardFiles[pack] = base!.manifest.packFiles[pack].shards;
    } else {
      writers.set(pack, new PackWriter(target));
      result.written.set(pack, { paths: [], encoded: new Set() });
    }
  }
  try {
    for (const [position, { file, pack, action, before }] of layout.files.entries()) {
      const modified = file.modified ?? before?.modified ?? 0;
      const writer = writers.get(pack);
      const written = result.written.get(pack);
      const identity = { path: file.path, hash: file.hash, bytes: file.bytes, modified };
      let summary: FileSummary | null = null;
      if (action === 'disable') result.disabled.push({ ...identity, by: 'metadata' });
      else if (action === 'skip') {
        if (before && 'by' in before) result.disabled.push({ ...before, modified });
        else result.skipped.push({ ...(before as SkippedEntry), modified });
      } else if (action === 'keep') {
        summary = base!.summaries.get(file.path)!;
        writer?.copy(base!.packs.frame(file.path)!);
      } else {
        const next: ReadShard =
          action === 'restate'
            ? restateShard({ shard: decodeShard(base!.packs.frame(file.path)!.shard), summary: base!.summaries.get(file.path)!, tools })
            : readShard({ corpusDirectory, file, metadata: metadata(file.path).entry, tools, embedder });
        if ('reason' in next) result.skipped.push({ path: file.path, reason: next.reason, hash: file.hash, bytes: file.bytes, modified });
        else if ('disabled' in next) result.disabled.push({ ...identity, by: 'front matter' });
        else {
          summary = next.summary;
          writer!.add(file.path, encodeShard(next.shard));
          written!.encoded.add(file.path);
        }
      }
      if (summary) {
        written?.paths.push(file.path);
        result.summaries.push(summary);
        result.files.push({ ...identity, sourceIds: summary.documents.map((document) => document.sourceId), metadata: metadata(file.path).fingerprint });
      }
      onFile?.(position + 1, layout.files.length);
      if (position % 32 === 31) {
        await embedder.flush();
        await checkpoint(signal);
      }
    }
    await embedder.flush({ all: true });
    for (const [pack, writer] of writers) result.shardFiles[pack] = writer.close();
  } finally {
    for (const writer of writers.values()) writer.close();
  }
  return result;
}

type ReadShard = { shard: FileShard; summary: FileSummary } | { disabled: true } | { reason: string };

function readShard({ corpusDirectory, file, metadata, tools, embedder }: {
  corpusDirectory: string;
  file: PackLayout['files'][number]['file'];
  metadata: DocumentMetadata | undefined;
  tools: ReadingTools;
  embedder: ChunkEmbedder;
}): ReadShard {
  // A file the stat cache skipped must be read after all when its old shard cannot be reused.
  const readable = file.unchanged ? { ...file, text: readFileSync(join(corpusDirectory, file.path), 'utf8').replace(/^\uFEFF/, '') } : file;
  const processed = processFile({ file: readable, metadata, tools, embedder });
  if (!processed.success) return { reason: processed.reason };
  return 'disabled' in processed ? { disabled: true } : { shard: processed.shard, summary: processed.summary };
}
