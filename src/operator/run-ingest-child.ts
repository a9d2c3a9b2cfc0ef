// Runs an incremental ingest in a child process (the server's event loop keeps answering meanwhile).
import { spawn } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestSummary } from '../index/ingest-corpus.js';

export type IngestOutcome = { success: true; summary: IngestSummary } | { success: false; error: { code: string; message: string } };
export type IngestRunner = (options: { corpusDirectory: string; indexDirectory: string }) => Promise<IngestOutcome>;

/** Resolved from this module, so the server may be started from any directory (the child runs in the project root, where tsx resolves). */
const ingestEntry = fileURLToPath(new URL('../cli/ingest.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `ingest --json` in a child; its JSON summary, or its JSON error (else the last lines of its output). */
export const runIngestChild: IngestRunner = ({ corpusDirectory, indexDirectory }) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ingestEntry, '--corpus', resolvePath(corpusDirectory), '--out', resolvePath(indexDirectory), '--json'], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, cwd: projectRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.on('error', (error) => resolve({ success: false, error: { code: 'ingest_failed', message: `ingest could not start: ${error.message}` } }));
    child.on('close', (code) => {
      let parsed: (IngestSummary & { error?: { code: string; message: string } }) | null = null;
      try {
        parsed = JSON.parse(stdout);
      } catch {
        parsed = null;
      }
      if (code === 0 && parsed && !parsed.error) return resolve({ success: true, summary: parsed });
      const lastLines = stderr.trim().split('\n').filter((line) => !/^\s+at |^Node\.js v/.test(line)).slice(-3).join('\n');
      resolve({ success: false, error: parsed?.error ?? { code: 'ingest_failed', message: lastLines || `ingest exited with code ${code}` } });
    });
  });
