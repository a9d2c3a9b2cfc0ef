// The structure of a document: sections from headings, "标签：内容" labels, and every sentence's place in it (pure).
import type { SourceLine } from '../corpus/corpus-types.js';
import { splitSentences } from './split-sentences.js';

export interface DocumentSection {
  /** The heading without its numbering and trailing colon ("4、办理时效:" → "办理时效"). */
  heading: string;
  /** Index of the enclosing section, or null at the top. */
  parent: number | null;
}

export interface StructuredSentence {
  text: string;
  /** Offset in the source body. */
  offset: number;
  /** Index of the line the sentence is on (sentences of one line form one list item). */
  line: number;
  /** The innermost section, or null before the first heading. */
  section: number | null;
  /** The line's label ("转出地处理:一般不超过10个工作日。" → "转出地处理"), on every sentence of the line. */
  label: string | null;
}

export interface DocumentStructure {
  sections: DocumentSection[];
  sentences: StructuredSentence[];
}

const headingMaxLength = 40;
const shortHeadingLength = 15;
const numbered = /^(?:#{1,6}\s*|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（]\d+[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;
const labelLine = /^([^，。,；;:：！？!?“”"]{2,16})[:：]\s*(?=\S)/;

/** A short line without a full stop that opens a section: "4、办理时效:", "福建厦门医保个人账户余额可以转移吗?". */
export function isHeading(line: string): boolean {
  if (line.length <= shortHeadingLength && !/[\p{P}]/u.test(line)) return true;
  // An item that ends like a clause ("（三）租赁自住住房的；") or gives its label's content ("1、购房提取：购房合同、
  // 购房发票；") states something: it is not a heading, however short.
  if (/[；;。！!]$/.test(line) || /[:：]\s*\S/.test(line.replace(numbered, ''))) return false;
  // A headline asks and answers in one unfinished line ("离职后医保怎么办?补缴指南来了").
  const headline = /[?？]/.test(line) && !/[。；;！!.]$/.test(line);
  return line.length <= headingMaxLength && !line.includes('。') && (numbered.test(line) || /[?？:：]$/.test(line) || headline);
}

/** The heading's text without numbering and trailing punctuation. */
export function headingText(line: string): string {
  return line.replace(numbered, '').replace(/[:：]\s*$/, '').trim();
}

/** Nesting rank of a heading: markdown depth, 一、 < 1、 < (1); question headings reset to the top. */
function rankOf(line: string): { rank: number; numbered: boolean; colon: boolean } {
  const markdown = /^(#{1,6})\s/.exec(line);
  if (markdown) return { rank: markdown[1].length, numbered: true, colon: false };
  if (/^[一二三四五六七八九十]+[、.．]/.test(line)) return { rank: 1, numbered: true, colon: false };
  if (/^\d+[、.．]/.test(line)) return { rank: 2, numbered: true, colon: false };
  if (/^([(（]\d+[)）]|[①②③④⑤⑥⑦⑧⑨⑩])/.test(line)) return { rank: 3, numbered: true, colon: false };
  if (/[?？]$/.test(line)) return { rank: 0, numbered: true, colon: false };
  return { rank: Number.POSITIVE_INFINITY, numbered: false, colon: /[:：]$/.test(line) };
}

interface OpenHeading {
  section: number;
  rank: number;
  numbered: boolean;
  colon: boolean;
  /** Lines seen since the heading opened (in it or its sub-sections). */
  items: number;
  /** Whether a plain sub-heading already opened inside it. */
  plainChild: boolean;
}

/**
 * Reads the sections and labels of a document's lines. Numbered headings nest by their marker; an unnumbered
 * heading is a sub-section of the last numbered one (a colon-ended one nests below a plain one: "单位补缴" › "流程:").
 */
export function structureDocument({ lines, runs = false }: { lines: SourceLine[]; runs?: boolean }): DocumentStructure {
  const sections: DocumentSection[] = [];
  const sentences: StructuredSentence[] = [];
  const open: OpenHeading[] = [];
  (runs ? lines.flatMap(splitRuns) : lines).forEach((line, lineIndex) => {
    const text = line.text;
    if (!text) return;
    if (isHeading(text)) {
      const heading = headingText(text);
      if (!heading) return; // a bare "4." before its item
      const shape = rankOf(text);
      if (shape.numbered) {
        while (open.length > 0 && (!open.at(-1)!.numbered || open.at(-1)!.rank >= shape.rank)) open.pop();
      } else if (shape.colon) {
        while (open.length > 0 && open.at(-1)!.colon) open.pop();
      } else {
        while (open.length > 0 && !open.at(-1)!.numbered) open.pop();
        // A plain heading after the items of a numbered list, with no plain sibling there, closes the list
        // ("注意事项" after "2.医保经办机构窗口:…"): it belongs to the page, not to the last item.
        const last = open.at(-1);
        const nested = open.length >= 2 && open.at(-2)!.numbered && open.at(-2)!.rank >= 1;
        if (last && last.rank >= 2 && last.items > 0 && !last.plainChild && nested) while (open.length > 0 && open.at(-1)!.rank >= 1) open.pop();
        if (open.at(-1)) open.at(-1)!.plainChild = true;
      }
      sections.push({ heading, parent: open.at(-1)?.section ?? null });
      open.push({ section: sections.length - 1, ...shape, items: 0, plainChild: false });
      return;
    }
    for (const heading of open) heading.items += 1;
    const labelMatch = labelLine.exec(text.replace(numbered, ''));
    const label = labelMatch ? labelMatch[1].trim() : null;
    for (const sentence of splitSentences(text)) {
      sentences.push({ text: sentence.text, offset: line.offset + sentence.offset, line: lineIndex, section: open.at(-1)?.section ?? null, label });
    }
  });
  return { sections, sentences };
}

/**
 * A teaser's snippet is one line whose headings, items and sentences are separated by single spaces: its runs
 * become lines of their own (a run that starts with punctuation stays with the run before).
 */
function splitRuns(line: SourceLine): SourceLine[] {
  const pieces: SourceLine[] = [];
  for (const match of line.text.matchAll(/\S+/g)) {
    const piece = { text: match[0], offset: line.offset + match.index };
    const previous = pieces.at(-1);
    // A figure ("8.5%") or what follows a word that cannot end a phrase ("缴费基数的") continues the run before.
    const continues = previous !== undefined && ((/^[\p{P}]/u.test(piece.text) && !/^[•·(（]/.test(piece.text)) || /^[\d.%％]/.test(piece.text) || /[的为是至约达按每共]$/.test(previous.text));
    if (previous && continues) {
      previous.text = line.text.slice(previous.offset - line.offset, piece.offset - line.offset + piece.text.length);
    } else pieces.push(piece);
  }
  return pieces;
}

/** The headings from the outermost section down to `section`. */
export function sectionPath(sections: DocumentSection[], section: number | null): string[] {
  const path: string[] = [];
  for (let current = section; current !== null; current = sections[current]?.parent ?? null) path.unshift(sections[current].heading);
  return path;
}

/** Whether `section` is `ancestor` or lies inside it. */
export function isWithin(sections: DocumentSection[], section: number | null, ancestor: number): boolean {
  for (let current = section; current !== null; current = sections[current]?.parent ?? null) if (current === ancestor) return true;
  return false;
}
