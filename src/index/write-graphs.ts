// Writes each pack's HNSW graph: shared with the previous version when its chunks are unchanged, else rebuilt from
// the stored vectors of unchanged chunks and the new vectors of the others, in canonical order.
import { writeFileSync } from 'node:fs';
import { canonicalChunkIds } from './canonical-order.js';
import type { FileSummary } from './index-types.js';
import { digestOf, type StoredFile } from './pack-integrity.js';
import { packFiles } from './pack-layout.js';
import type { PackLayout, ReusableBase } from './plan-packs.js';
import { VectorIndex, type UnitVector } from './vector-index.js';
import { shareFile } from './write-packs.js';

export interface WrittenGraphs {
  /** Size and digest of each pack's graph (null for a pack without chunks). */
  graphFiles: Array<StoredFile | null>;
  /** Pack → chunk count, for the graphs this run built. */
  rebuilt: Map<number, number>;
}

/** Writes the graphs of the packs that have chunks. */
export function writeGraphs({ directory, layout, summaries, base, vectors, dimensions, onPack }: {
  directory: string;
  layout: PackLayout;
  /** The indexed files' summaries. */
  summaries: readonly FileSummary[];
  base: ReusableBase | null;
  /** Unit vectors of the chunks embedded by this run. */
  vectors: ReadonlyMap<string, Float32Array>;
  dimensions: number;
  onPack?: (done: number, total: number) => void;
}): WrittenGraphs {
  const packOfPath = new Map(layout.files.map((entry) => [entry.file.path, entry.pack]));
  const byPack = new Map<number, FileSummary[]>();
  for (const summary of summaries) {
    const pack = packOfPath.get(summary.path)!;
    const list = byPack.get(pack);
    if (list) list.push(summary);
    else byPack.set(pack, [summary]);
  }
  const written: WrittenGraphs = { graphFiles: [], rebuilt: new Map() };
  for (let pack = 0; pack < layout.packs; pack++) {
    const files = byPack.get(pack) ?? [];
    const ids = canonicalChunkIds(files);
    onPack?.(pack + 1, layout.packs);
    written.graphFiles[pack] = null;
    if (ids.length === 0) continue;
    const target = packFiles({ directory, pack }).graph;
    if (layout.linkedGraphs.has(pack)) {
      shareFile(packFiles({ directory: base!.packs.directory, pack }).graph, target);
      written.graphFiles[pack] = base!.manifest.packFiles[pack].graph;
      continue;
    }
    const pathOf = new Map(files.flatMap((file) => file.chunks.map((chunk) => [chunk.id, file.path] as const)));
    const unitVectors = ids.map((id) => {
      const fresh = vectors.get(id);
      const vector = fresh ? (Array.from(fresh) as UnitVector) : base?.packs.vectorOf(pathOf.get(id)!, id);
      if (!vector) throw new Error(`chunk ${id} has no vector`);
      return vector;
    });
    const bytes = VectorIndex.build({ dimensions, vectors: unitVectors }).compress();
    writeFileSync(target, bytes);
    written.graphFiles[pack] = digestOf(bytes);
    written.rebuilt.set(pack, ids.length);
  }
  return written;
}
