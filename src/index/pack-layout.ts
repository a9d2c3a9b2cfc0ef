// Which pack holds a corpus file: packs group files by a hash of their path, so a file stays in its pack.
import { join } from 'node:path';
import { hashKey } from './hash-key.js';

/**
 * Files per pack the layout aims at. A one-file change rebuilds one pack's graph (bounded by this, whatever the corpus
 * size); a search visits every pack's graph (~0.12 ms each at 5,000 documents). 2,048 gives 4 packs at 5,000 files.
 */
export const defaultFilesPerPack = 2048;
const maxPacks = 256;

/** The number of packs for `files` files: a power of two, so that it only changes when the corpus doubles or halves. */
export function packCount({ files, filesPerPack = defaultFilesPerPack }: { files: number; filesPerPack?: number }): number {
  let packs = 1;
  while (packs < maxPacks && packs * filesPerPack < files) packs *= 2;
  return packs;
}

/** The pack of the corpus file at `path`. */
export function packOf({ path, packs }: { path: string; packs: number }): number {
  return hashKey(path) % packs;
}

export const packsDirectoryName = 'packs';

/** The pack's files relative to a version directory: its shards, and the HNSW graph of its chunks. */
export function packFileNames(pack: number): { shards: string; graph: string } {
  return { shards: `${packsDirectoryName}/${pack}.shards`, graph: `${packsDirectoryName}/${pack}.hnsw.z` };
}

/** The pack's files inside a version directory. */
export function packFiles({ directory, pack }: { directory: string; pack: number }): { shards: string; graph: string } {
  const names = packFileNames(pack);
  return { shards: join(directory, names.shards), graph: join(directory, names.graph) };
}
