// npm run bench:startup — readiness of the compiled server with an existing index, against the time the segmentation
// dictionary alone takes to load in a fresh process (the floor: every worker loads it). Wall-clock medians of several
// runs, and CPU time, which a busy shared machine distorts far less.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ingestCorpus } from '../src/index/ingest-corpus.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const root = '.bench/startup';
rmSync(root, { recursive: true, force: true });
await ingestCorpus({ corpusDirectory: 'corpus', indexDirectory: `${root}/index` });
const port = 18000 + Math.floor(Math.random() * 1000);
const ticksPerSecond = 100;

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];
/** User + system CPU milliseconds a process has used so far (/proc/<pid>/stat). */
const cpuMilliseconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
};

/** A fresh node process that only loads nodejieba's dictionary (as the server's first segmentation does). */
async function dictionaryOnly(): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', "const { default: jieba } = await import('nodejieba'); jieba.cut('测试'); const { user, system } = process.cpuUsage(); console.log((user + system) / 1000);"], { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  await new Promise((resolve) => child.on('exit', resolve));
  return { wall: performance.now() - started, cpu: Number(output.trim()) };
}

/** Spawn of `node dist/cli/serve.js` (WORKERS=1) to the first 200 from /readyz, polled every 5 ms. */
async function serverReady(): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/cli/serve.js'], { env: { ...process.env, PORT: String(port), WORKERS: '1', INDEX_DIR: `${root}/index`, SESSION_DB: `${root}/sessions.sqlite`, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  let ready: { wall: number; cpu: number } | null = null;
  while (!ready) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) ready = { wall: performance.now() - started, cpu: cpuMilliseconds(child.pid!) };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return ready;
}

const ready: Array<{ wall: number; cpu: number }> = [];
const dictionary: Array<{ wall: number; cpu: number }> = [];
for (let run = 0; run < runs; run++) {
  dictionary.push(await dictionaryOnly());
  ready.push(await serverReady());
}
const summary = (kind: 'wall' | 'cpu') => ({
  readyMilliseconds: Math.round(median(ready.map((run) => run[kind]))),
  dictionaryAloneMilliseconds: Math.round(median(dictionary.map((run) => run[kind]))),
  differenceMilliseconds: Math.round(median(ready.map((run, index) => run[kind] - dictionary[index][kind]))),
});
console.log(JSON.stringify({ runs, wallClock: summary('wall'), cpuTime: summary('cpu'), target: 'ready ≤ dictionary alone + 300 ms' }, null, 2));
