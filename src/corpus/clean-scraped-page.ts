// Separates a scraped page into its main article and related-article teasers, dropping furniture.
import type { CompiledCleaning } from '../rules/compile-rules.js';
import type { SourceLine } from './corpus-types.js';

export interface Teaser {
  title: SourceLine;
  lines: SourceLine[];
  date: string;
  category: string;
}

export interface CleanedPage {
  /** Kept lines of the main article, in order. */
  main: SourceLine[];
  /** Raw first lines of the page (for title, date and publisher inference). */
  head: SourceLine[];
  teasers: Teaser[];
  publisherFromHeader: string | null;
  dateFromHeader: string | null;
  dropped: { boilerplate: number; linkList: number; navigation: number };
}

/** Lines of `text` with their offsets. */
export function linesWithOffsets(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const withoutReturn = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const leading = withoutReturn.length - withoutReturn.trimStart().length;
    lines.push({ text: withoutReturn.trim(), offset: offset + leading });
    offset += raw.length + 1;
  }
  return lines;
}

function stampCount(line: string, rules: CompiledCleaning): number {
  return [...line.matchAll(rules.linkListStamp)].length;
}

/** Cleans one scraped page: main article lines, teasers with their dates, and counts of what was dropped. */
export function cleanScrapedPage({ text, rules }: { text: string; rules: CompiledCleaning }): CleanedPage {
  const lines = linesWithOffsets(text);
  const dropped = { boilerplate: 0, linkList: 0, navigation: 0 };
  const nonEmpty = lines.filter((line) => line.text !== '');
  const head = nonEmpty.slice(0, 5);
  let publisherFromHeader: string | null = null;
  let dateFromHeader: string | null = null;
  const markerIndex = lines.findIndex((line) => rules.relatedMarkers.test(line.text));
  const mainRegion = markerIndex >= 0 ? lines.slice(0, markerIndex) : lines;
  const relatedRegion = markerIndex >= 0 ? lines.slice(markerIndex + 1) : [];

  const main: SourceLine[] = [];
  for (const line of mainRegion) {
    if (line.text === '') continue;
    const header = head.includes(line) ? rules.publisherLine.exec(line.text) : null;
    if (header) {
      dateFromHeader = header[1];
      publisherFromHeader = header[2];
      continue;
    }
    if (rules.navigation.test(line.text)) dropped.navigation++;
    else if (stampCount(line.text, rules) >= 1) dropped.linkList++;
    else if (rules.boilerplate.some((pattern) => pattern.test(line.text))) {
      dropped.boilerplate++;
      const statement = rules.publisherStatement.exec(line.text);
      if (statement && !publisherFromHeader) publisherFromHeader = statement[1];
    } else main.push(line);
  }

  const teasers: Teaser[] = [];
  let block: SourceLine[] = [];
  for (const line of relatedRegion) {
    if (line.text === '' || rules.relatedMarkers.test(line.text)) continue;
    if (rules.navigation.test(line.text)) {
      dropped.navigation++;
      continue;
    }
    if (stampCount(line.text, rules) >= 1) {
      dropped.linkList++;
      continue;
    }
    const footer = rules.teaserFooter.exec(line.text);
    if (footer) {
      if (block.length >= 2) teasers.push({ title: block[0], lines: block.slice(1), date: footer[2], category: footer[1] });
      else dropped.navigation += block.length;
      block = [];
      continue;
    }
    block.push(line);
  }
  dropped.navigation += block.length;
  return { main, head, teasers, publisherFromHeader, dateFromHeader, dropped };
}
