// Chunks a document along its sections and sentence boundaries; each sentence keeps its label and section.
import { createHash } from 'node:crypto';
import type { SourceDocument } from '../corpus/corpus-types.js';
import { sectionPath, structureDocument, type DocumentSection } from './structure-document.js';

export interface ChunkSentence {
  /** The verbatim sentence; its offset is relative to the source body. */
  text: string;
  offset: number;
  /** The line's "标签" ("转出地处理"), or null. */
  label: string | null;
  /** Index of the innermost section in the document's sections, or null before the first heading. */
  section: number | null;
}

export interface DraftChunk {
  id: string;
  sourceId: string;
  /** The section headings the chunk lies under, outermost first. */
  path: string[];
  sentences: ChunkSentence[];
  text: string;
}

const maxChunkLength = 320;

function chunkId(sourceId: string, text: string, occurrence: number): string {
  return createHash('sha256').update(`${sourceId}\n${text}\n${occurrence}`).digest('hex').slice(0, 16);
}

/** Chunks and sections of `document`; ids derive from source id and content, so unchanged text keeps its ids. */
export function chunkDocument(document: SourceDocument): { chunks: DraftChunk[]; sections: DocumentSection[] } {
  const { sections, sentences } = structureDocument({ lines: document.lines, runs: document.kind === 'teaser' });
  const chunks: DraftChunk[] = [];
  const occurrences = new Map<string, number>();
  let current: ChunkSentence[] = [];
  let currentLength = 0;
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map((sentence) => sentence.text).join('');
    const occurrence = occurrences.get(text) ?? 0;
    occurrences.set(text, occurrence + 1);
    chunks.push({ id: chunkId(document.sourceId, text, occurrence), sourceId: document.sourceId, path: sectionPath(sections, current[0].section), sentences: current, text });
    current = [];
    currentLength = 0;
  };
  for (const sentence of sentences) {
    const changesSection = current.length > 0 && current[0].section !== sentence.section;
    if (changesSection || (currentLength > 0 && currentLength + sentence.text.length > maxChunkLength)) flush();
    current.push({ text: sentence.text, offset: sentence.offset, label: sentence.label, section: sentence.section });
    currentLength += sentence.text.length;
  }
  flush();
  return { chunks, sections };
}
