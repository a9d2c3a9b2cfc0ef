// The on-disk shapes of an index version.
import type { SkippedFile, SourceDocument } from '../corpus/corpus-types.js';
import type { DocumentSection } from '../text/structure-document.js';
import type { StoredFile } from './pack-integrity.js';

export const indexFormatVersion = 3;

export interface StoredChunk {
  id: string;
  /** Label of the chunk's vector: its position in the loaded index's chunks (canonical order). */
  label: number;
  sourceId: string;
  /** Section headings the chunk lies under, outermost first. */
  path: string[];
  sentences: Array<{ text: string; offset: number; label: string | null; section: number | null }>;
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

/** A skipped file; one skipped for its content (front matter, nothing left after cleaning) also records its hash. */
export interface SkippedEntry extends SkippedFile {
  hash?: string;
  bytes?: number;
  modified?: number;
}

/** A corpus file kept but not indexed: disabled by the metadata file or by its own front matter. */
export interface DisabledFile {
  path: string;
  hash: string;
  bytes: number;
  modified: number;
  by: 'metadata' | 'front matter';
}

export interface Manifest {
  formatVersion: number;
  version: string;
  createdAt: string;
  /** When the run that built it started reading the corpus (ms since the epoch): bounds what its stat cache can trust. */
  readStartedAt?: number;
  embedder: { id: string; dimensions: number };
  fingerprints: { text: string; cleaning: string; rules: string };
  /** Number of packs the files' shards and vectors are grouped in (see pack-layout.ts). */
  packs: number;
  /** Size and digest of each pack's shards file and graph (null for a pack without chunks). */
  packFiles: Array<{ shards: StoredFile; graph: StoredFile | null }>;
  /** The indexed files, in corpus order. */
  files: ManifestFile[];
  skipped: SkippedEntry[];
  /** Corpus paths disabled by the metadata file or their front matter: kept, not indexed. */
  disabled?: string[];
  /** The disabled files with what the stat cache and an up-to-date check need of them, and what disabled each. */
  disabledFiles?: DisabledFile[];
  /** SHA-256 of the corpus data files (documents.yaml, standard-answers.yaml) the version was built from, null when absent. */
  corpusData?: Record<string, string | null>;
  /** Standard answers published, and those left out because a citation is no longer verbatim. */
  standardAnswers?: { published: number; skipped: Array<{ id: string; reason: string }> };
  counts: { files: number; documents: number; subDocuments: number; chunks: number; duplicateChunks: number; statements: number; claims: Record<string, number>; families: number };
}

/** A document as stored: its metadata, kept lines and the sections its headings open. */
export interface StoredDocument extends SourceDocument {
  sections: DocumentSection[];
}

/**
 * What the corpus-wide structures need to know of one file, kept in the version so that an incremental run computes
 * them without reading any unchanged file's shard.
 */
export interface FileSummary {
  path: string;
  documents: Array<{ sourceId: string; publisher: string | null; parentId: string | null; kind: 'article' | 'teaser' }>;
  /** In document order; `document` indexes `documents`, `length` is the BM25 length, `keys` the copied-sentence keys. */
  chunks: Array<{ id: string; document: number; length: number; keys: number[] }>;
  statements: number;
  claims: Record<string, number>;
}

/** The corpus-wide structures, recomputed from the file summaries by every run. */
export interface CorpusStructures {
  /** sourceId → family, for documents whose family is another document's id. */
  families: Record<string, string>;
  /** chunk id → duplicate group, for chunks whose group is another chunk's id. */
  groups: Record<string, string>;
  duplicateChunks: number;
  familyCount: number;
  /** BM25 statistics: number of chunks and of index tokens. */
  lexical: { chunks: number; tokens: number };
}
