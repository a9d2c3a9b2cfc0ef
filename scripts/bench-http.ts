// npm run bench:http — autocannon against a real server: /healthz and POST /api/chat, then hot reload under load.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { ingestCorpus } from '../src/index/ingest-corpus.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = 50;
const port = 18000 + Math.floor(Math.random() * 1000);
const root = '.bench/http';
rmSync(root, { recursive: true, force: true });
const indexDirectory = `${root}/index`;
await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory });

const questions = readFileSync(process.env.BENCH_QUESTIONS ?? '../shared/eval/dev.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { message: string }).message);

const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
  env: { ...process.env, PORT: String(port), INDEX_DIR: indexDirectory, SESSION_DB: `${root}/sessions.sqlite`, RATE_LIMIT_PER_MIN: '1000000', LOG_LEVEL: 'info' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${base}/readyz`)).ok) break;
  } catch {
    // not listening yet
  }
  if (attempt > 300) throw new Error('server did not become ready');
  await new Promise((resolve) => setTimeout(resolve, 100));
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

// Each connection cycles through the real questions (bodies prepared once, so the client stays cheap).
const chatOptions = (duration: number): autocannon.Options => ({
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

const health = summary(await run({ url: `${base}/healthz`, connections, duration: seconds }));
const chat = summary(await run(chatOptions(seconds)));

// Hot reload under load: a new version is published while /api/chat is being hammered.
const reloadRun = run(chatOptions(Math.max(6, Math.round(seconds / 2))));
await new Promise((resolve) => setTimeout(resolve, 2000));
const published = await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory, full: true });
const reload = summary(await reloadRun);
const ready = (await (await fetch(`${base}/readyz`)).json()) as { version: string };

const peakRssMegabytes = Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
server.kill('SIGTERM');
console.log(
  JSON.stringify(
    {
      seconds,
      connections,
      healthz: health,
      chat,
      chatShareOfHealthz: Number((chat.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
      hotReload: { ...reload, switchedTo: ready.version === published.version },
      serverPeakRssMegabytes: peakRssMegabytes,
    },
    null,
    2,
  ),
);
