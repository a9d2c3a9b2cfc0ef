// Merges the default language data with a corpus's additions and normalizes every word once (pure).
import { InvalidRulesError } from '../errors/app-error.js';
import type { Normalize } from '../text/normalize-text.js';
import { defaultLanguage } from './defaults/default-language.js';
import { answerTypes, type AnswerType, type LanguageData } from './language-schema.js';

export interface UnitSpelling {
  unit: string;
  spelling: string;
  dimension: string;
  size: number;
}

/** Language data ready for matching: normalized, longest first, patterns compiled. */
export interface Language {
  answerTypeCues: Array<{ type: AnswerType; cue: string }>;
  yesNo: Array<{ pattern: RegExp; yes: string; no: string }>;
  questionWords: string[];
  fractions: Array<{ prefix: string; per: number }>;
  /** Directional complement → the morpheme a written verb takes for it (进来 → 入). */
  directions: Map<string, string>;
  /** A word of a time back from now → how long ago it is, as a quantity's text (上个月 → 1个月). */
  elapsed: Map<string, string>;
  ahead: string[];
  necessityAfterQuestion: string[];
  listLeadIns: string[];
  payVerbs: string[];
  alternativeMarkers: string[];
  /** Interrogative morphemes, longest first. */
  interrogatives: string[];
  negation: string[];
  negationBreakers: string[];
  possible: string[];
  necessary: string[];
  unnecessary: string[];
  hedgeDefault: string[];
  hedgePartial: string[];
  conditionOpeners: string[];
  conditionClosers: string[];
  /** Closers that place a clause in time ("转入地受理后"): an anchor of the sequence, not a case that narrows. */
  sequenceClosers: string[];
  consequence: string[];
  disjunction: string[];
  changeVerbs: string[];
  changeTargets: string[];
  changeFrom: string[];
  asOf: string[];
  atMost: string[];
  atLeast: string[];
  approximately: string[];
  rangeJoiners: string[];
  /** Comparators that compare only after a number ("500元起", "30日内"): before one they belong to other words ("之日起30日内"). */
  trailingComparators: string[];
  units: UnitSpelling[];
  timePoints: string[];
  loss: string[];
  /** Keep words, moved words included (what a statement keeps). */
  keep: string[];
  /** Keep words that keep by moving ("划转至"). */
  moved: string[];
  /** member → categories ("姥姥" → ["外祖父母", "家人"]). */
  categories: Map<string, string[]>;
  refusals: { act: RegExp[]; role: RegExp[]; reveal: RegExp[]; entertain: string[] };
  examples: string[];
  personSuffixes: string[];
  lightVerbs: string[];
  applicabilityLabels: string[];
  foreignPlaces: string[];
  movementVerbs: string[];
  moveWords: string[];
  costVerbs: string[];
  followUpStarts: string[];
  followUpEnds: string[];
  effectiveCues: string[];
  comparisonJoiners: string[];
  verbComplements: string[];
  aspectMarkers: string[];
  agentMarkers: string[];
  reflexives: string[];
  unwanted: string[];
  gluedAdverbs: string[];
  kindInterrogatives: string[];
  amountWords: string[];
  districtSuffixes: string[];
  coordinators: string[];
  anaphora: string[];
  perUnit: string[];
  alongWith: string[];
  moneyQuestions: string[];
  shareWords: string[];
  universalWords: string[];
  universalOpeners: string[];
  universalClosers: string[];
  gluedModals: string[];
  personalPronouns: string[];
  institutionalPronouns: string[];
  hearsay: string[];
  sectionKinds: Array<{ type: AnswerType; word: string }>;
}

const byLengthDescending = (left: string, right: string) => right.length - left.length || left.localeCompare(right);

function mergeLists(field: string, base: string[], added: string[] | undefined, replace: Set<string>): string[] {
  if (!added) return base;
  return replace.has(field) ? added : [...new Set([...base, ...added])];
}

