// A file's shard: everything the index keeps of one corpus file, encoded on its own so later versions can copy it.
import { deflateSync, inflateSync } from 'node:zlib';
import type { Statement } from '../reconcile/statement-types.js';
import type { StoredDocument } from './index-types.js';

export interface ShardSentence {
  /** The verbatim sentence; its offset is relative to the source body. */
  text: string;
  offset: number;
  label: string | null;
  section: number | null;
}

export interface ShardChunk {
  id: string;
  sourceId: string;
  /** Section headings the chunk lies under, outermost first. */
  path: string[];
  sentences: ShardSentence[];
  /** The chunk's index tokens and their counts, `[token, count, token, count…]`: its BM25 postings. */
  terms: Array<string | number>;
  /** Number of index tokens (the chunk's BM25 length). */
  length: number;
}

/** One corpus file's documents, chunks (in document order) and statements (as the reader produced them). */
export interface FileShard {
  documents: StoredDocument[];
  chunks: ShardChunk[];
  statements: Statement[];
}

/** A sentence as stored: its text is cut from the document's lines when it lies on one (it always does today). */
type EncodedSentence = [offset: number, textOrLength: string | number, label: string | null, section: number | null];
type EncodedChunk = Omit<ShardChunk, 'sentences'> & { sentences: EncodedSentence[] };

/** Index of the line holding `offset`, or -1 (lines are in body order). */
function lineAt(lines: StoredDocument['lines'], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle].offset > offset) high = middle - 1;
    else if (lines[middle].offset + lines[middle].text.length <= offset) low = middle + 1;
    else return middle;
  }
  return -1;
}

function cut(document: StoredDocument | undefined, offset: number, length: number): string | null {
  if (!document) return null;
  const line = document.lines[lineAt(document.lines, offset)];
  if (!line) return null;
  const start = offset - line.offset;
  return start + length <= line.text.length ? line.text.slice(start, start + length) : null;
}

/**
 * The shard as bytes: compact JSON (sentence texts stored once, in the documents' lines), zlib-compressed with a
 * checksum. (Compressing on the thread pool instead saved no time on two cores and cost ~100 MB of native memory.)
 */
export function encodeShard(shard: FileShard): Buffer {
  const documents = new Map(shard.documents.map((document) => [document.sourceId, document]));
  const chunks: EncodedChunk[] = shard.chunks.map((chunk) => ({
    ...chunk,
    sentences: chunk.sentences.map(({ text, offset, label, section }) => [
      offset,
      cut(documents.get(chunk.sourceId), offset, text.length) === text ? text.length : text,
      label,
      section,
    ]),
  }));
  return deflateSync(JSON.stringify({ documents: shard.documents, chunks, statements: shard.statements }), { level: 1 });
}

/** Reads bytes written by `encodeShard`; throws on damaged bytes (bad checksum, broken JSON, a sentence off its lines). */
export function decodeShard(bytes: Uint8Array): FileShard {
  const encoded = JSON.parse(inflateSync(bytes).toString('utf8')) as { documents: StoredDocument[]; chunks: EncodedChunk[]; statements: Statement[] };
  const documents = new Map(encoded.documents.map((document) => [document.sourceId, document]));
  const chunks = encoded.chunks.map((chunk): ShardChunk => ({
    ...chunk,
    sentences: chunk.sentences.map(([offset, textOrLength, label, section]) => {
      const text = typeof textOrLength === 'string' ? textOrLength : cut(documents.get(chunk.sourceId), offset, textOrLength);
      if (text === null) throw new Error(`chunk ${chunk.id}: no line of ${chunk.sourceId} holds the sentence at ${offset}`);
      return { text, offset, label, section };
    }),
  }));
  return { documents: encoded.documents, chunks, statements: encoded.statements };
}
