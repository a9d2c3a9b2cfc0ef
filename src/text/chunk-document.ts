// Chunks a document along sentence and list boundaries, with headings carried as context.
import { createHash } from 'node:crypto';
import type { SourceDocument } from '../corpus/corpus-types.js';
import { splitSentences, type Sentence } from './split-sentences.js';

export interface DraftChunk {
  id: string;
  sourceId: string;
  heading: string | null;
  /** The verbatim sentences of the chunk, offsets relative to the source body. */
  sentences: Sentence[];
  text: string;
}

const maxChunkLength = 320;
const headingMaxLength = 40;
const shortHeadingLength = 15;
const headingShape = /^(#{1,6}\s|[一二三四五六七八九十]+[、.]|\d+[、.]|[(（]\d+[)）])|[?？:：]$/;

/** A short line without a full stop that opens a section: "4、办理时效:", "福建厦门医保个人账户余额可以转移吗?". */
export function isHeading(line: string): boolean {
  if (line.length <= shortHeadingLength && !/[\p{P}]/u.test(line)) return true; // "账户余额清0与划转"
  return line.length <= headingMaxLength && !line.includes('。') && headingShape.test(line);
}

function chunkId(sourceId: string, text: string, occurrence: number): string {
  return createHash('sha256').update(`${sourceId}\n${text}\n${occurrence}`).digest('hex').slice(0, 16);
}

/** Chunks of `document`; ids derive from source id and content, so unchanged text keeps its ids. */
export function chunkDocument(document: SourceDocument): DraftChunk[] {
  const chunks: DraftChunk[] = [];
  const occurrences = new Map<string, number>();
  let heading: string | null = null;
  let current: Sentence[] = [];
  let currentLength = 0;
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map((sentence) => sentence.text).join('');
    const occurrence = occurrences.get(text) ?? 0;
    occurrences.set(text, occurrence + 1);
    chunks.push({ id: chunkId(document.sourceId, text, occurrence), sourceId: document.sourceId, heading, sentences: current, text });
    current = [];
    currentLength = 0;
  };
  for (const line of document.lines) {
    if (isHeading(line.text) && document.kind === 'article') {
      flush();
      heading = line.text;
      continue;
    }
    for (const sentence of splitSentences(line.text)) {
      if (currentLength > 0 && currentLength + sentence.text.length > maxChunkLength) flush();
      current.push({ text: sentence.text, offset: line.offset + sentence.offset });
      currentLength += sentence.text.length;
    }
  }
  flush();
  return chunks;
}
