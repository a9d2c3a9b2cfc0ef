// The previous version as far as an incremental run can build on it.
import { join } from 'node:path';
import type { RuleSet } from '../rules/compile-rules.js';
import { summariesFileName } from './combine-summaries.js';
import type { Embedder } from './create-embeddings.js';
import { readJsonGzip } from './index-store.js';
import type { FileSummary, Manifest } from './index-types.js';
import type { IngestPlan } from './plan-ingest.js';
import type { ReusableBase } from './plan-packs.js';
import { PreviousPacks } from './previous-packs.js';

/** The previous version, if this run can reuse its shards and vectors (same embedder, text and cleaning rules). */
export function reusableBase({ plan, rules, embedder, fingerprints }: { plan: IngestPlan; rules: RuleSet; embedder: Embedder; fingerprints: Manifest['fingerprints'] }): ReusableBase | null {
  const previous = plan.previous;
  if (!previous) return null;
  const { manifest } = previous;
  if (manifest.embedder.id !== embedder.id || manifest.fingerprints.text !== fingerprints.text || manifest.fingerprints.cleaning !== fingerprints.cleaning) return null;
  try {
    const summaries = new Map(readJsonGzip<FileSummary[]>(join(previous.directory, summariesFileName)).map((summary) => [summary.path, summary]));
    return { manifest, summaries, packs: new PreviousPacks({ directory: previous.directory, manifest, summaries }), restate: manifest.fingerprints.rules !== rules.fingerprints.all };
  } catch {
    return null; // an unreadable previous version only means nothing can be reused
  }
}
