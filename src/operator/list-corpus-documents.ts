// The documents of the corpus directory as an editor sees them: metadata, enabled state, chunk and claim counts.
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CorpusMetadata } from '../corpus/corpus-metadata.js';
import type { Authority } from '../corpus/corpus-types.js';
import { articleExtensions } from '../corpus/read-corpus.js';
import type { LoadedIndex } from '../index/load-index.js';

export interface CorpusDocumentEntry {
  path: string;
  sourceId: string | null;
  title: string | null;
  date: string | null;
  publisher: string | null;
  url: string | null;
  authority: Authority | null;
  supersedes: string[];
  effectiveDate: string | null;
  enabled: boolean;
  /** Indexed in the version serving now. */
  indexed: boolean;
  /** Why the serving version skipped the file, when it did. */
  skippedReason: string | null;
  bytes: number;
  chunks: number;
  claims: number;
  teasers: number;
}

/** Corpus-relative article paths under `corpusDirectory` (not rules/, not hidden), sorted. */
export function listArticlePaths(corpusDirectory: string, directory = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(corpusDirectory, directory), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = directory ? `${directory}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (path !== 'rules') found.push(...listArticlePaths(corpusDirectory, path));
    } else if (articleExtensions.includes(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found.sort();
}

/** Every article file, joined with its metadata overrides and what the serving index holds of it. */
export function listCorpusDocuments({ corpusDirectory, metadata, index }: { corpusDirectory: string; metadata: CorpusMetadata; index: LoadedIndex | null }): CorpusDocumentEntry[] {
  const filesByPath = new Map((index?.manifest.files ?? []).map((file) => [file.path, file]));
  const skipped = new Map((index?.manifest.skipped ?? []).map((file) => [file.path, file.reason]));
  const chunkCounts = new Map<string, number>();
  for (const chunk of index?.chunks ?? []) chunkCounts.set(chunk.sourceId, (chunkCounts.get(chunk.sourceId) ?? 0) + 1);
  const claimCounts = new Map<string, number>();
  for (const { statement } of index?.claims ?? []) claimCounts.set(statement.sourceId, (claimCounts.get(statement.sourceId) ?? 0) + 1);
  return listArticlePaths(corpusDirectory).map((path) => {
    const sourceIds = filesByPath.get(path)?.sourceIds ?? [];
    const documents = sourceIds.map((id) => index!.documents.get(id)).filter((document) => document !== undefined);
    const article = documents.find((document) => document.kind === 'article') ?? null;
    const overrides = metadata[path] ?? {};
    const count = (counts: Map<string, number>) => sourceIds.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
    return {
      path,
      sourceId: article?.sourceId ?? null,
      title: article?.title ?? overrides.title ?? null,
      date: article?.date ?? overrides.date ?? null,
      publisher: article?.publisher ?? overrides.publisher ?? null,
      url: article?.url ?? overrides.url ?? null,
      authority: article?.authority ?? overrides.authority ?? null,
      supersedes: article?.supersedes ?? overrides.supersedes ?? [],
      effectiveDate: article?.effectiveDate ?? overrides.effectiveDate ?? null,
      enabled: overrides.enabled !== false && !(index?.manifest.disabled ?? []).includes(path),
      indexed: documents.length > 0,
      skippedReason: skipped.get(path) ?? null,
      bytes: statSync(join(corpusDirectory, path)).size,
      chunks: count(chunkCounts),
      claims: count(claimCounts),
      teasers: documents.filter((document) => document.kind === 'teaser').length,
    };
  });
}
