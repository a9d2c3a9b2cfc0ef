// Reads one corpus file into its shard and summary: documents, chunks with index tokens, statements, queued vectors.
import { applyMetadataOverrides } from '../corpus/corpus-metadata.js';
import { extractDocuments } from '../corpus/extract-documents.js';
import type { DocumentMetadata } from '../corpus/parse-front-matter.js';
import type { CorpusFile } from '../corpus/read-corpus.js';
import type { ReadingContext } from '../reconcile/create-statement-context.js';
import { countClaims } from '../reconcile/derive-claims.js';
import { extractStatements } from '../reconcile/extract-statements.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { CompiledCleaning } from '../rules/compile-rules.js';
import { chunkDocument } from '../text/chunk-document.js';
import type { TextPipeline } from '../text/create-text-pipeline.js';
import type { ChunkEmbedder } from './chunk-embedder.js';
import { copiedSentenceKeys } from './find-duplicates.js';
import type { FileSummary, StoredDocument } from './index-types.js';
import type { FileShard, ShardChunk } from './shard-codec.js';

export type ProcessedFile =
  | { success: true; shard: FileShard; summary: FileSummary }
  /** Disabled by its own front matter: kept in the corpus, not indexed. */
  | { success: true; disabled: true }
  | { success: false; reason: string };

export interface ReadingTools {
  cleaning: CompiledCleaning;
  text: TextPipeline;
  reading: ReadingContext;
}

/** `[token, count, token, count…]` in order of first occurrence. */
function countTerms(tokens: readonly string[]): Array<string | number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const terms: Array<string | number> = [];
  for (const [token, count] of counts) terms.push(token, count);
  return terms;
}

/** The statements of one document, read from its chunks' normalized sentences. */
function readStatements(document: StoredDocument, chunks: Array<{ id: string; sentences: ShardChunk['sentences']; normalized: string[] }>, reading: ReadingContext): Statement[] {
  return extractStatements({ source: { sourceId: document.sourceId, title: document.title, publisher: document.publisher, authority: document.authority, sections: document.sections, chunks }, context: reading });
}

/**
 * Reads `file` (its text must be loaded) into its shard, with the metadata file's overrides; chunk vectors go to
 * `embedder`. An unusable file is a reason.
 */
export function processFile({ file, metadata, tools, embedder }: { file: CorpusFile; metadata: DocumentMetadata | undefined; tools: ReadingTools; embedder: ChunkEmbedder }): ProcessedFile {
  const { text, reading } = tools;
  const extracted = extractDocuments({ file, cleaning: tools.cleaning });
  if (!extracted.success) return { success: false, reason: extracted.reason };
  if (extracted.disabled) return { success: true, disabled: true };
  const shard: FileShard = { documents: [], chunks: [], statements: [] };
  const summary: FileSummary = { path: file.path, documents: [], chunks: [], statements: 0, claims: {} };
  extracted.documents.map((document) => applyMetadataOverrides(document, metadata)).forEach((source, documentIndex) => {
    const { chunks: drafts, sections } = chunkDocument(source);
    const document: StoredDocument = { ...source, sections };
    shard.documents.push(document);
    summary.documents.push({ sourceId: document.sourceId, publisher: document.publisher, parentId: document.parentId, kind: document.kind });
    const read = drafts.map((draft) => {
      const sentences = draft.sentences.map(({ text: sentence, offset, label, section }) => ({ text: sentence, offset, label, section }));
      const normalized = sentences.map((sentence) => text.normalize(sentence.text));
      const heading = `${document.title}\n${draft.path.join('\n')}\n`;
      const tokens = text.tokensOfNormalized(text.normalize(heading) + normalized.join(''));
      embedder.add({ id: draft.id, normalized, tokens, text: heading + sentences.map((sentence) => sentence.text).join('') });
      shard.chunks.push({ id: draft.id, sourceId: draft.sourceId, path: draft.path, sentences, terms: countTerms(tokens), length: tokens.length });
      summary.chunks.push({ id: draft.id, document: documentIndex, length: tokens.length, keys: copiedSentenceKeys(normalized) });
      return { id: draft.id, sentences, normalized };
    });
    shard.statements.push(...readStatements(document, read, reading));
  });
  return { success: true, shard, summary: withStatementCounts(summary, shard.statements, reading) };
}

/**
 * The shard of an unchanged file read again with changed rules (same text rules): documents, chunks, tokens and
 * vectors are kept; only the statements are read anew.
 */
export function restateShard({ shard, summary, tools }: { shard: FileShard; summary: FileSummary; tools: ReadingTools }): { shard: FileShard; summary: FileSummary } {
  const statements = shard.documents.flatMap((document) => {
    const chunks = shard.chunks
      .filter((chunk) => chunk.sourceId === document.sourceId)
      .map((chunk) => ({ id: chunk.id, sentences: chunk.sentences, normalized: chunk.sentences.map((sentence) => tools.text.normalize(sentence.text)) }));
    return readStatements(document, chunks, tools.reading);
  });
  return { shard: { ...shard, statements }, summary: withStatementCounts(summary, statements, tools.reading) };
}

function withStatementCounts(summary: FileSummary, statements: Statement[], reading: ReadingContext): FileSummary {
  return { ...summary, statements: statements.length, claims: countClaims({ statements, language: reading.language }) };
}
