// `npm run ingest -- [--corpus DIR] [--out DIR] [--full] [--strict] [--json]`
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError, IngestAbortedError } from '../errors/app-error.js';
import { ingestCorpus, type IngestPhase, type IngestSummary } from '../index/ingest-corpus.js';
import { embedderSettingsFromEnvironment } from './embedder-settings-from-environment.js';

const program = new Command()
  .name('ingest')
  .description('Builds a new index version from the corpus and publishes it atomically.')
  .option('--corpus <dir>', 'corpus directory', 'corpus')
  .option('--out <dir>', 'index directory', 'data/index')
  .option('--full', 'rebuild everything instead of reusing unchanged files', false)
  .option('--strict', 'fail (and publish nothing) when any file is skipped', false)
  .option('--json', 'print the summary as JSON', false)
  .parse();
const options = program.opts<{ corpus: string; out: string; full: boolean; strict: boolean; json: boolean }>();

function printSummary(summary: IngestSummary): void {
  const lines = [
    summary.upToDate
      ? `up to date: nothing changed since version ${summary.version}, nothing was published`
      : `published version ${summary.version}${summary.previousVersion ? ` (previous ${summary.previousVersion})` : ''}`,
    `files read: ${summary.files.read} (reused ${summary.files.reused}, processed ${summary.files.processed}, removed ${summary.files.removed})`,
    `packs: ${summary.packs.total} (written ${summary.packs.written}, graphs built ${summary.packs.graphsBuilt}; the others shared with the previous version)`,
    `skipped: ${summary.files.skipped.length}${summary.files.disabled.length ? `, disabled: ${summary.files.disabled.length}` : ''}`,
    ...summary.files.skipped.map((file) => `  - ${file.path}: ${file.reason}`),
    `documents: ${summary.documents}, sub-documents (teasers): ${summary.subDocuments}, chunks: ${summary.chunks}`,
    `duplicate chunks: ${summary.duplicateChunks}, source families: ${summary.families}, statements: ${summary.statements}`,
    `claims: ${Object.entries(summary.claims).map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
    `embedder: ${summary.embedder}`,
    `time: ${summary.seconds.toFixed(2)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const interactive = process.stderr.isTTY && !options.json;
const bar = interactive ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
let lastPhase: IngestPhase | null = null;
let lastLine = 0;

// SIGTERM or Ctrl-C stops the run at its next step without publishing (a second one exits at once); so does the
// end of the server that started this run (its IPC channel closes), so a re-index never outlives its server.
const stopping = new AbortController();
function stop(why: string): void {
  if (stopping.signal.aborted) process.exit(130);
  stopping.abort(new IngestAbortedError(why));
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
if (process.send) {
  process.once('disconnect', () => stop('the server that started it has exited'));
  process.channel?.unref();
}

try {
  const summary = await ingestCorpus({
    corpusDirectory: options.corpus,
    indexDirectory: options.out,
    full: options.full,
    strict: options.strict,
    embedderSettings: embedderSettingsFromEnvironment(process.env),
    signal: stopping.signal,
    onProgress({ phase, done, total }) {
      if (bar) {
        if (phase !== lastPhase) {
          if (lastPhase) bar.stop();
          bar.start(total, done, { phase: phase.padEnd(6) });
        } else bar.update(done);
      } else if (!options.json && (phase !== lastPhase || done === total || Date.now() - lastLine > 2000)) {
        process.stderr.write(`${phase}: ${done}/${total}\n`);
        lastLine = Date.now();
      }
      lastPhase = phase;
    },
  });
  bar?.stop();
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary);
} catch (error) {
  bar?.stop();
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) process.stdout.write(`${JSON.stringify({ error: { code: error instanceof AppError ? error.code : 'ingest_failed', message } })}\n`);
  // The stack of an unexpected error goes to stderr only, for a bug report; the JSON and the first line stay readable.
  const detail = error instanceof AppError || !(error instanceof Error) ? '' : `\n${error.stack ?? ''}`;
  process.stderr.write(`ingest failed: ${message}\nThe previous index version (if any) is still current.${detail}\n`);
  process.exitCode = 1;
}
