// Numbers cited sources in order of first use and gathers their verbatim quotes.
import type { SourceDocument } from '../corpus/corpus-types.js';
import type { Citation } from './answer-types.js';

export interface QuotedSentence {
  sourceId: string;
  text: string;
  offset: number;
}

/** Citations numbered by first use; one per source, its quote the cited sentences in source order joined by "…". */
export class CitationBook {
  private readonly numbers = new Map<string, number>();
  private readonly quotes = new Map<string, Map<number, string>>();

  constructor(private readonly documents: Map<string, SourceDocument>) {}

  /** The marker of the sentence's source, e.g. "[2]". */
  cite(sentence: QuotedSentence): string {
    let number = this.numbers.get(sentence.sourceId);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(sentence.sourceId, number);
      this.quotes.set(sentence.sourceId, new Map());
    }
    this.quotes.get(sentence.sourceId)!.set(sentence.offset, sentence.text);
    return `[${number}]`;
  }

  /** Markers for several sentences, each source once, in order of first use. */
  citeAll(sentences: QuotedSentence[]): string {
    const markers: string[] = [];
    for (const sentence of sentences) {
      const marker = this.cite(sentence);
      if (!markers.includes(marker)) markers.push(marker);
    }
    return markers.sort((left, right) => Number(left.slice(1, -1)) - Number(right.slice(1, -1))).join('');
  }

  numberOf(sourceId: string): number | undefined {
    return this.numbers.get(sourceId);
  }

  citations(): Citation[] {
    return [...this.numbers].map(([sourceId, n]) => {
      const document = this.documents.get(sourceId);
      const pieces = [...this.quotes.get(sourceId)!].sort((left, right) => left[0] - right[0]).map(([, text]) => text);
      return { n, sourceId, title: document?.title ?? sourceId, date: document?.date ?? null, quote: pieces.join('…') };
    });
  }
}
