// The ingest job: corpus files → a new verified index version, published by an atomic switch.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyMetadataOverrides, metadataFingerprint, readCorpusMetadata } from '../corpus/corpus-metadata.js';
import type { SkippedFile, SourceDocument } from '../corpus/corpus-types.js';
import { extractDocuments } from '../corpus/extract-documents.js';
import { readCorpus } from '../corpus/read-corpus.js';
import { EmptyCorpusError, IndexCorruptError, StrictModeError } from '../errors/app-error.js';
import { extractClaims } from '../reconcile/extract-claims.js';
import { prepareTopics } from '../reconcile/topic-matcher.js';
import { searchChunks } from '../retrieval/search-chunks.js';
import { compileRules } from '../rules/compile-rules.js';
import { readStandardAnswers } from '../standard-answers/standard-answer-file.js';
import { publishStandardAnswers } from '../standard-answers/publish-standard-answers.js';
import { publishedStandardAnswersFileName } from '../standard-answers/standard-answer-types.js';
import { readRuleTexts } from '../rules/read-rule-texts.js';
import { chunkDocument } from '../text/chunk-document.js';
import { createTextPipeline } from '../text/create-text-pipeline.js';
import { buildBm25 } from './bm25-index.js';
import { pruneSnapshotObjects, writeCorpusSnapshot } from './corpus-snapshot.js';
import { createEmbeddings, type EmbedderSettings } from './create-embeddings.js';
import { findDuplicates, sentenceKey } from './find-duplicates.js';
import { HashingEmbeddings } from './hashing-embeddings.js';
import { createStagingDirectory, pruneVersions, readCurrentVersion, sealVersion, switchCurrent, writeJson } from './index-store.js';
import { indexFormatVersion, type Manifest, type StoredChunk } from './index-types.js';
import { loadIndexVersion } from './load-index.js';
import { readPreviousVersion } from './read-previous-version.js';
import { VectorIndex } from './vector-index.js';

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
  claims: number;
  embedder: string;
  prunedVersions: string[];
  seconds: number;
}

const embedBatch = 256;
/** Bump when cleaning, chunking or normalization code changes, so that incremental runs re-read every file. */
export const pipelineVersion = 2;

