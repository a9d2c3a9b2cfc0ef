// Numbers the quotes of an answer in order of first use: one quote, one citation, one marker.
import type { StoredDocument } from '../index/index-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { Citation } from './answer-types.js';
import { displaySentence } from './display-sentence.js';

export class CitationBook {
  private readonly entries = new Map<string, Citation>();

  constructor(private readonly documents: Map<string, StoredDocument>) {}

  /** The marker of a statement's quote ("[2]"), numbering it on first use. */
  cite(statement: Statement): string {
    return `[${this.numberOf(statement)}]`;
  }

  /** The citation number of a statement's quote, numbering it on first use. */
  numberOf(statement: Statement): number {
    const existing = this.entries.get(statement.key);
    if (existing) return existing.n;
    const document = this.documents.get(statement.sourceId);
    const n = this.entries.size + 1;
    this.entries.set(statement.key, { n, sourceId: statement.sourceId, title: document?.title ?? statement.sourceId, date: document?.date ?? null, quote: quoteOf(statement) });
    return n;
  }

  /** Markers for several statements, each once, in citation order. */
  citeAll(statements: Statement[]): string {
    const numbers = [...new Set(statements.map((statement) => this.numberOf(statement)))].sort((left, right) => left - right);
    return numbers.map((n) => `[${n}]`).join('');
  }

  citations(): Citation[] {
    return [...this.entries.values()];
  }
}

/** The verbatim text a statement is quoted with: the sentence without a leading bullet or list number. */
export function quoteOf(statement: Statement): string {
  return displaySentence(statement.text).text;
}
