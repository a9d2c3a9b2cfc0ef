// What an ingest run starts from: the rule texts, the corpus files, the current version, and whether anything changed.
// Light on purpose (no tokenizer, no embedder, no yaml): a run that finds nothing changed ends here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDataFileNames } from '../corpus/corpus-data-file-names.js';
import type { SkippedFile } from '../corpus/corpus-types.js';
import { readCorpus, type CorpusFile, type KnownFile } from '../corpus/read-corpus.js';
import type { RuleTexts } from '../rules/rule-file-names.js';
import { readRuleTexts } from '../rules/read-rule-texts.js';
import { readCurrentVersion, readJson, versionDirectory } from './index-store.js';
import { indexFormatVersion, type Manifest } from './index-types.js';
import { isIntact, readStamps } from './pack-integrity.js';
import { packFileNames } from './pack-layout.js';

export interface PreviousVersion {
  version: string;
  directory: string;
  manifest: Manifest;
  ruleTexts: RuleTexts;
}

export interface IngestPlan {
  readStartedAt: number;
  ruleTexts: RuleTexts;
  /** The version `current` points at, if any. */
  currentVersion: string | null;
  /** The current version when it can be built upon (readable, this format, not a `--full` run). */
  previous: PreviousVersion | null;
  /** The corpus's article files in corpus order; stat-cached ones are `unchanged` and not read. */
  files: CorpusFile[];
  skipped: SkippedFile[];
  /** SHA-256 of each corpus data file (documents.yaml, standard-answers.yaml), null when absent. */
  corpusData: Record<string, string | null>;
  /** Nothing changed since `previous`: same rules, corpus data, embedder, pipeline, files and skipped files. */
  upToDate: boolean;
}

/** A file modified this close to the previous run's read may have changed again within one timestamp tick. */
const statCacheMarginMilliseconds = 2000;

function readPrevious(indexDirectory: string, version: string | null): PreviousVersion | null {
  if (!version) return null;
  const directory = versionDirectory(indexDirectory, version);
  try {
    const manifest = readJson<Manifest>(join(directory, 'manifest.json'));
    if (manifest.formatVersion !== indexFormatVersion) return null;
    return { version, directory, manifest, ruleTexts: readJson<RuleTexts>(join(directory, 'rules.json')) };
  } catch {
    return null; // an unreadable previous version only means nothing can be reused
  }
}

/** Every pack file of the version is still the one published (a damaged current version is rebuilt, not kept). */
function packsIntact({ directory, manifest }: PreviousVersion): boolean {
  const stamps = readStamps(directory);
  return manifest.packFiles.every(({ shards, graph }, pack) => {
    const names = packFileNames(pack);
    return isIntact({ directory, relativePath: names.shards, record: shards, stamps }) && (graph === null || isIntact({ directory, relativePath: names.graph, record: graph, stamps }));
  });
}

function corpusDataOf(corpusDirectory: string): Record<string, string | null> {
  return Object.fromEntries(
    corpusDataFileNames.map((name) => {
      const path = join(corpusDirectory, name);
      return [name, existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null];
    }),
  );
}

function sameTexts(left: RuleTexts, right: RuleTexts): boolean {
  const names = new Set([...Object.keys(left), ...Object.keys(right)]) as Set<keyof RuleTexts>;
  return [...names].every((name) => left[name] === right[name]);
}

/** Reads the rules and lists the corpus against the current version (stat cache: size + time of files old enough). */
export function planIngest({ corpusDirectory, indexDirectory, full, embedderId, pipelineVersion }: {
  corpusDirectory: string;
  indexDirectory: string;
  full: boolean;
  embedderId: string;
  pipelineVersion: number;
}): IngestPlan {
  const readStartedAt = Date.now();
  const ruleTexts = readRuleTexts({ corpusDirectory });
  const currentVersion = readCurrentVersion(indexDirectory);
  const previous = full ? null : readPrevious(indexDirectory, currentVersion);
  // The stat cache trusts size and time only for files that were already old when the previous run read them.
  const trustedBefore = (previous?.manifest.readStartedAt ?? 0) - statCacheMarginMilliseconds;
  const known = new Map<string, KnownFile>();
  for (const file of [...(previous?.manifest.files ?? []), ...(previous?.manifest.skipped ?? []), ...(previous?.manifest.disabledFiles ?? [])]) {
    if ('hash' in file && file.hash !== undefined && file.bytes !== undefined && file.modified !== undefined && file.modified < trustedBefore) {
      known.set(file.path, { hash: file.hash, bytes: file.bytes, modified: file.modified });
    }
  }
  const { files, skipped } = readCorpus({ corpusDirectory, known });
  const corpusData = corpusDataOf(corpusDirectory);
  const upToDate = previous !== null && isUnchanged({ previous, ruleTexts, corpusData, files, skipped, embedderId, pipelineVersion });
  return { readStartedAt, ruleTexts, currentVersion, previous, files, skipped, corpusData, upToDate };
}

function isUnchanged({ previous, ruleTexts, corpusData, files, skipped, embedderId, pipelineVersion }: {
  previous: PreviousVersion;
  ruleTexts: RuleTexts;
  corpusData: Record<string, string | null>;
  files: CorpusFile[];
  skipped: SkippedFile[];
  embedderId: string;
  pipelineVersion: number;
}): boolean {
  const { manifest } = previous;
  if (!packsIntact(previous)) return false;
  if (manifest.embedder.id !== embedderId || !manifest.fingerprints.text.endsWith(`/${pipelineVersion}`) || !sameTexts(ruleTexts, previous.ruleTexts)) return false;
  if (JSON.stringify(corpusData) !== JSON.stringify(manifest.corpusData ?? null)) return false;
  // Files skipped for their content (broken front matter…) or disabled are listed by readCorpus like any other file.
  const contentSkips = new Map([
    ...manifest.skipped.filter((entry) => entry.hash !== undefined).map((entry) => [entry.path, entry.hash] as const),
    ...(manifest.disabledFiles ?? []).map((entry) => [entry.path, entry.hash] as const),
  ]);
  const indexed = files.filter((file) => !contentSkips.has(file.path));
  if (indexed.length !== manifest.files.length || !indexed.every((file, position) => manifest.files[position].path === file.path && manifest.files[position].hash === file.hash)) return false;
  if (!files.every((file) => !contentSkips.has(file.path) || contentSkips.get(file.path) === file.hash)) return false;
  if (files.length - indexed.length !== contentSkips.size) return false;
  const listed = new Map(manifest.skipped.filter((entry) => entry.hash === undefined).map((entry) => [entry.path, entry.reason]));
  return skipped.length === listed.size && skipped.every((entry) => listed.get(entry.path) === entry.reason);
}
