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
  /** Fingerprint of the file's entry in the corpus metadata file (a change re-reads the file). */
  metadata?: string;
}

export interface Manifest {
  formatVersion: number;
  version: string;
  createdAt: string;
  embedder: { id: string; dimensions: number };
  fingerprints: { text: string; cleaning: string; rules: string };
  files: ManifestFile[];
  skipped: SkippedFile[];
  /** Corpus paths disabled by the metadata file or their front matter: kept, not indexed. */
  disabled?: string[];
  /** Standard answers published, and those left out because a citation is no longer verbatim. */
  standardAnswers?: { published: number; skipped: Array<{ id: string; reason: string }> };
  counts: { files: number; documents: number; subDocuments: number; chunks: number; duplicateChunks: number; claims: number; families: number };
}

export interface IndexContents {
  manifest: Manifest;
  documents: SourceDocument[];
  chunks: StoredChunk[];
  claims: Claim[];
  families: Record<string, string>;
}
