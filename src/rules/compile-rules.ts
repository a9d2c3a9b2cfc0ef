// Turns the raw texts of the rule files into a validated, compiled rule set (pure).
import { createHash } from 'node:crypto';
import { load as loadYaml } from 'js-yaml';
import type { z } from 'zod';
import { InvalidRulesError } from '../errors/app-error.js';
import {
  cleaningFileSchema,
  domainFileSchema,
  scopeFileSchema,
  synonymsFileSchema,
  topicsFileSchema,
  variantsFileSchema,
  type CleaningRules,
  type DomainRules,
  type ScopeRules,
  type Topic,
} from './rule-schema.js';

/** The rule files, by name, as raw text (missing optional files are absent). */
export type RuleTexts = Partial<Record<RuleFileName, string>>;
export const ruleFileNames = ['topics.yaml', 'synonyms.yaml', 'variants.yaml', 'scope.yaml', 'cleaning.yaml', 'domain.yaml', 'userdict.txt', 'stopwords.txt'] as const;
export type RuleFileName = (typeof ruleFileNames)[number];
const requiredFiles: RuleFileName[] = ['topics.yaml', 'domain.yaml'];

export interface CompiledValueRule {
  pattern: RegExp;
  value?: boolean | string;
}

export interface CompiledTopic extends Omit<Topic, 'values' | 'implicit'> {
  values: CompiledValueRule[];
  implicit: CompiledValueRule[];
  askNotPatterns: RegExp[];
}

export interface CompiledCleaning {
  relatedMarkers: RegExp;
  teaserFooter: RegExp;
  linkListStamp: RegExp;
  navigation: RegExp;
  boilerplate: RegExp[];
  publisherLine: RegExp;
  publisherStatement: RegExp;
  dates: RegExp[];
  titleDateSuffix: RegExp;
}

export interface RuleSet {
  texts: RuleTexts;
  topics: CompiledTopic[];
  synonyms: string[][];
  /** [variant, canonical], longest variant first. */
  variants: Array<[string, string]>;
  scope: ScopeRules;
  cleaning: CompiledCleaning;
  domain: DomainRules;
  userDictionary: string[];
  stopwords: Set<string>;
  fingerprints: { text: string; cleaning: string; all: string };
}

const neverMatches = '(?!)';
const defaultCleaning: CleaningRules = {
  relatedMarkers: neverMatches,
  teaserFooter: neverMatches,
  linkListStamp: neverMatches,
  navigation: neverMatches,
  boilerplate: [],
  publisherLine: neverMatches,
  publisherStatement: neverMatches,
  dates: ['(\\d{4})-(\\d{1,2})-(\\d{1,2})'],
  titleDateSuffix: neverMatches,
};

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

/** Validates and compiles rule file texts; throws InvalidRulesError naming the file and the problem. */
export function compileRules(texts: RuleTexts): RuleSet {
  for (const file of requiredFiles) {
    if (texts[file] === undefined) throw new InvalidRulesError(file, 'the file is missing (every corpus needs rules/topics.yaml and rules/domain.yaml)');
  }
  const topicsFile = parseYaml('topics.yaml', texts['topics.yaml'], topicsFileSchema, { topics: [] });
  const seen = new Set<string>();
  const topics = topicsFile.topics.map((topic): CompiledTopic => {
    if (seen.has(topic.id)) throw new InvalidRulesError('topics.yaml', `topic id ${topic.id} appears twice`);
    seen.add(topic.id);
    if (topic.kind !== 'list' && topic.values.length === 0) throw new InvalidRulesError('topics.yaml', `topic ${topic.id} has no values`);
    if (topic.kind === 'list' && topic.items.length === 0) throw new InvalidRulesError('topics.yaml', `list topic ${topic.id} has no items`);
    if (topic.kind === 'polarity' && topic.values.some((rule) => typeof rule.value !== 'boolean')) {
      throw new InvalidRulesError('topics.yaml', `polarity topic ${topic.id} needs value: true or false on every pattern`);
    }
    // Patterns see NFKC-normalized text, so they are normalized the same way (，→, ；→;).
    const compile = (rule: { pattern: string; value?: boolean | string }) => ({ pattern: compilePattern('topics.yaml', rule.pattern.normalize('NFKC')), value: rule.value });
    return {
      ...topic,
      values: topic.values.map(compile),
      implicit: topic.implicit.map(compile),
      askNotPatterns: (topic.ask?.notPatterns ?? []).map((pattern) => compilePattern('topics.yaml', pattern.normalize('NFKC'))),
    };
  });
  const synonyms = parseYaml('synonyms.yaml', texts['synonyms.yaml'], synonymsFileSchema, { groups: [] }).groups;
  const variantMap = parseYaml('variants.yaml', texts['variants.yaml'], variantsFileSchema, {});
  const variants = Object.entries(variantMap).sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const scope = parseYaml('scope.yaml', texts['scope.yaml'], scopeFileSchema, { dimensions: {} });
  const cleaningRaw = parseYaml('cleaning.yaml', texts['cleaning.yaml'], cleaningFileSchema, defaultCleaning);
  const cleaning: CompiledCleaning = {
    relatedMarkers: compilePattern('cleaning.yaml', cleaningRaw.relatedMarkers),
    teaserFooter: compilePattern('cleaning.yaml', cleaningRaw.teaserFooter),
    linkListStamp: compilePattern('cleaning.yaml', cleaningRaw.linkListStamp, 'g'),
    navigation: compilePattern('cleaning.yaml', cleaningRaw.navigation),
    boilerplate: cleaningRaw.boilerplate.map((pattern) => compilePattern('cleaning.yaml', pattern)),
    publisherLine: compilePattern('cleaning.yaml', cleaningRaw.publisherLine),
    publisherStatement: compilePattern('cleaning.yaml', cleaningRaw.publisherStatement),
    dates: cleaningRaw.dates.map((pattern) => compilePattern('cleaning.yaml', pattern)),
    titleDateSuffix: compilePattern('cleaning.yaml', cleaningRaw.titleDateSuffix),
  };
  const domain = parseYaml('domain.yaml', texts['domain.yaml'], domainFileSchema, {});
  const userDictionary = wordList(texts['userdict.txt']).map((line) => line.split(/\s+/)[0]);
  const stopwords = new Set(wordList(texts['stopwords.txt']).flatMap((line) => line.split(/\s+/)));
  return {
    texts,
    topics,
    synonyms,
    variants,
    scope,
    cleaning,
    domain,
    userDictionary,
    stopwords,
    fingerprints: {
      text: hashOf(texts['userdict.txt'], texts['variants.yaml'], texts['stopwords.txt']),
      cleaning: hashOf(texts['cleaning.yaml']),
      all: hashOf(...ruleFileNames.map((name) => texts[name])),
    },
  };
}
