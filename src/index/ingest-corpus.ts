// The ingest job: corpus files → a new verified index version, published by an atomic switch.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyMetadataOverrides, metadataFingerprint, readCorpusMetadata } from '../corpus/corpus-metadata.js';
import type { SkippedFile } from '../corpus/corpus-types.js';
import { extractDocuments } from '../corpus/extract-documents.js';
import { readCorpus } from '../corpus/read-corpus.js';
import { EmptyCorpusError, IndexCorruptError, StrictModeError } from '../errors/app-error.js';
import { createReadingContext } from '../reconcile/create-statement-context.js';
import { extractStatements } from '../reconcile/extract-statements.js';
import { countClaims } from '../reconcile/derive-claims.js';
import { searchChunks } from '../retrieval/search-chunks.js';
import { compileRules } from '../rules/compile-rules.js';
import { readRuleTexts } from '../rules/read-rule-texts.js';
import { publishStandardAnswers } from '../standard-answers/publish-standard-answers.js';
import { readStandardAnswers } from '../standard-answers/standard-answer-file.js';
import { publishedStandardAnswersFileName } from '../standard-answers/standard-answer-types.js';
import { chunkDocument } from '../text/chunk-document.js';
import { createTextPipeline } from '../text/create-text-pipeline.js';
import { assembleVectors, type FreshChunk } from './assemble-vectors.js';
import { checkpoint } from './checkpoint.js';
import { buildBm25 } from './bm25-index.js';
import { pruneSnapshotObjects, writeCorpusSnapshot } from './corpus-snapshot.js';
import { createEmbeddings, type EmbedderSettings } from './create-embeddings.js';
import { findDuplicates } from './find-duplicates.js';
import { createStagingDirectory, pruneVersions, readCurrentVersion, removeStagingLeftovers, sealVersion, switchCurrent, writeJson } from './index-store.js';
import { indexFormatVersion, type Manifest, type StoredChunk, type StoredDocument } from './index-types.js';
import { IngestLock, type LockTiming } from './ingest-lock.js';
import { loadIndexVersion } from './load-index.js';
import { readPreviousVersion } from './read-previous-version.js';

export type IngestPhase = 'read' | 'chunk' | 'embed' | 'index' | 'verify';

export interface IngestOptions {
  corpusDirectory: string;
  indexDirectory: string;
  full?: boolean;
  strict?: boolean;
  embedderSettings?: EmbedderSettings;
  keepVersions?: number;
  onProgress?: (event: { phase: IngestPhase; done: number; total: number }) => void;
  /** Called with the staging directory before it is sealed (tests use it to fail midway). */
  beforePublish?: (stagingDirectory: string) => void;
  now?: () => Date;
  /** Aborting stops the run at its next step; nothing is published (the reason is thrown). */
  signal?: AbortSignal;
  lockTiming?: LockTiming;
}

export interface IngestSummary {
  version: string;
  previousVersion: string | null;
  files: { read: number; reused: number; processed: number; removed: number; skipped: SkippedFile[]; disabled: string[] };
  documents: number;
  subDocuments: number;
  chunks: number;
  duplicateChunks: number;
  families: number;
  statements: number;
  /** Claims by type (quantity, polarity, list…). */
  claims: Record<string, number>;
  embedder: string;
  prunedVersions: string[];
  seconds: number;
}

/** Bump when cleaning, chunking, normalization, statement reading or vector code changes, so that incremental runs re-read every file. */
export const pipelineVersion = 4;
/** A file modified this close to the previous run's read may have changed again within one timestamp tick. */
const statCacheMarginMilliseconds = 2000;

