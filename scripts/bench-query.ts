// npm run bench:query — in-process latency of answerQuestion over the dev questions, bundled and synthetic corpora.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion } from '../src/answer/answer-question.js';
import { ingestCorpus } from '../src/index/ingest-corpus.js';
import { loadIndex, type LoadedIndex } from '../src/index/load-index.js';
import type { SessionState } from '../src/question/session-state.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const devSet = process.env.BENCH_QUESTIONS ?? '../shared/eval/dev.jsonl';
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const questions = readFileSync(devSet, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { message: string; session?: string });

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function measure(index: LoadedIndex): Promise<{ p50: number; p99: number; samples: number }> {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const sessions = new Map<string, SessionState>();
    for (const question of questions) {
      const start = performance.now();
      const { session } = await answerQuestion({ index, message: question.message, session: question.session ? sessions.get(question.session) ?? null : null, sessionId: 'bench' });
      const elapsed = performance.now() - start;
      if (round > 0) timings.push(elapsed); // the first round warms up caches and the JIT
      if (question.session) sessions.set(question.session, session);
    }
  }
  timings.sort((left, right) => left - right);
  return { p50: Number(percentile(timings, 0.5).toFixed(2)), p99: Number(percentile(timings, 0.99).toFixed(2)), samples: timings.length };
}

const bundledIndex = '.bench/query/bundled-index';
rmSync('.bench/query', { recursive: true, force: true });
await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory: bundledIndex });
const bundled = await measure(loadIndex({ indexDirectory: bundledIndex, embedderSettings: {} }));

const syntheticCorpus = '.bench/query/synthetic-corpus';
const syntheticIndex = '.bench/query/synthetic-index';
if (!existsSync(join(syntheticCorpus, 'rules'))) writeSyntheticCorpus({ seedDirectory: 'corpus', directory: syntheticCorpus, documents: 5000, bytesPerDocument: 2000 });
await ingestCorpus({ corpusDirectory: syntheticCorpus, indexDirectory: syntheticIndex });
const synthetic = await measure(loadIndex({ indexDirectory: syntheticIndex, embedderSettings: {} }));

console.log(JSON.stringify({ questions: questions.length, rounds, bundledMilliseconds: bundled, synthetic5000Milliseconds: synthetic }, null, 2));
