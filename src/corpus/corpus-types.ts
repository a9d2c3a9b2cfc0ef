// Shapes shared by the corpus readers and the index.

export const authorities = ['official', 'media', 'aggregator', 'unknown'] as const;
export type Authority = (typeof authorities)[number];

/** A line of kept text with its offset in the source file's body. */
export interface SourceLine {
  text: string;
  offset: number;
}

/** One document: a page's main article, or a teaser split out of it. */
export interface SourceDocument {
  /** File path relative to the corpus root without extension, plus `#<part>` for a teaser. */
  sourceId: string;
  /** File path relative to the corpus root. */
  path: string;
  title: string;
  /** YYYY-MM-DD, or null when the text gives none. */
  date: string | null;
  publisher: string | null;
  url: string | null;
  authority: Authority;
  kind: 'article' | 'teaser';
  /** A teaser is a truncated snippet of another article. */
  truncated: boolean;
  /** For a teaser: the sourceId of the page it was found on. */
  parentId: string | null;
  /** The teaser's category label ("健康新闻"). */
  category: string | null;
  lines: SourceLine[];
  /** Corpus paths of the documents this one replaces (front matter or documents.yaml), for the rule layer. */
  supersedes?: string[];
  /** YYYY-MM-DD from which the document applies (front matter or documents.yaml), for the time rule. */
  effectiveDate?: string | null;
}

/** A file that was not indexed, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}
