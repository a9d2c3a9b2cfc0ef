// One corpus file → its main article and teaser sub-documents, with metadata.
import { extname } from 'node:path';
import type { CompiledCleaning } from '../rules/compile-rules.js';
import { cleanScrapedPage, type CleanedPage } from './clean-scraped-page.js';
import type { SourceDocument } from './corpus-types.js';
import { htmlToText } from './html-to-text.js';
import { findDate, inferTitle } from './infer-metadata.js';
import { parseFrontMatter } from './parse-front-matter.js';
import type { CorpusFile } from './read-corpus.js';

export type ExtractResult =
  | { success: true; documents: SourceDocument[]; dropped: CleanedPage['dropped']; disabled?: boolean }
  | { success: false; reason: string };

/** The source id of a file: its corpus-relative path without extension. */
export function sourceIdOf(path: string): string {
  return path.slice(0, path.length - extname(path).length);
}

/** Splits a corpus file into documents; an unusable file is a reason, not an exception. */
export function extractDocuments({ file, cleaning }: { file: CorpusFile; cleaning: CompiledCleaning }): ExtractResult {
  const parsed = parseFrontMatter(file.text);
  if (!parsed.success) return { success: false, reason: parsed.error };
  const { frontMatter } = parsed;
  if (frontMatter.enabled === false) return { success: true, documents: [], dropped: { boilerplate: 0, linkList: 0, navigation: 0 }, disabled: true };
  const extension = extname(file.path).toLowerCase();
  const body = extension === '.html' || extension === '.htm' ? htmlToText(parsed.body) : parsed.body;
  const page = cleanScrapedPage({ text: body, rules: cleaning });
  const sourceId = sourceIdOf(file.path);

  const main = [...page.main];
  const inferred = inferTitle(main[0], cleaning);
  if (!frontMatter.title && inferred.consumed) main.shift();
  const headText = page.head.slice(0, 4).map((line) => line.text).join('\n');
  const documents: SourceDocument[] = [];
  if (main.length > 0) {
    documents.push({
      sourceId,
      path: file.path,
      title: frontMatter.title ?? inferred.title,
      date: frontMatter.date ?? page.dateFromHeader ?? findDate(headText, cleaning.dates),
      publisher: frontMatter.publisher ?? page.publisherFromHeader,
      url: frontMatter.url ?? null,
      authority: frontMatter.authority ?? 'unknown',
      kind: 'article',
      truncated: false,
      parentId: null,
      category: null,
      lines: main,
      ...(frontMatter.supersedes ? { supersedes: frontMatter.supersedes } : {}),
      ...(frontMatter.effectiveDate ? { effectiveDate: frontMatter.effectiveDate } : {}),
    });
  }
  page.teasers.forEach((teaser, index) => {
    documents.push({
      sourceId: `${sourceId}#${index + 1}`,
      path: file.path,
      title: teaser.title.text.replace(cleaning.titleDateSuffix, '').trim(),
      date: teaser.date,
      publisher: null,
      url: null,
      authority: 'unknown',
      kind: 'teaser',
      truncated: true,
      parentId: sourceId,
      category: teaser.category,
      lines: teaser.lines,
    });
  });
  if (documents.length === 0) return { success: false, reason: 'no article text left after cleaning' };
  return { success: true, documents, dropped: page.dropped };
}
