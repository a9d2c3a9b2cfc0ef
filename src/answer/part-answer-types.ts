// What the answer to one question part says, before it is written out.
import type { QuestionPart } from '../question/question-types.js';
import type { Resolution } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';

export interface PartAnswer {
  part: QuestionPart;
  /**
   * yesno: a yes/no word and a statement; value: a number with its unit; section: a section's items; statement: one
   * statement; comparison: one statement for each thing a question of difference compares (`compared`).
   */
  kind: 'yesno' | 'value' | 'section' | 'statement' | 'comparison';
  /** For a comparison, the thing each lead statement is about, in the same order. */
  compared?: string[];
  /** The yes/no word ("不会"), or null. */
  word: string | null;
  /** The value as the source writes it ("不超过15个工作日"), with its as-of date when asked or given. */
  value: string | null;
  /** The statements of the first paragraph, in order. */
  lead: Statement[];
  /** What the lead statement is limited to when the user did not say it ("广东"), shown before it. */
  leadQualifiers?: string[];
  /** Other sources saying the same as each lead statement (cited beside it). */
  support: Map<string, Statement[]>;
  /** The heading a section answer lists ("转移条件"), or the lead-in a yes/no answer's list item continues, or null. */
  heading: string | null;
  points: Statement[];
  /** Statements limited to a situation the user did not mention, with what they are limited to. */
  exceptions: Array<{ statement: Statement; qualifiers: string[] }>;
  resolution: Resolution | null;
  /** What the comparable statements are about, for the conflict entry ("整体流程"). */
  topic: string;
}
