// Turns the raw texts of the rule files into a validated, compiled rule set (pure).
import { createHash } from 'node:crypto';
import { load as loadYaml } from 'js-yaml';
import type { z } from 'zod';
import { InvalidRulesError } from '../errors/app-error.js';
import { defaultStopwords } from './defaults/default-stopwords.js';
import { mergeLanguage, type Language } from './compile-language.js';
import { defaultCleaning } from './defaults/default-cleaning.js';
import { defaultScope } from './defaults/default-scope.js';
import { defaultSynonyms } from './defaults/default-synonyms.js';
import { languageSchema } from './language-schema.js';
import {
  cleaningFileSchema,
  domainFileSchema,
  scopeFileSchema,
  synonymsFileSchema,
  variantsFileSchema,
  type DomainRules,
  type ScopeRules,
} from './rule-schema.js';

import { ruleFileNames, type RuleFileName, type RuleTexts } from './rule-file-names.js';

export { ruleFileNames, type RuleFileName, type RuleTexts };
const requiredFiles: RuleFileName[] = ['domain.yaml'];

export interface CompiledCleaning {
  relatedMarkers: RegExp;
  teaserFooter: RegExp;
  linkListStamp: RegExp;
  navigation: RegExp;
  boilerplate: RegExp[];
  announcements: RegExp[];
  publisherLine: RegExp;
  publisherStatement: RegExp;
  dates: RegExp[];
  titleDateSuffix: RegExp;
}

/** The validated rule files merged onto the engine's defaults (words not yet normalized: see `compileLanguage`). */
export interface RuleSet {
  texts: RuleTexts;
  /** Default synonym groups followed by the corpus's own. */
  synonyms: string[][];
  /** [variant, canonical], longest variant first. */
  variants: Array<[string, string]>;
  scope: ScopeRules;
  language: ReturnType<typeof mergeLanguage>;
  cleaning: CompiledCleaning;
  domain: DomainRules;
  userDictionary: string[];
  /** Words the text pipeline keeps whole: synonyms, outcome and category words, the user dictionary. */
  vocabulary: string[];
  stopwords: Set<string>;
  fingerprints: { text: string; cleaning: string; all: string };
}

export type { Language };

function parseYaml<T>(file: RuleFileName, text: string | undefined, schema: z.ZodType<T>, fallback: unknown): T {
  let raw: unknown = fallback;
  if (text !== undefined) {
    try {
      raw = loadYaml(text) ?? fallback;
    } catch (error) {
      throw new InvalidRulesError(file, (error as Error).message.split('\n')[0]);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new InvalidRulesError(file, problems);
  }
  return parsed.data;
}

function compilePattern(file: RuleFileName, source: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new InvalidRulesError(file, `bad pattern ${JSON.stringify(source)}: ${(error as Error).message}`);
  }
}

function wordList(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

function hashOf(...parts: Array<string | undefined>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part ?? '\u0000').update('\u0001');
  return hash.digest('hex').slice(0, 16);
}

function mergeScope(corpus: ScopeRules | null): ScopeRules {
  const base = scopeFileSchema.parse(defaultScope);
  if (!corpus) return base;
  const relations = { ...base.relations };
  for (const [relation, words] of Object.entries(corpus.relations)) relations[relation as keyof typeof relations] = [...(relations[relation as keyof typeof relations] ?? []), ...(words ?? [])];
  return {
    relations,
    complements: [...base.complements, ...corpus.complements],
    otherProvince: [...base.otherProvince, ...corpus.otherProvince],
    homeProvince: [...base.homeProvince, ...corpus.homeProvince],
    localChanges: [...base.localChanges, ...corpus.localChanges],
    changeVerbs: [...base.changeVerbs, ...corpus.changeVerbs],
    dimensions: { ...base.dimensions, ...corpus.dimensions },
    enumerationSeparators: corpus.enumerationSeparators,
  };
}

/**
 * Validates the rule files and merges them onto the engine's defaults; throws InvalidRulesError naming the file and
 * the problem. Only domain.yaml is required: language, synonyms, scope words and cleaning patterns have defaults.
 */
export function compileRules(texts: RuleTexts): RuleSet {
  for (const file of requiredFiles) {
    if (texts[file] === undefined) throw new InvalidRulesError(file, 'the file is missing (every corpus needs rules/domain.yaml)');
  }
  const synonyms = [...defaultSynonyms, ...parseYaml('synonyms.yaml', texts['synonyms.yaml'], synonymsFileSchema, { groups: [] }).groups];
  const variantMap = parseYaml('variants.yaml', texts['variants.yaml'], variantsFileSchema, {});
  const variants = Object.entries(variantMap).sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const scope = mergeScope(texts['scope.yaml'] === undefined ? null : parseYaml('scope.yaml', texts['scope.yaml'], scopeFileSchema, {}));
  const language = mergeLanguage(texts['language.yaml'] === undefined ? null : parseYaml('language.yaml', texts['language.yaml'], languageSchema.partial(), {}));
  const cleaningRaw = { ...defaultCleaning, ...parseYaml('cleaning.yaml', texts['cleaning.yaml'], cleaningFileSchema.partial(), {}) };
  const cleaning: CompiledCleaning = {
    relatedMarkers: compilePattern('cleaning.yaml', cleaningRaw.relatedMarkers),
    teaserFooter: compilePattern('cleaning.yaml', cleaningRaw.teaserFooter),
    linkListStamp: compilePattern('cleaning.yaml', cleaningRaw.linkListStamp, 'g'),
    navigation: compilePattern('cleaning.yaml', cleaningRaw.navigation),
    boilerplate: cleaningRaw.boilerplate.map((pattern) => compilePattern('cleaning.yaml', pattern)),
    announcements: cleaningRaw.announcements.map((pattern) => compilePattern('cleaning.yaml', pattern)),
    publisherLine: compilePattern('cleaning.yaml', cleaningRaw.publisherLine),
    publisherStatement: compilePattern('cleaning.yaml', cleaningRaw.publisherStatement),
    dates: cleaningRaw.dates.map((pattern) => compilePattern('cleaning.yaml', pattern)),
    titleDateSuffix: compilePattern('cleaning.yaml', cleaningRaw.titleDateSuffix),
  };
  const domain = parseYaml('domain.yaml', texts['domain.yaml'], domainFileSchema, {});
  const userDictionary = wordList(texts['userdict.txt']).map((line) => line.split(/\s+/)[0]);
  // Words the rules name are kept whole when the segmenter splits them ("转过去", "统筹基金").
  const vocabulary = [...new Set([...synonyms.flat(), ...language.outcomes.loss, ...language.outcomes.keep, ...language.outcomes.moved, ...userDictionary, ...Object.keys(language.categories), ...scope.changeVerbs, ...scope.localChanges])].filter(
    (word) => word.length >= 2 && word.length <= 6 && !/[\s\p{P}]/u.test(word),
  );
  const stopwords = new Set([...defaultStopwords, ...wordList(texts['stopwords.txt']).flatMap((line) => line.split(/\s+/))]);
  return {
    texts,
    synonyms,
    variants,
    scope,
    language,
    cleaning,
    domain,
    userDictionary,
    vocabulary,
    stopwords,
    fingerprints: {
      // Everything tokens depend on (the vocabulary comes from several files): a change re-reads every file.
      text: hashOf(JSON.stringify(variants), JSON.stringify(userDictionary), JSON.stringify([...stopwords]), JSON.stringify(vocabulary)),
      cleaning: hashOf(texts['cleaning.yaml']),
      all: hashOf(...ruleFileNames.map((name) => texts[name])),
    },
  };
}