/** The default language data with a corpus's language.yaml merged in: lists add to the defaults unless `replace` names them. */
export function mergeLanguage(added: Partial<LanguageData> | null): LanguageData {
  if (!added) return defaultLanguage;
  const replace = new Set(added.replace ?? []);
  const merged: LanguageData = structuredClone(defaultLanguage);
  for (const type of answerTypes) {
    merged.answerTypeCues[type] = mergeLists(`answerTypeCues.${type}`, defaultLanguage.answerTypeCues[type] ?? [], added.answerTypeCues?.[type], replace);
    merged.sectionKinds[type] = mergeLists(`sectionKinds.${type}`, defaultLanguage.sectionKinds[type] ?? [], added.sectionKinds?.[type], replace);
  }
  if (added.yesNo) merged.yesNo = replace.has('yesNo') ? added.yesNo : [...added.yesNo, ...defaultLanguage.yesNo];
  for (const field of ['questionWords', 'negation', 'negationBreakers', 'asOf', 'timePoints', 'examples', 'personSuffixes', 'lightVerbs', 'applicabilityLabels', 'foreignPlaces', 'movementVerbs', 'moveWords', 'costVerbs', 'followUpStarts', 'followUpEnds', 'effectiveCues', 'comparisonJoiners', 'verbComplements', 'aspectMarkers', 'agentMarkers', 'ahead', 'reflexives', 'unwanted', 'gluedAdverbs', 'kindInterrogatives', 'amountWords', 'districtSuffixes', 'coordinators', 'anaphora', 'perUnit', 'alongWith', 'moneyQuestions', 'shareWords', 'gluedModals', 'personalPronouns', 'institutionalPronouns', 'hearsay', 'interrogatives', 'necessityAfterQuestion', 'listLeadIns', 'payVerbs', 'alternativeMarkers'] as const) {
    merged[field] = mergeLists(field, defaultLanguage[field], added[field], replace);
  }
  for (const [group, fields] of [
    ['modality', ['possible', 'necessary', 'unnecessary']],
    ['hedges', ['default', 'partial']],
    ['conditions', ['openers', 'closers', 'consequence', 'disjunction', 'sequence']],
    ['change', ['verbs', 'targets', 'from']],
    ['comparators', ['atMost', 'atLeast', 'approximately', 'rangeJoiners', 'trailing']],
    ['outcomes', ['loss', 'keep', 'moved']],
    ['refusals', ['act', 'role', 'reveal', 'entertain']],
    ['universal', ['words', 'openers', 'closers']],
  ] as const) {
    const target = merged[group] as Record<string, string[]>;
    const source = (added[group] ?? {}) as Record<string, string[] | undefined>;
    const base = defaultLanguage[group] as Record<string, string[]>;
    for (const field of fields) target[field] = mergeLists(`${group}.${field}`, base[field], source[field], replace);
  }
  if (added.units) merged.units = replace.has('units') ? added.units : [...added.units, ...defaultLanguage.units];
  if (added.fractions) merged.fractions = replace.has('fractions') ? added.fractions : [...added.fractions, ...defaultLanguage.fractions];
  if (added.directions) merged.directions = replace.has('directions') ? added.directions : { ...defaultLanguage.directions, ...added.directions };
  if (added.elapsed) merged.elapsed = replace.has('elapsed') ? added.elapsed : { ...defaultLanguage.elapsed, ...added.elapsed };
  if (added.colloquialForms) merged.colloquialForms = replace.has('colloquialForms') ? added.colloquialForms : { ...defaultLanguage.colloquialForms, ...added.colloquialForms };
  if (added.categories) merged.categories = replace.has('categories') ? added.categories : { ...defaultLanguage.categories, ...added.categories };
  return merged;
}

function compile(source: string, field: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (error) {
    throw new InvalidRulesError('language.yaml', `bad pattern in ${field} ${JSON.stringify(source)}: ${(error as Error).message}`);
  }
}

