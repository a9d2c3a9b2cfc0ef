// Checks what a run wrote before it is published: the packs it rewrote and the graphs it rebuilt, nothing else
// (shared files are the previous version's, checked when they were written).
import { readFileSync } from 'node:fs';
import { IndexCorruptError } from '../errors/app-error.js';
import type { Manifest } from './index-types.js';
import { digestOf } from './pack-integrity.js';
import { packFiles } from './pack-layout.js';
import { decodeShard } from './shard-codec.js';
import { readPack } from './shard-pack.js';
import { VectorIndex } from './vector-index.js';

/** Throws IndexCorruptError naming the first file that does not read back as written. */
export function verifyVersion({ directory, written, packFiles: records, rebuilt, dimensions }: {
  directory: string;
  /** Pack → its shards' paths in order, and those this run encoded. */
  written: ReadonlyMap<number, { paths: string[]; encoded: ReadonlySet<string> }>;
  /** What was written of every pack file. */
  packFiles: Manifest['packFiles'];
  /** Pack → number of chunks of each rebuilt graph. */
  rebuilt: ReadonlyMap<number, number>;
  dimensions: number;
}): void {
  for (const [pack, { paths, encoded }] of written) {
    const file = packFiles({ directory, pack }).shards;
    try {
      const bytes = readFileSync(file);
      if (digestOf(bytes).digest !== records[pack].shards.digest) throw new Error('its bytes are not the bytes written');
      const frames = readPack(bytes);
      if (frames.length !== paths.length || frames.some((frame, position) => frame.path !== paths[position])) throw new Error('its shards are not the files written');
      // The bytes are those written; one shard decoded end to end checks the encoding itself.
      const sample = frames.find((frame) => encoded.has(frame.path));
      if (sample) decodeShard(sample.shard);
    } catch (error) {
      throw new IndexCorruptError(directory, `pack ${pack}'s shards do not read back: ${(error as Error).message}`);
    }
  }
  for (const [pack, count] of rebuilt) {
    const labels = Array.from({ length: count }, (_, label) => label);
    const graph = VectorIndex.decompress({ bytes: readFileSync(packFiles({ directory, pack }).graph), dimensions, labels, directory, name: `pack ${pack}'s graph` });
    // Smoke search: the first vector that is not zero must find itself.
    let probe = null;
    for (let label = 0; label < count && !probe; label++) if (graph.vectorOf(label).some((value) => value !== 0)) probe = graph.vectorOf(label);
    if (probe && !(graph.searchUnit(probe, 1)[0]?.similarity > 0.999)) throw new IndexCorruptError(directory, `pack ${pack}'s graph does not find its own vector`);
  }
}
