// The on-disk shapes of an index version.
import type { SkippedFile, SourceDocument } from '../corpus/corpus-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { DocumentSection } from '../text/structure-document.js';

export const indexFormatVersion = 2;

export interface StoredChunk {
  id: string;
  /** Label of the chunk's vector in the HNSW index. */
  label: number;
  sourceId: string;
  /** Section headings the chunk lies under, outermost first. */
  path: string[];
  sentences: Array<{ text: string; offset: number; label: string | null; section: number | null }>;
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
  /** When the run that built it started reading the corpus (ms since the epoch): bounds what its stat cache can trust. */
  readStartedAt?: number;
  embedder: { id: string; dimensions: number };
  fingerprints: { text: string; cleaning: string; rules: string };
  files: ManifestFile[];
  skipped: SkippedFile[];
  /** Corpus paths disabled by the metadata file or their front matter: kept, not indexed. */
  disabled?: string[];
  /** Standard answers published, and those left out because a citation is no longer verbatim. */
  standardAnswers?: { published: number; skipped: Array<{ id: string; reason: string }> };
  counts: { files: number; documents: number; subDocuments: number; chunks: number; duplicateChunks: number; statements: number; claims: Record<string, number>; families: number };
}

/** A document as stored: its metadata, kept lines and the sections its headings open. */
export interface StoredDocument extends SourceDocument {
  sections: DocumentSection[];
}

export interface IndexContents {
  manifest: Manifest;
  documents: StoredDocument[];
  chunks: StoredChunk[];
  statements: Statement[];
  families: Record<string, string>;
}
