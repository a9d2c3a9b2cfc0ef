// Builds, verifies and publishes a new version: the heavy half of ingest (tokenizer, embedder, statement reader),
// loaded only when something changed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyCorpusError, StrictModeError } from '../errors/app-error.js';
import { metadataFingerprint, readCorpusMetadata } from '../corpus/corpus-metadata.js';
import { createReadingContext } from '../reconcile/create-statement-context.js';
import { compileRules } from '../rules/compile-rules.js';
import { publishStandardAnswers } from '../standard-answers/publish-standard-answers.js';
import { readStandardAnswers } from '../standard-answers/standard-answer-file.js';
import { publishedStandardAnswersFileName } from '../standard-answers/standard-answer-types.js';
import { createTextPipeline } from '../text/create-text-pipeline.js';
import { checkpoint } from './checkpoint.js';
import { ChunkEmbedder } from './chunk-embedder.js';
import { combineSummaries, structuresFileName, summariesFileName } from './combine-summaries.js';
import { pruneSnapshotObjects, writeCorpusSnapshot } from './corpus-snapshot.js';
import { createEmbeddings } from './create-embeddings.js';
import { createStagingDirectory, pruneVersions, sealVersion, switchCurrent, writeJson, writeJsonGzip } from './index-store.js';
import { indexFormatVersion, type Manifest } from './index-types.js';
import type { IngestLock } from './ingest-lock.js';
import type { IngestOptions, IngestSummary } from './ingest-types.js';
import { stampFiles, stampsFileName } from './pack-integrity.js';
import { packCount, packFileNames } from './pack-layout.js';
import type { IngestPlan } from './plan-ingest.js';
import { planPacks } from './plan-packs.js';
import { readDocuments } from './read-documents.js';
import { reusableBase } from './reusable-base.js';
import { verifyVersion } from './verify-version.js';
import { writeGraphs } from './write-graphs.js';
import { writePacks } from './write-packs.js';

