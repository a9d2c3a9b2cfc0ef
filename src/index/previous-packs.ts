// The previous version's packs, read only as far as an incremental run needs them (frames to copy, vectors to reuse),
// and only while intact: a file that is no longer the one published is never copied, linked or read from.
import { readFileSync } from 'node:fs';
import { canonicalChunkIds } from './canonical-order.js';
import type { FileSummary, Manifest } from './index-types.js';
import { isIntact, readStamps, type FileStamps } from './pack-integrity.js';
import { packFileNames, packFiles, packOf } from './pack-layout.js';
import { readPack, type PackFrame } from './shard-pack.js';
import { VectorIndex, type UnitVector } from './vector-index.js';

export class PreviousPacks {
  private readonly stamps: FileStamps;
  private readonly intactCache = new Map<string, boolean>();
  private readonly frameCache = new Map<number, Map<string, PackFrame> | null>();
  private readonly graphCache = new Map<number, { index: VectorIndex; labels: Map<string, number> } | null>();

  constructor(
    private readonly previous: { directory: string; manifest: Manifest; summaries: ReadonlyMap<string, FileSummary> },
  ) {
    this.stamps = readStamps(previous.directory);
  }

  /** The previous version's directory. */
  get directory(): string {
    return this.previous.directory;
  }

  get count(): number {
    return this.previous.manifest.packs;
  }

  /** The previous pack of the file at `path`. */
  packOf(path: string): number {
    return packOf({ path, packs: this.count });
  }

  /** Whether a pack's shards file (or its graph) is the one published; a pack without chunks has no graph to check. */
  intact(pack: number, kind: 'shards' | 'graph'): boolean {
    const relativePath = packFileNames(pack)[kind];
    if (!this.intactCache.has(relativePath)) {
      const record = this.previous.manifest.packFiles[pack]?.[kind];
      // A pack without chunks has no graph (null): nothing to check.
      const intact = record === null || (record !== undefined && isIntact({ directory: this.directory, relativePath, record, stamps: this.stamps }));
      this.intactCache.set(relativePath, intact);
    }
    return this.intactCache.get(relativePath)!;
  }

  /** The frame of `path` in its previous pack, or null when that pack is damaged or does not hold it. */
  frame(path: string): PackFrame | null {
    const pack = this.packOf(path);
    if (!this.frameCache.has(pack)) {
      try {
        if (!this.intact(pack, 'shards')) throw new Error('damaged');
        const frames = readPack(readFileSync(packFiles({ directory: this.directory, pack }).shards));
        this.frameCache.set(pack, new Map(frames.map((frame) => [frame.path, frame])));
      } catch {
        this.frameCache.set(pack, null);
      }
    }
    return this.frameCache.get(pack)?.get(path) ?? null;
  }

  /** The stored unit vector of a chunk of the unchanged file at `path`, or null when its pack's graph cannot be read. */
  vectorOf(path: string, chunkId: string): UnitVector | null {
    const graph = this.graph(this.packOf(path));
    const label = graph?.labels.get(chunkId);
    return graph && label !== undefined ? graph.index.vectorOf(label) : null;
  }

  /** Whether every chunk of the file at `path` has its vector in the previous version. */
  hasVectors(path: string): boolean {
    const graph = this.graph(this.packOf(path));
    return graph !== null && (this.previous.summaries.get(path)?.chunks.every((chunk) => graph.labels.has(chunk.id)) ?? false);
  }

  private graph(pack: number): { index: VectorIndex; labels: Map<string, number> } | null {
    if (!this.graphCache.has(pack)) this.graphCache.set(pack, this.readGraph(pack));
    return this.graphCache.get(pack)!;
  }

  private readGraph(pack: number): { index: VectorIndex; labels: Map<string, number> } | null {
    const summaries = this.previous.manifest.files.filter((file) => this.packOf(file.path) === pack).map((file) => this.previous.summaries.get(file.path));
    if (summaries.some((summary) => summary === undefined)) return null;
    const ids = canonicalChunkIds(summaries as FileSummary[]);
    if (ids.length === 0 || !this.intact(pack, 'graph')) return null;
    try {
      const bytes = readFileSync(packFiles({ directory: this.directory, pack }).graph);
      const index = VectorIndex.decompress({ bytes, dimensions: this.previous.manifest.embedder.dimensions, labels: ids.map((_, label) => label), directory: this.directory, name: `pack ${pack}'s graph` });
      return { index, labels: new Map(ids.map((id, label) => [id, label])) };
    } catch {
      return null;
    }
  }
}
