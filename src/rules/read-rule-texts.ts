// Reads the rule files of a corpus from <corpus>/rules/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleFileNames, type RuleTexts } from './rule-file-names.js';

/** The raw texts of the rule files present in `<corpusDirectory>/rules`. */
export function readRuleTexts({ corpusDirectory }: { corpusDirectory: string }): RuleTexts {
  const texts: RuleTexts = {};
  for (const name of ruleFileNames) {
    const path = join(corpusDirectory, 'rules', name);
    if (existsSync(path)) texts[name] = readFileSync(path, 'utf8');
  }
  return texts;
}