function versionName(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace('.', '')}-${process.pid.toString(36)}`;
}

/** Reads what changed, writes the version (sharing unchanged packs), verifies what it wrote, and publishes it. */
export async function buildVersion({ options, plan, lock, started, pipelineVersion }: {
  options: IngestOptions;
  plan: IngestPlan;
  lock: IngestLock;
  started: number;
  pipelineVersion: number;
}): Promise<IngestSummary> {
  const { corpusDirectory, indexDirectory, onProgress, signal } = options;
  const now = options.now ?? (() => new Date());
  const rules = compileRules(plan.ruleTexts);
  if (options.strict && plan.skipped.length > 0) throw new StrictModeError(plan.skipped.length);
  if (plan.files.length === 0) throw new EmptyCorpusError(corpusDirectory);
  const text = createTextPipeline({ rules });
  const embedder = createEmbeddings({ settings: options.embedderSettings ?? {}, text });
  const tools = { cleaning: rules.cleaning, text, reading: createReadingContext({ rules, text }) };
  const fingerprints = { text: `${rules.fingerprints.text}/${pipelineVersion}`, cleaning: rules.fingerprints.cleaning, rules: rules.fingerprints.all };
  const base = reusableBase({ plan, rules, embedder, fingerprints });
  const metadata = readCorpusMetadata({ corpusDirectory });
  const standardAnswerInputs = readStandardAnswers({ corpusDirectory });
  const metadataOf = (path: string) => ({ entry: metadata[path], fingerprint: metadataFingerprint(metadata[path]) });
  const layout = planPacks({
    files: plan.files,
    packs: packCount({ files: plan.files.length, filesPerPack: options.filesPerPack }),
    base,
    metadata: (path) => (metadata[path]?.enabled === false ? 'disabled' : metadataOf(path).fingerprint),
  });
  await checkpoint(signal);

  const version = versionName(now());
  const staging = createStagingDirectory(indexDirectory, version);
  try {
    const chunkEmbedder = new ChunkEmbedder(embedder);
    const packs = await writePacks({ directory: staging, corpusDirectory, layout, metadata: metadataOf, base, tools, embedder: chunkEmbedder, signal, onFile: (done, total) => onProgress?.({ phase: 'chunk', done, total }) });
    onProgress?.({ phase: 'embed', done: chunkEmbedder.vectors.size, total: chunkEmbedder.vectors.size });
    await checkpoint(signal);
    const skipped = [...plan.skipped, ...packs.skipped].sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
    if (options.strict && skipped.length > 0) throw new StrictModeError(skipped.length);
    const combined = combineSummaries({ summaries: packs.summaries });
    if (combined.counts.documents + combined.counts.subDocuments === 0 || combined.counts.chunks === 0) throw new EmptyCorpusError(corpusDirectory);

    const dimensions = chunkEmbedder.vectors.values().next().value?.length ?? base?.manifest.embedder.dimensions ?? 0;
    const graphs = writeGraphs({ directory: staging, layout, summaries: packs.summaries, base, vectors: chunkEmbedder.vectors, dimensions, onPack: (done, total) => onProgress?.({ phase: 'index', done, total }) });
    await checkpoint(signal);
    // Standard answers are published when their citations are verbatim in the documents they cite.
    const cited = readDocuments({ directory: staging, packs: layout.packs, summaries: packs.summaries, sourceIds: standardAnswerInputs.flatMap((answer) => (answer.citations ?? []).map((citation) => citation.sourceId)) });
    const standardAnswers = publishStandardAnswers({ answers: standardAnswerInputs, documents: cited, normalize: text.normalize });
    const disabled = packs.disabled.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
    const manifest: Manifest = {
      formatVersion: indexFormatVersion,
      version,
      createdAt: now().toISOString(),
      readStartedAt: plan.readStartedAt,
      embedder: { id: embedder.id, dimensions },
      fingerprints,
      packs: layout.packs,
      packFiles: packs.shardFiles.map((shards, pack) => ({ shards, graph: graphs.graphFiles[pack] })),
      files: packs.files,
      skipped,
      disabled: disabled.map((file) => file.path),
      disabledFiles: disabled,
      corpusData: plan.corpusData,
      standardAnswers: { published: standardAnswers.published.length, skipped: standardAnswers.skipped },
      counts: { files: packs.files.length, ...combined.counts },
    };
    writeJson(join(staging, 'rules.json'), rules.texts);
    writeJsonGzip(join(staging, summariesFileName), packs.summaries);
    writeJsonGzip(join(staging, structuresFileName), combined.structures);
    writeJson(join(staging, publishedStandardAnswersFileName), standardAnswers.published);
    // The corpus files the version was built from (disabled ones included), so that activating it can restore them.
    writeCorpusSnapshot({ corpusDirectory, indexDirectory, staging, articles: plan.files.map(({ path, hash, bytes }) => ({ path, hash, bytes })) });
    writeJson(join(staging, 'manifest.json'), manifest);
    const packNames = manifest.packFiles.flatMap(({ graph }, pack) => [packFileNames(pack).shards, ...(graph ? [packFileNames(pack).graph] : [])]);
    writeJson(join(staging, stampsFileName), stampFiles(staging, packNames));
    options.beforePublish?.(staging);

    const sealed = sealVersion(indexDirectory, version);
    onProgress?.({ phase: 'verify', done: 0, total: 1 });
    try {
      verifyVersion({ directory: sealed, written: packs.written, packFiles: manifest.packFiles, rebuilt: graphs.rebuilt, dimensions });
      await checkpoint(signal);
      lock.assertHeld();
    } catch (error) {
      rmSync(sealed, { recursive: true, force: true });
      throw error;
    }
    onProgress?.({ phase: 'verify', done: 1, total: 1 });
    switchCurrent(indexDirectory, version);
    const prunedVersions = pruneVersions(indexDirectory, options.keepVersions ?? 3);
    pruneSnapshotObjects(indexDirectory);
    const reused = layout.files.filter((entry) => entry.action === 'keep' || entry.action === 'restate').length;
    const current = new Set(packs.files.map((file) => file.path));
    return {
      version,
      previousVersion: plan.currentVersion,
      upToDate: false,
      files: {
        read: plan.files.length,
        reused,
        processed: packs.files.length - reused,
        removed: (base?.manifest.files ?? []).filter((file) => !current.has(file.path)).length,
        skipped: skipped.map(({ path, reason }) => ({ path, reason })),
        disabled: manifest.disabled!,
      },
      packs: { total: layout.packs, written: packs.written.size, graphsBuilt: graphs.rebuilt.size },
      documents: combined.counts.documents,
      subDocuments: combined.counts.subDocuments,
      chunks: combined.counts.chunks,
      duplicateChunks: combined.counts.duplicateChunks,
      families: combined.counts.families,
      statements: combined.counts.statements,
      claims: combined.counts.claims,
      embedder: embedder.id,
      prunedVersions,
      seconds: (performance.now() - started) / 1000,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
