// Reads the stored documents of a few source ids back from a version's packs (standard answers cite them).
import { readFileSync } from 'node:fs';
import type { FileSummary, StoredDocument } from './index-types.js';
import { packFiles, packOf } from './pack-layout.js';
import { decodeShard } from './shard-codec.js';
import { readPack } from './shard-pack.js';

/** The documents of `sourceIds` found in the version at `directory` (unknown ids are left out). */
export function readDocuments({ directory, packs, summaries, sourceIds }: { directory: string; packs: number; summaries: readonly FileSummary[]; sourceIds: Iterable<string> }): Map<string, StoredDocument> {
  const wanted = new Set(sourceIds);
  const paths = new Set(summaries.filter((summary) => summary.documents.some((document) => wanted.has(document.sourceId))).map((summary) => summary.path));
  const documents = new Map<string, StoredDocument>();
  const byPack = new Map<number, string[]>();
  for (const path of paths) byPack.set(packOf({ path, packs }), [...(byPack.get(packOf({ path, packs })) ?? []), path]);
  for (const [pack, inPack] of byPack) {
    for (const frame of readPack(readFileSync(packFiles({ directory, pack }).shards))) {
      if (!inPack.includes(frame.path)) continue;
      for (const document of decodeShard(frame.shard).documents) if (wanted.has(document.sourceId)) documents.set(document.sourceId, document);
    }
  }
  return documents;
}
