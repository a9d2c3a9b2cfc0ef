// The version `current` points at, as far as an incremental ingest can reuse it.
import { join } from 'node:path';
import type { Statement } from '../reconcile/statement-types.js';
import { readCurrentVersion, readJson, versionDirectory } from './index-store.js';
import { indexFormatVersion, type Manifest, type StoredChunk, type StoredDocument } from './index-types.js';
import { VectorIndex } from './vector-index.js';

export interface PreviousVersion {
  manifest: Manifest;
  statements: Statement[];
  documents: Map<string, StoredDocument>;
  chunksBySource: Map<string, StoredChunk[]>;
  vectors: VectorIndex;
}

/** The current version's contents, or null when there is none or it cannot be read (then nothing is reused). */
export function readPreviousVersion(indexDirectory: string): PreviousVersion | null {
  const version = readCurrentVersion(indexDirectory);
  if (!version) return null;
  const directory = versionDirectory(indexDirectory, version);
  try {
    const manifest = readJson<Manifest>(join(directory, 'manifest.json'));
    if (manifest.formatVersion !== indexFormatVersion) return null;
    const chunks = readJson<StoredChunk[]>(join(directory, 'chunks.json'));
    const chunksBySource = new Map<string, StoredChunk[]>();
    for (const chunk of chunks) {
      const list = chunksBySource.get(chunk.sourceId);
      if (list) list.push(chunk);
      else chunksBySource.set(chunk.sourceId, [chunk]);
    }
    const documents = new Map(readJson<StoredDocument[]>(join(directory, 'documents.json')).map((document) => [document.sourceId, document]));
    const vectors = VectorIndex.read({ path: join(directory, 'vectors.hnsw'), dimensions: manifest.embedder.dimensions, labels: chunks.map((chunk) => chunk.label) });
    const statements = readJson<Statement[]>(join(directory, 'statements.json'));
    return { manifest, documents, chunksBySource, vectors, statements };
  } catch {
    return null; // an unreadable previous version only means nothing can be reused
  }
}
