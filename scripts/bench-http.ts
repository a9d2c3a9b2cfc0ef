// npm run bench:http — autocannon against the compiled server, WORKERS=1 and WORKERS=2 side by side: /healthz, cached
// chat (the dev questions, repeats served by the answer cache), cache-miss chat (ANSWER_CACHE_SIZE=0, ≥ 100 distinct
// questions), a re-index under load; then the ratios. WORKERS=1 and 2 alternate for BENCH_ROUNDS rounds and the
// medians are reported, so that load from elsewhere on a shared machine weighs on both alike.
import { readFileSync, rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { ingestCorpus } from '../src/index/ingest-corpus.js';
import { startBenchServer } from './bench-server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmupSeconds = 2;
const connections = 50;
const root = '.bench/http';
rmSync(root, { recursive: true, force: true });
const indexDirectory = `${root}/index`;
await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory });

const devQuestions = readFileSync(process.env.BENCH_QUESTIONS ?? '../shared/eval/dev.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { message: string }).message);
// Distinct questions for the cache-miss run: each dev question as asked, and with a stated situation before it.
const situations = ['', '我是退休人员，', '我从广州调到深圳工作，', '我从沈阳调到兰州工作，', '我是灵活就业人员，', '请问：'];
const distinctQuestions = situations.flatMap((situation) => devQuestions.map((question) => `${situation}${question}`));

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}
const chatOptions = (base: string, questions: string[], duration: number): autocannon.Options => ({
  url: `${base}/api/chat`,
  connections,
  duration,
  requests: questions.map((message) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) })),
});
const summary = (result: autocannon.Result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p50Milliseconds: result.latency.p50,
  p99Milliseconds: result.latency.p99,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  total: result.requests.total,
});
/** Warms the JIT (and, for cached chat, the answer cache), then measures. */
async function measure(options: (duration: number) => autocannon.Options) {
  await run(options(warmupSeconds));
  return summary(await run(options(seconds)));
}
const ratio = (numerator: number, denominator: number) => Number((numerator / denominator).toFixed(2));

async function benchWorkers(workers: number) {
  const environment = { WORKERS: String(workers), INDEX_DIR: indexDirectory, SESSION_DB: `${root}/sessions-${workers}.sqlite`, RATE_LIMIT_PER_MIN: '1000000' };
  const cachedServer = await startBenchServer({ env: environment });
  const healthz = await measure((duration) => ({ url: `${cachedServer.base}/healthz`, connections, duration }));
  const cachedChat = await measure((duration) => chatOptions(cachedServer.base, devQuestions, duration));
  await cachedServer.stop();
  const missServer = await startBenchServer({ env: { ...environment, ANSWER_CACHE_SIZE: '0' } });
  const cacheMissChat = await measure((duration) => chatOptions(missServer.base, distinctQuestions, duration));
  await missServer.stop();
  return {
    healthz,
    cachedChat,
    cacheMissChat,
    cachedShareOfHealthz: ratio(cachedChat.requestsPerSecond, healthz.requestsPerSecond),
    cacheMissShareOfHealthz: ratio(cacheMissChat.requestsPerSecond, healthz.requestsPerSecond),
  };
}

type Measured = Awaited<ReturnType<typeof benchWorkers>>;
const byWorkers: Record<1 | 2, Measured[]> = { 1: [], 2: [] };
for (let round = 0; round < rounds; round++) for (const workers of [1, 2] as const) byWorkers[workers].push(await benchWorkers(workers));
const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
type Path = 'healthz' | 'cachedChat' | 'cacheMissChat';
const paths: Path[] = ['healthz', 'cachedChat', 'cacheMissChat'];
/** Medians over the rounds (errors, timeouts and non-2xx summed). */
const medians = (measured: Measured[]) =>
  Object.fromEntries(
    paths.map((path) => [
      path,
      {
        requestsPerSecond: Math.round(median(measured.map((round) => round[path].requestsPerSecond))),
        p99Milliseconds: median(measured.map((round) => round[path].p99Milliseconds)),
        errors: measured.reduce((sum, round) => sum + round[path].errors + round[path].timeouts + round[path].non2xx, 0),
      },
    ]),
  ) as Record<Path, { requestsPerSecond: number; p99Milliseconds: number; errors: number }>;
/** A ratio in every round, and its median. */
const perRound = (ratioOf: (one: Measured, two: Measured) => number) => {
  const values = byWorkers[1].map((one, round) => ratio(ratioOf(one, byWorkers[2][round]), 1));
  return { median: ratio(median(values), 1), rounds: values };
};

// A re-index published while WORKERS=2 serves cache-miss chat: no request may fail, and every worker switches.
const reloadServer = await startBenchServer({ env: { WORKERS: '2', INDEX_DIR: indexDirectory, SESSION_DB: `${root}/sessions-reload.sqlite`, RATE_LIMIT_PER_MIN: '1000000', ANSWER_CACHE_SIZE: '0' } });
const reloadRun = run(chatOptions(reloadServer.base, distinctQuestions, Math.max(6, seconds)));
await new Promise((resolve) => setTimeout(resolve, 2000));
const published = await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory, full: true });
const reload = summary(await reloadRun);
const versions = new Set<string>();
for (let probe = 0; probe < 6; probe++) versions.add(((await (await fetch(`${reloadServer.base}/readyz`, { headers: { connection: 'close' } })).json()) as { version: string }).version);
await reloadServer.stop();

console.log(
  JSON.stringify(
    {
      seconds,
      rounds,
      connections,
      distinctCacheMissQuestions: new Set(distinctQuestions).size,
      workers1: medians(byWorkers[1]),
      workers2: medians(byWorkers[2]),
      ratios: {
        'cached chat / healthz, WORKERS=1': perRound((one) => one.cachedShareOfHealthz),
        'cached chat / healthz, WORKERS=2': perRound((_, two) => two.cachedShareOfHealthz),
        'cache-miss chat / healthz, WORKERS=1': perRound((one) => one.cacheMissShareOfHealthz),
        'cache-miss chat / healthz, WORKERS=2': perRound((_, two) => two.cacheMissShareOfHealthz),
        'cache-miss chat, WORKERS=2 / WORKERS=1': perRound((one, two) => two.cacheMissChat.requestsPerSecond / one.cacheMissChat.requestsPerSecond),
        'cached chat, WORKERS=2 / WORKERS=1': perRound((one, two) => two.cachedChat.requestsPerSecond / one.cachedChat.requestsPerSecond),
        'healthz, WORKERS=2 / WORKERS=1': perRound((one, two) => two.healthz.requestsPerSecond / one.healthz.requestsPerSecond),
      },
      hotReloadUnderLoad: { ...reload, everyWorkerSwitched: versions.size === 1 && versions.has(published.version) },
    },
    null,
    2,
  ),
);
