// zod schema of the engine's language knowledge: question words, negation, modality, units, scope words.
// Defaults ship with the engine (src/rules/defaults/); a corpus's rules/language.yaml adds to them.
import { z } from 'zod';

const words = z.array(z.string().min(1));

/** The kinds of answer a question can ask for. */
export const answerTypes = ['yesno', 'duration', 'number', 'when', 'list', 'conditions', 'materials', 'steps', 'channel', 'who', 'definition', 'difference', 'explain'] as const;
export type AnswerType = (typeof answerTypes)[number];

export const languageSchema = z.object({
  /** Cue words for each answer type, matched as substrings of the normalized question. */
  answerTypeCues: z.partialRecord(z.enum(answerTypes), words).default({}),
  /** Yes/no constructions (regular expressions) and the words that answer them. */
  yesNo: z.array(z.object({ pattern: z.string(), yes: z.string(), no: z.string() })).default([]),
  /** Words that only ask (removed from the focus). */
  questionWords: words.default([]),
  /** Negation cues; a cue negates the predicates after it in its clause. */
  negation: words.default([]),
  /** Cues that cancel a following negation ("不影响" keeps what follows). */
  negationBreakers: words.default([]),
  /** Permission/possibility and necessity cues (a claim's modality). */
  modality: z.object({ possible: words.default([]), necessary: words.default([]), unnecessary: words.default([]) }).default({ possible: [], necessary: [], unnecessary: [] }),
  /** Hedges: "default" statements hold as a rule (一般, 原则上); "partial" ones only somewhere (部分地区). */
  hedges: z.object({ default: words.default([]), partial: words.default([]) }).default({ default: [], partial: [] }),
  /** Condition markers: openers (若…) and clause endings (…的, …时) that make a clause a condition. */
  conditions: z
    .object({ openers: words.default([]), closers: words.default([]), consequence: words.default([]), disjunction: words.default([]), sequence: words.default([]) })
    .default({ openers: [], closers: [], consequence: [], disjunction: [], sequence: [] }),
  /** Change statements: "由X<verb><target>Y" makes Y current and X former. */
  change: z.object({ verbs: words.default([]), targets: words.default([]), from: words.default([]) }).default({ verbs: [], targets: [], from: [] }),
  /** As-of markers ("截至"). */
  asOf: words.default([]),
  /** Comparators around a quantity. */
  comparators: z
    .object({ atMost: words.default([]), atLeast: words.default([]), approximately: words.default([]), rangeJoiners: words.default([]), trailing: words.default([]) })
    .default({ atMost: [], atLeast: [], approximately: [], rangeJoiners: [], trailing: [] }),
  /** Units: canonical unit → its spellings, with the dimension it measures and its size in the dimension's base. */
  units: z
    .array(z.object({ unit: z.string(), spellings: words, dimension: z.string(), size: z.number().positive().default(1) }))
    .default([]),
  /** Relative time points ("次月", "当月") a "when" question can be answered with. */
  timePoints: words.default([]),
  /**
   * Outcome words: what a question about loss or keeping is answered by. `moved` words keep by moving the thing
   * elsewhere ("划转至"): they answer "会丢吗" but a question about moving is not a question about an outcome.
   */
  outcomes: z.object({ loss: words.default([]), keep: words.default([]), moved: words.default([]) }).default({ loss: [], keep: [], moved: [] }),
  /** Generic words that name a member of a category ("姥姥" → 外祖父母): member → categories. */
  categories: z.record(z.string(), words).default({}),
  /** Requests the assistant refuses: to act on an account, to play a role, to reveal its instructions, to entertain. */
  refusals: z
    .object({ act: z.array(z.string()).default([]), role: z.array(z.string()).default([]), reveal: z.array(z.string()).default([]), entertain: z.array(z.string()).default([]) })
    .default({ act: [], role: [], reveal: [], entertain: [] }),
  /** Section headings and sentence openings that introduce an example or an anecdote. */
  examples: words.default([]),
  /** Pronouns of a person telling their own story ("我…等了将近30个工作日"): a clause opening with one is an anecdote. */
  personalPronouns: words.default([]),
  /** First-person words that speak for an institution ("我省", "我局"), not for a person telling a story. */
  institutionalPronouns: words.default([]),
  /** Words that pass on what someone said ("他说", "听说"): a clause opening with one is hearsay, not a statement. */
  hearsay: words.default([]),
  /** Title suffixes of a person in an anecdote ("张先生…"). */
  personSuffixes: words.default([]),
  /** Verbs too general to tell one situation from another ("办理", "申请"): a condition may leave them unsaid. */
  lightVerbs: words.default([]),
  /** Labels whose item says to whom a section applies ("适用情况：…"): the section holds only under it. */
  applicabilityLabels: words.default([]),
  /** Places outside the gazetteer's country: a question about them is about a place no claim covers. */
  foreignPlaces: words.default([]),
  /** Openings and endings that mark a message as continuing the previous one ("那…", "具体…", "…呢"). */
  followUpStarts: words.default([]),
  followUpEnds: words.default([]),
  /** Words that frame when a rule takes effect ("新规实施后"): such a clause dates a rule, it is not a user's condition. */
  effectiveCues: words.default([]),
  /** Verbs that take an amount ("要45个工作日", "得等一个半月"): a yes/no question about one checks a figure. */
  costVerbs: words.default([]),
  /** Complements a verb may carry ("寄到", "改过来"): the verb is known by its stem without them. */
  verbComplements: words.default([]),
  /** Words of how much of something ("全部", "部分"): they measure a thing, they name none. */
  amountWords: words.default([]),
  /** Interrogatives of kind ("什么" of "按什么标准"): the noun after one names the sort of answer wanted. */
  kindInterrogatives: words.default([]),
  /** One-character adverbs the segmenter may glue to the verb after them ("只交", "都交", "再交"). */
  gluedAdverbs: words.default([]),
  /** Words that say who acts ("由监护人代为申领", "单位负责"): a statement with one answers a who-question. */
  agentMarkers: words.default([]),
  /** Words of acting oneself ("自己", "本人"): a statement saying someone else acts for the user ("由监护人代为申领")
   * answers no to whether they may act themselves. */
  reflexives: words.default([]),
  /** Words of not wanting ("不想跑窗口"): a clause saying so tells what the user avoids, not what they ask about. */
  unwanted: words.default([]),
  /** Aspect particles after a verb ("做好了", "办过"): the event is told as done or under way, a step of the story. */
  aspectMarkers: words.default([]),
  /** Endings of a district's name ("高新区", "开发区"): a word ending so is a place, not a topic. */
  districtSuffixes: words.default([]),
  /** Words joining the items of a coordination ("及", "和"): a noun next to one is mentioned, not stated about. */
  coordinators: words.default([]),
  /** Prefixes that refer back to a noun already named ("原账户" for the 个人账户 of the page). */
  anaphora: words.default([]),
  /** Words before a unit that make a figure a rate per unit ("每满1年积2分", "每天0.1元"). */
  perUnit: words.default([]),
  /** Words that make something move along with another ("随医保关系转移"): with a moving verb, they tell its fate. */
  alongWith: words.default([]),
  /** Words that claim something holds always ("随时", "一律"), and openers that do so with a closer after them
   * ("啥时候…都能"): one statement denying it under any condition answers no. */
  universal: z.object({ words: words.default([]), openers: words.default([]), closers: words.default([]) }).default({ words: [], openers: [], closers: [] }),
  /** Prefixes writing a share as a fraction, with the whole they divide ("千分之五": 1000): read as percentages. */
  fractions: z.array(z.object({ prefix: z.string().min(1), per: z.number().positive() })).default([]),
  /** The interrogative morphemes inside an answer-type cue ("什么" of "什么手续"): they ask; the rest of the cue names
   * what is asked about. */
  interrogatives: words.default([]),
  /** Colloquial spellings of question words and the standard ones they stand for ("啥" → "什么", "咋" → "怎么"): every
   * cue, question word and opener written with the standard one is also read with the colloquial one. */
  colloquialForms: z.record(z.string(), z.string()).default({}),
  /** Directional complements and the morpheme a written verb takes for them ("转|进来" is written 转入): a verb the
   * corpus writes so is read that way. */
  directions: z.record(z.string(), z.string()).default({}),
  /** Words naming a time back from now and how long ago it is ("上个月" → "1个月"): a user who did something then has
   * been at it that long ("上个月刚离职"). Not when a date follows ("去年12月"). */
  elapsed: z.record(z.string(), z.string()).default({}),
  /** Words naming a time ahead of now or now itself ("明年", "下个月"): when, never what is asked about. */
  ahead: words.default([]),
  /** Words of a line that introduces what follows ("具体分为以下情况:"): such a line ending in a colon states nothing. */
  listLeadIns: words.default([]),
  /** Words saying a condition is met by any one of the things it lists ("三者之一", "任一"). */
  alternativeMarkers: words.default([]),
  /** One-character verbs of paying ("交", "付") that take an amount after a verb that introduces one ("要交100块"). */
  payVerbs: words.default([]),
  /** Modals that, right after a question word, ask whether something is required ("是不是得先取出来"). */
  necessityAfterQuestion: words.default([]),
  /** Modals the segmenter may glue onto the verb after them ("能报", "要办"): the verb is the word. */
  gluedModals: words.default([]),
  /** Words naming a share ("比例", "百分之几"): a figure asked about one is a percentage. */
  shareWords: words.default([]),
  /** Words that ask for an amount of money itself ("多少钱"), not for a fee that may be a share. */
  moneyQuestions: words.default([]),
  /** Words that join the things a question compares ("居住登记跟居住证有什么区别"). */
  comparisonJoiners: words.default([]),
  /** Words for moving elsewhere ("迁居", "调动"): a condition requiring one is met by a user who describes a move. */
  moveWords: words.default([]),
  /** Verbs of moving between places ("调到", "搬到"): the place after one is the destination. */
  movementVerbs: words.default([]),
  /** Heading words that announce a list of conditions, materials, steps or channels. */
  sectionKinds: z.partialRecord(z.enum(answerTypes), words).default({}),
  /** Field names whose corpus value replaces the default instead of adding to it. */
  replace: z.array(z.string()).default([]),
});
export type LanguageData = z.infer<typeof languageSchema>;