function versionName(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace('.', '')}-${process.pid.toString(36)}`;
}

/** Runs ingest; on any failure the staging directory is removed and `current` is left untouched. */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { corpusDirectory, indexDirectory, onProgress } = options;
  const now = options.now ?? (() => new Date());
  const rules = compileRules(readRuleTexts({ corpusDirectory }));
  const text = createTextPipeline({ rules });
  const embedder = createEmbeddings({ settings: options.embedderSettings ?? {}, text });
  const topics = prepareTopics({ topics: rules.topics, normalize: text.normalize });
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
  const { files: allFiles, skipped } = readCorpus({ corpusDirectory, known: previousFiles });
  // Disabled documents stay in the corpus (and in the version's snapshot) but are not indexed.
  const disabled = allFiles.filter((file) => metadata[file.path]?.enabled === false).map((file) => file.path);
  const files = allFiles.filter((file) => metadata[file.path]?.enabled !== false);
  onProgress?.({ phase: 'read', done: files.length, total: files.length });
  // Claims of reused files are reused too when the topic and scope rules are unchanged.
  const claimsReusable = canReuse && previous.manifest.fingerprints.rules === rules.fingerprints.all;

  const documents: SourceDocument[] = [];
  const reusedChunks: StoredChunk[] = [];
  const freshChunks: Array<Omit<StoredChunk, 'label' | 'group'>> = [];
  const manifestFiles: Manifest['files'] = [];
  let reused = 0;
  files.forEach((file, position) => {
    const before = previousFiles.get(file.path);
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
        documents.push(document);
        for (const chunk of chunkDocument(document)) {
          const normalized = chunk.sentences.map((sentence) => text.normalize(sentence.text));
          const tokens = text.tokensOfNormalized(text.normalize(`${document.title}\n${chunk.heading ?? ''}\n`) + normalized.join(''));
          freshChunks.push({ id: chunk.id, sourceId: chunk.sourceId, heading: chunk.heading, sentences: chunk.sentences, normalized, tokens });
        }
      }
      manifestFiles.push({ path: file.path, hash: file.hash, bytes: file.bytes, modified: file.modified ?? 0, sourceIds: extracted.documents.map((document) => document.sourceId), metadata: fingerprint });
    }
    onProgress?.({ phase: 'chunk', done: position + 1, total: files.length });
  });
  skipped.sort((left, right) => left.path.localeCompare(right.path));
  if (documents.length === 0) throw new EmptyCorpusError(corpusDirectory);
  if (options.strict && skipped.length > 0) throw new StrictModeError(skipped.length);

  const version = versionName(now());
  const staging = createStagingDirectory(indexDirectory, version);
  try {
    // Vectors: start from the previous index when its chunks can be reused, else from scratch.
    const keptLabels = new Set(reusedChunks.map((chunk) => chunk.label));
    let vectors: VectorIndex | null = null;
    let nextLabel = 0;
    const chunks: StoredChunk[] = [];
    if (canReuse && reusedChunks.length > 0) {
      vectors = previous.vectors;
      // Only labels live in the previous version can be removed (hnswlib still lists deleted ones).
      for (const previousChunks of previous.chunksBySource.values()) for (const { label } of previousChunks) if (!keptLabels.has(label)) vectors.remove(label);
      nextLabel = Math.max(...vectors.labels(), -1) + 1;
      chunks.push(...reusedChunks);
    }
    const documentById = new Map(documents.map((document) => [document.sourceId, document]));
    const embedText = (chunk: { sourceId: string; heading: string | null; sentences: Array<{ text: string }> }) =>
      `${documentById.get(chunk.sourceId)?.title ?? ''}\n${chunk.heading ?? ''}\n${chunk.sentences.map((sentence) => sentence.text).join('')}`;
    for (let start = 0; start < freshChunks.length; start += embedBatch) {
      const batch = freshChunks.slice(start, start + embedBatch);
      // The offline embedder reuses the normalized text and tokens computed for the lexical index.
      const embedded =
        embedder.embeddings instanceof HashingEmbeddings
          ? batch.map((chunk) => (embedder.embeddings as HashingEmbeddings).embedNormalized(chunk.normalized.join(''), chunk.tokens))
          : await embedder.embeddings.embedDocuments(batch.map(embedText));
      vectors ??= VectorIndex.create({ dimensions: embedded[0].length, capacity: freshChunks.length });
      if (vectors.dimensions !== embedded[0].length) throw new Error(`embedder returned ${embedded[0].length} dimensions, the index has ${vectors.dimensions}`);
      for (const [position, chunk] of batch.entries()) {
        vectors.add(nextLabel, embedded[position]);
        chunks.push({ ...chunk, label: nextLabel, group: chunk.id });
        nextLabel++;
      }
      onProgress?.({ phase: 'embed', done: Math.min(start + embedBatch, freshChunks.length), total: freshChunks.length });
    }
    if (!vectors) throw new EmptyCorpusError(corpusDirectory);
    chunks.sort((left, right) => left.sourceId.localeCompare(right.sourceId) || left.label - right.label);

    const duplicates = findDuplicates({ chunks, documents });
    for (const chunk of chunks) chunk.group = duplicates.chunkGroups.get(chunk.id) ?? chunk.id;
    const reusedSources = new Set(reusedChunks.map((chunk) => chunk.sourceId));
    const reusedClaims = claimsReusable ? previous.claims.filter((claim) => reusedSources.has(claim.sourceId)) : [];
    for (const claim of reusedClaims) claim.family = duplicates.families.get(claim.sourceId) ?? claim.sourceId;
    const claims = [...reusedClaims, ...extractClaims({
      chunks: claimsReusable ? chunks.filter((chunk) => !reusedSources.has(chunk.sourceId)) : chunks,
      documents: documentById,
      topics,
      scopeRules: rules.scope,
      normalize: text.normalize,
      families: duplicates.families,
      duplicateKeyOf: sentenceKey,
    })];
    const standardAnswers = publishStandardAnswers({ answers: standardAnswerInputs, documents: documentById, normalize: text.normalize });
    const lexical = buildBm25({ tokenLists: chunks.map((chunk) => chunk.tokens) });
    onProgress?.({ phase: 'index', done: chunks.length, total: chunks.length });

    const familyCount = new Set(duplicates.families.values()).size;
    const subDocuments = documents.filter((document) => document.kind === 'teaser').length;
    const manifest: Manifest = {
      formatVersion: indexFormatVersion,
      version,
      createdAt: now().toISOString(),
      embedder: { id: embedder.id, dimensions: vectors.dimensions },
      fingerprints: { text: `${rules.fingerprints.text}/${pipelineVersion}`, cleaning: rules.fingerprints.cleaning, rules: rules.fingerprints.all },
      files: manifestFiles,
      skipped,
      disabled: disabled.sort(),
      standardAnswers: { published: standardAnswers.published.length, skipped: standardAnswers.skipped },
      counts: { files: manifestFiles.length, documents: documents.length - subDocuments, subDocuments, chunks: chunks.length, duplicateChunks: duplicates.duplicateChunks, claims: claims.length, families: familyCount },
    };
    writeJson(join(staging, 'rules.json'), rules.texts);
    writeJson(join(staging, 'documents.json'), documents);
    writeJson(join(staging, 'chunks.json'), chunks);
    writeJson(join(staging, 'claims.json'), claims);
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
      claims: claims.length,
      embedder: embedder.id,
      prunedVersions,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
}
