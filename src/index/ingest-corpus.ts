// The ingest job: corpus files → a new verified index version, published by an atomic switch. This module stays light
// (no tokenizer, embedder or rule compiler): a run that finds nothing changed answers from it alone.
import { StrictModeError } from '../errors/app-error.js';
import { embedderIdOf } from './embedder-id.js';
import { removeStagingLeftovers } from './index-store.js';
import { IngestLock } from './ingest-lock.js';
import type { IngestOptions, IngestSummary } from './ingest-types.js';
import { planIngest, type IngestPlan } from './plan-ingest.js';

export type { IngestOptions, IngestPhase, IngestSummary } from './ingest-types.js';

/** Bump when cleaning, chunking, normalization, statement reading or vector code changes, so that incremental runs re-read every file. */
export const pipelineVersion = 32;

/**
 * Runs ingest under the index directory's lock (IngestLockedError while another run holds it); on any failure the
 * staging directory is removed and `current` is left untouched. When nothing changed since the current version, it
 * publishes nothing and says so (`upToDate`).
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const lock = IngestLock.acquire({ indexDirectory: options.indexDirectory, timing: options.lockTiming });
  try {
    removeStagingLeftovers(options.indexDirectory);
    const plan = planIngest({
      corpusDirectory: options.corpusDirectory,
      indexDirectory: options.indexDirectory,
      full: options.full ?? false,
      embedderId: embedderIdOf(options.embedderSettings ?? {}),
      pipelineVersion,
    });
    options.onProgress?.({ phase: 'read', done: plan.files.length, total: plan.files.length });
    if (plan.upToDate) return upToDateSummary({ plan, strict: options.strict ?? false, started });
    const { buildVersion } = await import('./build-version.js');
    return await buildVersion({ options, plan, lock, started, pipelineVersion });
  } finally {
    await lock.release();
  }
}

function upToDateSummary({ plan, strict, started }: { plan: IngestPlan; strict: boolean; started: number }): IngestSummary {
  const { manifest, version } = plan.previous!;
  if (strict && manifest.skipped.length > 0) throw new StrictModeError(manifest.skipped.length);
  return {
    version,
    previousVersion: version,
    upToDate: true,
    files: { read: plan.files.length, reused: manifest.files.length, processed: 0, removed: 0, skipped: manifest.skipped.map(({ path, reason }) => ({ path, reason })), disabled: manifest.disabled ?? [] },
    packs: { total: manifest.packs, written: 0, graphsBuilt: 0 },
    documents: manifest.counts.documents,
    subDocuments: manifest.counts.subDocuments,
    chunks: manifest.counts.chunks,
    duplicateChunks: manifest.counts.duplicateChunks,
    families: manifest.counts.families,
    statements: manifest.counts.statements,
    claims: manifest.counts.claims,
    embedder: manifest.embedder.id,
    prunedVersions: [],
    seconds: (performance.now() - started) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