/** Normalizes every word of the language data once, so matching never normalizes rule text again. */
export function compileLanguage({ data, normalize }: { data: LanguageData; normalize: Normalize }): Language {
  const list = (words: string[]) => [...new Set(words.map(normalize).filter(Boolean))].sort(byLengthDescending);
  const colloquial = Object.entries(data.colloquialForms).map(([spoken, standard]) => [normalize(spoken), normalize(standard)] as const);
  // A question word's colloquial spellings ask the same ("什么时候" → "啥时候").
  const spoken = (words: string[]) => [...new Set(words.flatMap((word) => [word, ...colloquial.filter(([, standard]) => word.includes(standard)).map(([form, standard]) => word.replaceAll(standard, form))]))];
  const categories = new Map<string, string[]>();
  for (const [member, names] of Object.entries(data.categories)) categories.set(normalize(member), names.map(normalize));
  return {
    answerTypeCues: answerTypes
      .flatMap((type) => spoken((data.answerTypeCues[type] ?? []).map(normalize)).map((cue) => ({ type, cue })))
      .sort((left, right) => byLengthDescending(left.cue, right.cue)),
    yesNo: data.yesNo.map((entry, position) => ({ pattern: compile(normalize(entry.pattern), `yesNo[${position}]`), yes: entry.yes, no: entry.no })),
    questionWords: list(spoken(data.questionWords)),
    interrogatives: list(spoken(data.interrogatives)),
    necessityAfterQuestion: list(data.necessityAfterQuestion),
    listLeadIns: list(data.listLeadIns),
    payVerbs: list(data.payVerbs),
    alternativeMarkers: list(data.alternativeMarkers),
    directions: new Map(Object.entries(data.directions).map(([complement, morpheme]) => [normalize(complement), normalize(morpheme)])),
    elapsed: new Map(Object.entries(data.elapsed).map(([word, ago]) => [normalize(word), normalize(ago)])),
    fractions: data.fractions.map((entry) => ({ prefix: normalize(entry.prefix), per: entry.per })),
    negation: list(data.negation),
    negationBreakers: list(data.negationBreakers),
    possible: list(data.modality.possible),
    necessary: list(data.modality.necessary),
    unnecessary: list(data.modality.unnecessary),
    hedgeDefault: list(data.hedges.default),
    hedgePartial: list(data.hedges.partial),
    conditionOpeners: list(data.conditions.openers),
    conditionClosers: list(data.conditions.closers),
    sequenceClosers: list(data.conditions.sequence),
    consequence: list(data.conditions.consequence),
    disjunction: list(data.conditions.disjunction),
    changeVerbs: list(data.change.verbs),
    changeTargets: list(data.change.targets),
    changeFrom: list(data.change.from),
    asOf: list(data.asOf),
    atMost: list(data.comparators.atMost),
    atLeast: list(data.comparators.atLeast),
    approximately: list(data.comparators.approximately),
    rangeJoiners: list(data.comparators.rangeJoiners),
    trailingComparators: list(data.comparators.trailing),
    units: data.units
      .flatMap((entry) => entry.spellings.map((spelling) => ({ unit: entry.unit, spelling: normalize(spelling), dimension: entry.dimension, size: entry.size })))
      .sort((left, right) => byLengthDescending(left.spelling, right.spelling)),
    timePoints: list(data.timePoints),
    loss: list(data.outcomes.loss),
    keep: list([...data.outcomes.keep, ...data.outcomes.moved]),
    moved: list(data.outcomes.moved),
    categories,
    refusals: {
      act: data.refusals.act.map((pattern, position) => compile(normalize(pattern), `refusals.act[${position}]`)),
      role: data.refusals.role.map((pattern, position) => compile(normalize(pattern), `refusals.role[${position}]`)),
      reveal: data.refusals.reveal.map((pattern, position) => compile(normalize(pattern), `refusals.reveal[${position}]`)),
      entertain: list(data.refusals.entertain),
    },
    examples: list(data.examples),
    personSuffixes: list(data.personSuffixes),
    lightVerbs: list(data.lightVerbs),
    applicabilityLabels: list(data.applicabilityLabels),
    foreignPlaces: list(data.foreignPlaces),
    movementVerbs: list(data.movementVerbs),
    moveWords: list(data.moveWords),
    costVerbs: list(data.costVerbs),
    followUpStarts: list(data.followUpStarts),
    followUpEnds: list(data.followUpEnds),
    effectiveCues: list(data.effectiveCues),
    comparisonJoiners: list(data.comparisonJoiners),
    verbComplements: list(data.verbComplements),
    aspectMarkers: list(data.aspectMarkers),
    agentMarkers: list(data.agentMarkers),
    reflexives: list(data.reflexives),
    ahead: list(data.ahead),
    unwanted: list(data.unwanted),
    gluedAdverbs: list(data.gluedAdverbs),
    kindInterrogatives: list(spoken(data.kindInterrogatives)),
    amountWords: list(data.amountWords),
    districtSuffixes: list(data.districtSuffixes),
    coordinators: list(data.coordinators),
    anaphora: list(data.anaphora),
    perUnit: list(data.perUnit),
    alongWith: list(data.alongWith),
    moneyQuestions: list(data.moneyQuestions),
    shareWords: list(data.shareWords),
    universalWords: list(data.universal.words),
    universalOpeners: list(spoken(data.universal.openers)),
    universalClosers: list(data.universal.closers),
    gluedModals: list(data.gluedModals),
    personalPronouns: list(data.personalPronouns),
    institutionalPronouns: list(data.institutionalPronouns),
    hearsay: list(data.hearsay),
    sectionKinds: answerTypes.flatMap((type) => (data.sectionKinds[type] ?? []).map((word) => ({ type, word: normalize(word) }))),
  };
}
