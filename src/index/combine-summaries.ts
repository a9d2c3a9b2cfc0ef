// The corpus-wide structures of a version, recomputed from the per-file summaries: duplicates, families, counts.
import { compareSourceIds } from './canonical-order.js';
import { findDuplicates } from './find-duplicates.js';
import type { CorpusStructures, FileSummary, Manifest } from './index-types.js';

/** The version's files of per-file summaries and of corpus-wide structures (gzipped JSON). */
export const summariesFileName = 'summaries.json.gz';
export const structuresFileName = 'structures.json.gz';

export interface CombinedCorpus {
  structures: CorpusStructures;
  counts: Omit<Manifest['counts'], 'files'>;
}

/** Families of copies, near-duplicate chunks, BM25 statistics and counts of the whole corpus, from its files' summaries. */
export function combineSummaries({ summaries }: { summaries: readonly FileSummary[] }): CombinedCorpus {
  const documents = summaries.flatMap((summary) => summary.documents).sort((left, right) => compareSourceIds(left.sourceId, right.sourceId));
  const chunksBySource = new Map<string, Array<{ id: string; sourceId: string; keys: number[] }>>();
  let tokens = 0;
  for (const summary of summaries) {
    for (const chunk of summary.chunks) {
      const sourceId = summary.documents[chunk.document].sourceId;
      const list = chunksBySource.get(sourceId);
      const entry = { id: chunk.id, sourceId, keys: chunk.keys };
      if (list) list.push(entry);
      else chunksBySource.set(sourceId, [entry]);
      tokens += chunk.length;
    }
  }
  const chunks = documents.flatMap((document) => chunksBySource.get(document.sourceId) ?? []);
  const duplicates = findDuplicates({ chunks, documents });
  const families: Record<string, string> = {};
  for (const [sourceId, family] of duplicates.families) if (family !== sourceId) families[sourceId] = family;
  const groups: Record<string, string> = {};
  for (const [chunkId, group] of duplicates.chunkGroups) if (group !== chunkId) groups[chunkId] = group;
  const familyCount = new Set(duplicates.families.values()).size;
  const claims: Record<string, number> = {};
  for (const summary of summaries) for (const [kind, count] of Object.entries(summary.claims)) claims[kind] = (claims[kind] ?? 0) + count;
  const subDocuments = documents.filter((document) => document.kind === 'teaser').length;
  return {
    structures: { families, groups, duplicateChunks: duplicates.duplicateChunks, familyCount, lexical: { chunks: chunks.length, tokens } },
    counts: {
      documents: documents.length - subDocuments,
      subDocuments,
      chunks: chunks.length,
      duplicateChunks: duplicates.duplicateChunks,
      statements: summaries.reduce((sum, summary) => sum + summary.statements, 0),
      claims,
      families: familyCount,
    },
  };
}
