// Child process of noop-ingest.test.ts: one ingest in a fresh process, then whether the tokenizer was ever loaded.
import { createRequire } from 'node:module';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';

const [corpusDirectory, indexDirectory] = process.argv.slice(2);
const summary = await ingestCorpus({ corpusDirectory, indexDirectory });
const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/nodejieba/'));
process.stdout.write(JSON.stringify({ upToDate: summary.upToDate, version: summary.version, tokenizerLoaded: loaded }));
