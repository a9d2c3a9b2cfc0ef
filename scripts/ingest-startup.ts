// Used by bench:ingest: the fixed cost of a fresh ingest process that has work to do, namely its modules (the heavy
// half included) and the tokenizer's dictionary with the corpus's user dictionary. It loads them and exits.
import { readRuleTexts } from '../src/rules/read-rule-texts.js';

const corpusDirectory = process.argv[2] ?? 'corpus';
await import('../src/index/ingest-corpus.js');
await import('../src/index/build-version.js');
const { compileRules } = await import('../src/rules/compile-rules.js');
const { createTextPipeline } = await import('../src/text/create-text-pipeline.js');
const { createReadingContext } = await import('../src/reconcile/create-statement-context.js');
const rules = compileRules(readRuleTexts({ corpusDirectory }));
const text = createTextPipeline({ rules });
createReadingContext({ rules, text });
