// The options and the summary of an ingest run.
import type { SkippedFile } from '../corpus/corpus-types.js';
import type { EmbedderSettings } from './create-embeddings.js';
import type { LockTiming } from './ingest-lock.js';

export type IngestPhase = 'read' | 'chunk' | 'embed' | 'index' | 'verify';

export interface IngestOptions {
  corpusDirectory: string;
  indexDirectory: string;
  full?: boolean;
  strict?: boolean;
  embedderSettings?: EmbedderSettings;
  keepVersions?: number;
  /** Files per pack the layout aims at (see pack-layout.ts); tests lower it to get several packs from a few files. */
  filesPerPack?: number;
  onProgress?: (event: { phase: IngestPhase; done: number; total: number }) => void;
  /** Called with the staging directory before it is sealed (tests use it to fail midway). */
  beforePublish?: (stagingDirectory: string) => void;
  now?: () => Date;
  /** Aborting stops the run at its next step; nothing is published (the reason is thrown). */
  signal?: AbortSignal;
  lockTiming?: LockTiming;
}

export interface IngestSummary {
  /** The published version, or the current one when nothing changed. */
  version: string;
  previousVersion: string | null;
  /** Nothing changed since the current version: nothing was read, built or published. */
  upToDate: boolean;
  files: { read: number; reused: number; processed: number; removed: number; skipped: SkippedFile[]; disabled: string[] };
  /** Packs of the version, and how many this run wrote (the others are shared with the previous version). */
  packs: { total: number; written: number; graphsBuilt: number };
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
  /** The process's peak resident memory so far. */
  peakRssBytes: number;
}
