// Runs ingest in a child process for POST /admin/reindex and reports its state.
import { spawn } from 'node:child_process';
import type { Logger } from 'pino';

export interface ReindexStatus {
  state: 'idle' | 'running' | 'succeeded' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  summary: unknown;
  error: string | null;
}

export class Reindexer {
  status: ReindexStatus = { state: 'idle', startedAt: null, finishedAt: null, summary: null, error: null };

  constructor(private readonly options: { corpusDirectory: string; indexDirectory: string; logger: Logger; onFinished?: () => void }) {}

  /** Starts a run unless one is going; returns false when one already is. */
  start(): boolean {
    if (this.status.state === 'running') return false;
    this.status = { state: 'running', startedAt: new Date().toISOString(), finishedAt: null, summary: null, error: null };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--corpus', this.options.corpusDirectory, '--out', this.options.indexDirectory, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.on('close', (code) => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(stdout);
      } catch {
        parsed = null;
      }
      const failed = code !== 0;
      this.status = {
        ...this.status,
        state: failed ? 'failed' : 'succeeded',
        finishedAt: new Date().toISOString(),
        summary: failed ? null : parsed,
        error: failed ? ((parsed as { error?: { message?: string } } | null)?.error?.message ?? stderr.trim().split('\n').slice(-3).join('\n')) : null,
      };
      this.options.logger[failed ? 'error' : 'info']({ reindex: this.status.state, error: this.status.error }, 'reindex finished');
      this.options.onFinished?.();
    });
    return true;
  }
}