function versionName(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace('.', '')}-${process.pid.toString(36)}`;
}

/**
 * Runs ingest under the index directory's lock (IngestLockedError while another run holds it); on any failure the
 * staging directory is removed and `current` is left untouched.
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const lock = IngestLock.acquire({ indexDirectory: options.indexDirectory, timing: options.lockTiming });
  try {
    removeStagingLeftovers(options.indexDirectory);
    return await buildAndPublish(options, lock);
  } finally {
    await lock.release();
  }
}

async function buildAndPublish(options: IngestOptions, lock: IngestLock): Promise<IngestSummary> {
  const started = performance.now();
  const readStartedAt = Date.now();
  const { corpusDirectory, indexDirectory, onProgress } = options;
  const now = options.now ?? (() => new Date());
  const rules = compileRules(readRuleTexts({ corpusDirectory }));
  const text = createTextPipeline({ rules });
  const embedder = createEmbeddings({ settings: options.embedderSettings ?? {}, text });
  const reading = createReadingContext({ rules, text });
  const metadata = readCorpusMetadata({ corpusDirectory });
  const standardAnswerInputs = readStandardAnswers({ corpusDirectory });

  const previousVersion = readCurrentVersion(indexDirectory);
  const previous = options.full ? null : readPreviousVersion(indexDirectory);
  const canReuse =
    previous !== null &&
    previous.manifest.embedder.id === embedder.id &&
    previous.manifest.fingerprints.text === `${rules.fingerprints.text}/${pipelineVersion}` &&
    previous.manifest.fingerprints.cleaning === rules.fingerprints.cleaning;
  const previousFiles = new Map((canReuse ? previous.manifest.files : []).map((file) => [file.path, file]));
  // The stat cache trusts size and time only for files that were already old when the previous run read them.
  const statCacheBefore = (canReuse ? previous.manifest.readStartedAt ?? 0 : 0) - statCacheMarginMilliseconds;
  const known = new Map([...previousFiles].filter(([, file]) => file.modified < statCacheBefore));
  const { files: allFiles, skipped } = readCorpus({ corpusDirectory, known });
  // Disabled documents stay in the corpus (and in the version's snapshot) but are not indexed.
  const disabled = allFiles.filter((file) => metadata[file.path]?.enabled === false).map((file) => file.path);
  const files = allFiles.filter((file) => metadata[file.path]?.enabled !== false);
  onProgress?.({ phase: 'read', done: files.length, total: files.length });
  await checkpoint(options.signal);
  // Claims of reused files are reused too when the topic and scope rules are unchanged.
  const claimsReusable = canReuse && previous.manifest.fingerprints.rules === rules.fingerprints.all;

  const documents: StoredDocument[] = [];
  const reusedChunks: StoredChunk[] = [];
  const freshChunks: FreshChunk[] = [];
  const manifestFiles: Manifest['files'] = [];
  let reused = 0;
  files.forEach((file, position) => {
    const before = previousFiles.get(file.path);
    // A file whose entry in the metadata file changed is read again, so that its documents carry the new metadata.
    const fingerprint = metadataFingerprint(metadata[file.path]);
    if (canReuse && before && before.hash === file.hash && (before.metadata ?? metadataFingerprint(undefined)) === fingerprint && before.sourceIds.every((id) => previous.documents.has(id))) {
      reused++;
      for (const sourceId of before.sourceIds) {
        documents.push(previous.documents.get(sourceId)!);
        reusedChunks.push(...(previous.chunksBySource.get(sourceId) ?? []));
      }
      manifestFiles.push({ ...before, modified: file.modified ?? before.modified });
    } else {
      // A file the stat cache skipped must be read after all when its old documents cannot be reused.
      const readable = file.unchanged ? { ...file, text: readFileSync(join(corpusDirectory, file.path), 'utf8') } : file;
      const extracted = extractDocuments({ file: readable, cleaning: rules.cleaning });
      if (!extracted.success) {
        skipped.push({ path: file.path, reason: extracted.reason });
        return;
      }
      if (extracted.disabled) {
        disabled.push(file.path);
        return;
      }
      for (const document of extracted.documents.map((extractedDocument) => applyMetadataOverrides(extractedDocument, metadata[file.path]))) {
        const { chunks, sections } = chunkDocument(document);
        documents.push({ ...document, sections });
        for (const chunk of chunks) {
          const normalized = chunk.sentences.map((sentence) => text.normalize(sentence.text));
          const tokens = text.tokensOfNormalized(text.normalize(`${document.title}\n${chunk.path.join('\n')}\n`) + normalized.join(''));
          freshChunks.push({ id: chunk.id, sourceId: chunk.sourceId, path: chunk.path, sentences: chunk.sentences, normalized, tokens });
        }
      }
      manifestFiles.push({ path: file.path, hash: file.hash, bytes: file.bytes, modified: file.modified ?? 0, sourceIds: extracted.documents.map((document) => document.sourceId), metadata: fingerprint });
    }
    onProgress?.({ phase: 'chunk', done: position + 1, total: files.length });
  });
  skipped.sort((left, right) => left.path.localeCompare(right.path));
  if (documents.length === 0) throw new EmptyCorpusError(corpusDirectory);
  if (options.strict && skipped.length > 0) throw new StrictModeError(skipped.length);
  await checkpoint(options.signal);

  const version = versionName(now());
  const staging = createStagingDirectory(indexDirectory, version);
  try {
    const documentById = new Map(documents.map((document) => [document.sourceId, document]));
    const assembled = await assembleVectors({
      reusedChunks,
      previousVectors: canReuse ? previous.vectors : null,
      freshChunks,
      embedder,
      titleOf: (sourceId) => documentById.get(sourceId)?.title ?? '',
      onProgress: (done, total) => onProgress?.({ phase: 'embed', done, total }),
      signal: options.signal,
    });
    if (!assembled) throw new EmptyCorpusError(corpusDirectory);
    const { chunks, vectors } = assembled;
    await checkpoint(options.signal);

    const duplicates = findDuplicates({ chunks, documents });
    for (const chunk of chunks) chunk.group = duplicates.chunkGroups.get(chunk.id) ?? chunk.id;
    // Statements of reused files are reused too when the rules they were read with are unchanged.
    const reusedSources = new Set(reusedChunks.map((chunk) => chunk.sourceId));
    const reusedStatements = claimsReusable ? previous.statements.filter((statement) => reusedSources.has(statement.sourceId)) : [];
    const readSources = new Set(reusedStatements.map((statement) => statement.sourceId));
    const chunksBySource = new Map<string, StoredChunk[]>();
    for (const chunk of chunks) chunksBySource.set(chunk.sourceId, [...(chunksBySource.get(chunk.sourceId) ?? []), chunk]);
    // Statements are stored in source order, whether reused or read anew, as a full build stores them.
    const statements = [
      ...reusedStatements,
      ...documents
        .filter((document) => !readSources.has(document.sourceId))
        .flatMap((document) =>
          extractStatements({
            source: { sourceId: document.sourceId, title: document.title, sections: document.sections, chunks: chunksBySource.get(document.sourceId) ?? [] },
            context: reading,
          }),
        ),
    ].sort((left, right) => (left.sourceId < right.sourceId ? -1 : left.sourceId > right.sourceId ? 1 : left.offset - right.offset));
    const claims = countClaims({ statements, language: reading.language });
    const standardAnswers = publishStandardAnswers({ answers: standardAnswerInputs, documents: documentById, normalize: text.normalize });
    const lexical = buildBm25({ tokenLists: chunks.map((chunk) => chunk.tokens) });
    onProgress?.({ phase: 'index', done: chunks.length, total: chunks.length });
    await checkpoint(options.signal);

    const familyCount = new Set(duplicates.families.values()).size;
    const subDocuments = documents.filter((document) => document.kind === 'teaser').length;
    const manifest: Manifest = {
      formatVersion: indexFormatVersion,
      version,
      createdAt: now().toISOString(),
      readStartedAt,
      embedder: { id: embedder.id, dimensions: vectors.dimensions },
      fingerprints: { text: `${rules.fingerprints.text}/${pipelineVersion}`, cleaning: rules.fingerprints.cleaning, rules: rules.fingerprints.all },
      files: manifestFiles,
      skipped,
      disabled: disabled.sort(),
      standardAnswers: { published: standardAnswers.published.length, skipped: standardAnswers.skipped },
      counts: { files: manifestFiles.length, documents: documents.length - subDocuments, subDocuments, chunks: chunks.length, duplicateChunks: duplicates.duplicateChunks, statements: statements.length, claims, families: familyCount },
    };
    writeJson(join(staging, 'rules.json'), rules.texts);
    writeJson(join(staging, 'documents.json'), documents);
    writeJson(join(staging, 'chunks.json'), chunks);
    writeJson(join(staging, 'statements.json'), statements);
    writeJson(join(staging, 'families.json'), Object.fromEntries(duplicates.families));
    writeJson(join(staging, 'lexical.json'), lexical);
    writeJson(join(staging, publishedStandardAnswersFileName), standardAnswers.published);
    vectors.write(join(staging, 'vectors.hnsw'));
    writeCorpusSnapshot({ corpusDirectory, indexDirectory, staging, articles: allFiles.map(({ path, hash, bytes }) => ({ path, hash, bytes })) });
    writeJson(join(staging, 'manifest.json'), manifest);
    options.beforePublish?.(staging);

    const sealed = sealVersion(indexDirectory, version);
    onProgress?.({ phase: 'verify', done: 0, total: 1 });
    try {
      const loaded = loadIndexVersion({ directory: sealed, embedderSettings: options.embedderSettings ?? {} });
      const probe = documents[0].title || documents[0].lines[0]?.text || '';
      const hits = await searchChunks({ index: loaded, query: probe, k: 3 });
      if (hits.length === 0) throw new IndexCorruptError(sealed, `a smoke search for ${JSON.stringify(probe)} returned nothing`);
      await checkpoint(options.signal);
      lock.assertHeld();
    } catch (error) {
      rmSync(sealed, { recursive: true, force: true });
      throw error;
    }
    onProgress?.({ phase: 'verify', done: 1, total: 1 });
    switchCurrent(indexDirectory, version);
    const prunedVersions = pruneVersions(indexDirectory, options.keepVersions ?? 3);
    pruneSnapshotObjects(indexDirectory);
    return {
      version,
      previousVersion,
      files: { read: files.length, reused, processed: manifestFiles.length - reused, removed: [...previousFiles.keys()].filter((path) => !files.some((file) => file.path === path)).length, skipped, disabled },
      documents: manifest.counts.documents,
      subDocuments,
      chunks: chunks.length,
      duplicateChunks: duplicates.duplicateChunks,
      families: familyCount,
      statements: statements.length,
      claims,
      embedder: embedder.id,
      prunedVersions,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
}
