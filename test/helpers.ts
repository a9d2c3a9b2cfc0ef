// Shared test helpers: rule sets and freshly built indexes in temporary directories.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestCorpus } from '../src/index/ingest-corpus.js';
import { loadIndex, type LoadedIndex } from '../src/index/load-index.js';
import { compileRules, type RuleSet } from '../src/rules/compile-rules.js';
import { readRuleTexts } from '../src/rules/read-rule-texts.js';

export const bundledCorpus = 'corpus';
export const libraryCorpus = 'test/fixtures/library';

export function temporaryDirectory(prefix = 'kbqa-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function rulesOf(corpusDirectory: string): RuleSet {
  return compileRules(readRuleTexts({ corpusDirectory }));
}

/** A copy of a corpus in a temporary directory, safe to modify. */
export function copyCorpus(corpusDirectory: string): string {
  const target = join(temporaryDirectory('kbqa-corpus-'), 'corpus');
  cpSync(corpusDirectory, target, { recursive: true });
  return target;
}

/** Ingests `corpusDirectory` into a new temporary index and loads it. */
export async function buildIndex(corpusDirectory: string): Promise<{ index: LoadedIndex; indexDirectory: string }> {
  const indexDirectory = temporaryDirectory('kbqa-index-');
  await ingestCorpus({ corpusDirectory, indexDirectory });
  return { index: loadIndex({ indexDirectory, embedderSettings: {} }), indexDirectory };
}
