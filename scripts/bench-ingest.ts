// npm run bench:ingest [-- --json] [--runs N] — full, no-op and one-file ingest of a 5,000-document synthetic corpus,
// each run in a fresh ingest process the way `npm run ingest` runs it; the medians of N runs (3 by default).
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { createSegmenter } from '../src/text/segmenter.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const options = new Command()
  .option('--json', 'print one JSON object with the medians', false)
  .option('--runs <n>', 'runs to take the medians of', (value) => Number(value), 3)
  .option('--documents <n>', 'documents in the synthetic corpus', (value) => Number(value), Number(process.env.BENCH_DOCUMENTS ?? 5000))
  .parse()
  .opts<{ json: boolean; runs: number; documents: number }>();

const root = '.bench/ingest';
const corpus = join(root, 'corpus');
const megabyte = 1024 * 1024;

interface Run {
  documents: number;
  corpusBytes: number;
  fullSeconds: number;
  mbPerSecond: number;
  rawCutMbPerSecond: number;
  cutRatio: number;
  startupSeconds: number;
  noopSeconds: number;
  incrementalSeconds: number;
  incrementalFraction: number;
  indexBytes: number;
  peakRssBytes: number;
}

/** Runs `script` in a fresh node process through the same launcher as `npm run ingest`; returns its wall time and output. */
function timed(script: string, args: string[]): { seconds: number; output: string } {
  const start = performance.now();
  const output = execFileSync(process.execPath, ['scripts/run-typescript.mjs', script, ...args], { encoding: 'utf8', maxBuffer: 64 * megabyte });
  return { seconds: (performance.now() - start) / 1000, output };
}

function ingest(index: string, extra: string[] = []): { seconds: number; summary: { upToDate: boolean; peakRssBytes: number; files: { processed: number } } } {
  const { seconds, output } = timed('src/cli/ingest.ts', ['--corpus', corpus, '--out', index, '--json', ...extra]);
  return { seconds, summary: JSON.parse(output) };
}

function articles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'rules' ? [] : entry.isDirectory() ? articles(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

function directoryBytes(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(directory, entry.name);
    return sum + (entry.isDirectory() ? directoryBytes(path) : statSync(path).size);
  }, 0);
}

/** nodejieba cutting every article of the corpus, in this process (dictionary already loaded): the median of 3 passes. */
function rawCutMbPerSecond(texts: string[], corpusBytes: number): number {
  const { cut } = createSegmenter({ userDictionary: [] });
  const speeds = Array.from({ length: 3 }, () => {
    const start = performance.now();
    for (const text of texts) cut(text);
    return corpusBytes / megabyte / ((performance.now() - start) / 1000);
  });
  return median(speeds);
}

function benchRun(run: number): Run {
  rmSync(root, { recursive: true, force: true });
  const { bytes: corpusBytes } = writeSyntheticCorpus({ seedDirectory: 'corpus', directory: corpus, documents: options.documents, bytesPerDocument: 2000 });
  const index = join(root, `index-${run}`);
  const rawCut = rawCutMbPerSecond(articles(corpus).map((path) => readFileSync(path, 'utf8')), corpusBytes);
  // The fixed cost is small and noisy beside a full run: the median of 3 fresh processes.
  const startupSeconds = median(Array.from({ length: 3 }, () => timed('scripts/ingest-startup.ts', [corpus]).seconds));
  const full = ingest(index, ['--full']);
  const noop = ingest(index);
  if (!noop.summary.upToDate) throw new Error('the second run found changes where there were none');
  appendFileSync(join(corpus, 'part-0', 'doc-0.txt'), '新增的一段：个人账户余额原则上随医保关系转移。\n');
  const incremental = ingest(index);
  if (incremental.summary.files.processed !== 1) throw new Error(`the one-file change processed ${incremental.summary.files.processed} files`);
  const mbPerSecond = corpusBytes / megabyte / full.seconds;
  return {
    documents: options.documents,
    corpusBytes,
    fullSeconds: full.seconds,
    mbPerSecond,
    rawCutMbPerSecond: rawCut,
    cutRatio: mbPerSecond / rawCut,
    startupSeconds,
    noopSeconds: noop.seconds,
    incrementalSeconds: incremental.seconds,
    incrementalFraction: (incremental.seconds - startupSeconds) / (full.seconds - startupSeconds),
    indexBytes: directoryBytes(join(index, 'current')),
    peakRssBytes: full.summary.peakRssBytes,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const runs: Run[] = [];
for (let run = 0; run < options.runs; run++) {
  runs.push(benchRun(run));
  if (!options.json) process.stderr.write(`run ${run + 1}/${options.runs} done\n`);
}
const fields = Object.keys(runs[0]) as Array<keyof Run>;
const medians = Object.fromEntries(fields.map((field) => [field, median(runs.map((run) => run[field]))])) as unknown as Run;
const rounded = (field: keyof Run, value: number) => (Number.isInteger(value) ? value : Number(value.toFixed(field.endsWith('Fraction') || field === 'cutRatio' ? 3 : 2)));

if (options.json) {
  process.stdout.write(`${JSON.stringify(Object.fromEntries(fields.map((field) => [field, rounded(field, medians[field])])))}\n`);
} else {
  const targets: Partial<Record<keyof Run, string>> = {
    cutRatio: '≥ 0.3',
    incrementalFraction: '≤ 0.10',
    noopSeconds: '≤ 0.5',
    indexBytes: `≤ ${(3 * medians.corpusBytes / megabyte).toFixed(1)} MB (3× corpus)`,
    peakRssBytes: '≤ 600 MB',
  };
  const show = (field: keyof Run, value: number) => (field.endsWith('Bytes') ? `${(value / megabyte).toFixed(1)} MB` : String(rounded(field, value)));
  const rows = fields.map((field) => [field, ...runs.map((run) => show(field, run[field])), show(field, medians[field]), targets[field] ?? '']);
  const header = ['field', ...runs.map((_, run) => `run ${run + 1}`), 'median', 'target'];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
}
