// A statement: one sentence of the corpus read for the rule layer, with everything needed to weigh it.
import type { SentenceAnalysis } from './analyse-sentence.js';
import type { Quantity } from './find-quantities.js';
import type { Scope } from './scope.js';

export interface StatementCondition {
  /** The normalized condition text (clauses, situational label, section's "适用情况"). */
  text: string;
  /**
   * Its content words, canonical, with whether each is a verb (an event the user must have mentioned) and its group:
   * words joined by 或/、 ("损坏或者遗失") form one group, met when any of them is. `scoped`: the group holds a scope term
   * too ("离休、退休的": 退休 is a population), so the statement's scope judges it, not the user's words.
   */
  words: Array<{ word: string; verb: boolean; group: number; negated: boolean; scoped?: boolean }>;
  quantities: Quantity[];
}

export interface Statement {
  /** `${chunkId}:${offset}`. */
  key: string;
  sourceId: string;
  chunkId: string;
  /** Offset of the sentence in the source body. */
  offset: number;
  /** The verbatim sentence. */
  text: string;
  normalized: string;
  /** The line's label ("转出地处理"), normalized, or null. */
  label: string | null;
  /** Section headings from the outermost, normalized. */
  path: string[];
  /** Index of the innermost section in the document's sections, or null before the first heading. */
  section: number | null;
  analysis: SentenceAnalysis;
  /** Content words of each clause, canonical (synonyms folded), in clause order. */
  clauseTokens: string[][];
  scope: Scope;
  condition: StatementCondition | null;
  /** The sentence tells an example or an anecdote ("例如…", "张先生…"). */
  example: boolean;
}
