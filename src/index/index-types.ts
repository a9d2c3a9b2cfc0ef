// The on-disk shapes of an index version.
import type { SkippedFile, SourceDocument } from '../corpus/corpus-types.js';
import type { Claim } from '../reconcile/claim-types.js';

export const indexFormatVersion = 1;

export interface StoredChunk {
  id: string;
  /** Label of the chunk's vector in the HNSW index. */
  label: number;
  sourceId: string;
  heading: string | null;
  sentences: Array<{ text: string; offset: number }>;
  /** The sentences normalized (NFKC, simplified, variants folded). */
  normalized: string[];
  tokens: string[];
  /** Duplicate group: chunks with the same group copy each other. */
  group: string;
}

export interface ManifestFile {
  path: string;
  hash: string;
  bytes: number;
  modified: number;
  sourceIds: string[];
}

export interface Manifest {
  formatVersion: number;
  version: string;
  createdAt: string;
  /** When the run that built it started reading the corpus (ms since the epoch): bounds what its stat cache can trust. */
  readStartedAt?: number;
  embedder: { id: string; dimensions: number };
  fingerprints: { text: string; cleaning: string; rules: string };
  files: ManifestFile[];
  skipped: SkippedFile[];
  counts: { files: number; documents: number; subDocuments: number; chunks: number; duplicateChunks: number; claims: number; families: number };
}

export interface IndexContents {
  manifest: Manifest;
  documents: SourceDocument[];
  chunks: StoredChunk[];
  claims: Claim[];
  families: Record<string, string>;
}
