// What a question asks, about what, and in which situation.
import type { Quantity } from '../reconcile/find-quantities.js';
import type { Scope } from '../reconcile/scope.js';
import type { AnswerType } from '../rules/language-schema.js';

export interface FocusWord {
  /** The word as segmented (normalized). */
  word: string;
  /** The word and its synonyms and categories, any of which counts as the word. */
  alternatives: string[];
  weight: number;
  /** A verb or an outcome word: what a yes/no question is about, rather than whom. */
  verb: boolean;
  /** A noun: what is asked about (a thing, a person, a document). */
  noun: boolean;
  /** Said in the clause that asks (not in the situation around it, nor carried from an earlier turn). */
  asked: boolean;
  /** For a noun in a modifier before 的 ("户口所在区的派出所"): the noun it narrows. */
  modifies?: string;
  /** Named before the modal of a yes/no question ("签注能不能在网上办": 签注): what the question asks something of. */
  topic?: boolean;
}

export interface QuestionPart {
  /** The normalized text of the part. */
  text: string;
  /** The clause that asks ("个人账户的钱会不会被清零"). */
  asked: string;
  /** Words the part states as given around the asking clause ("转出地把个人账户清零了"). */
  given: string[];
  type: AnswerType;
  /** The words that answer a yes/no question ("会"/"不会"), when the part is one. */
  yesNo: { yes: string; no: string } | null;
  /** The unit a number question asks in ("个工作日", "年", "元"), or null. */
  unit: { unit: string; dimension: string } | null;
  /** Quantities the asking clause names ("等半年"): a statement naming the same one is about the same thing. */
  quantities: Quantity[];
  /** Whether the part also asks for the date of a figure ("是截至什么时候的数据"). */
  asksAsOf: boolean;
  /** A time point a yes/no question checks ("补上后当月能报销吗"), or null. */
  checkedPoint: string | null;
  /** The checked figure is said not to be needed ("不用等半年"): a statement requiring it says no. */
  waived: boolean;
  focus: FocusWord[];
  /** Words of the asking clause that are not question words: what the yes/no is about. */
  predicate: FocusWord[];
  /** The question asks about the negation ("会不会不随证迁移"): its yes/no words answer the opposite way. */
  negated: boolean;
  /** The things a question of difference compares ("居住登记", "居住证"), in the question's order; else empty. */
  compared: string[];
}

export interface Situation {
  scope: Scope & { foreign: boolean };
  /** Canonical content words of the whole message (and of the session's earlier turns), for conditions. */
  words: string[];
  /** Quantities the user states ("断了五个月", "过期三个多月"). */
  quantities: Quantity[];
}

export type Refusal = 'act' | 'role' | 'reveal' | 'entertain';

export interface QuestionAnalysis {
  message: string;
  normalized: string;
  parts: QuestionPart[];
  situation: Situation;
  /** A request the assistant refuses, or null. */
  refusal: Refusal | null;
  /** Words of the asking clauses that the corpus never uses (a question about something it does not cover). */
  unknownWords: string[];
  followUp: boolean;
  treatment: boolean;
}
