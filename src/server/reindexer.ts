// Runs ingest in a child process for POST /admin/reindex and the console's corpus changes, reports its state,
// and stops it with the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { AppError, IngestLockedError } from '../errors/app-error.js';
import type { IngestSummary } from '../index/ingest-corpus.js';
import { describeLiveLock, type LockTiming } from '../index/ingest-lock.js';
import type { IngestOutcome } from '../index/ingest-outcome.js';
import { describeChildFailure, reportedError } from './describe-child-failure.js';
import { ingestEntryPoint, type IngestEntryPoint } from './ingest-entry-point.js';

export interface ReindexStatus {
  state: 'idle' | 'running' | 'succeeded' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  summary: unknown;
  error: string | null;
}

/** What the admin routes need of a re-index: this process's, or the cluster primary's through a worker. */
export interface ReindexControl {
  readonly status: ReindexStatus;
  start(): ReindexStatus | Promise<ReindexStatus>;
  stop(): Promise<void>;
}

export class Reindexer implements ReindexControl {
  status: ReindexStatus = { state: 'idle', startedAt: null, finishedAt: null, summary: null, error: null };
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private outcome: IngestOutcome | null = null;

  constructor(
    private readonly options: {
      corpusDirectory: string;
      indexDirectory: string;
      logger: Logger;
      onFinished?: () => void;
      entryPoint?: IngestEntryPoint;
      lockTiming?: LockTiming;
    },
  ) {}

  /** Throws IngestLockedError while this server's run or any other ingest of the index is going. */
  assertIdle(): void {
    const { indexDirectory } = this.options;
    if (this.child) {
      throw new AppError({ code: 'ingest_locked', message: `A re-index started at ${this.status.startedAt} is still running; GET /admin/reindex shows its state.` });
    }
    const holder = describeLiveLock({ indexDirectory, timing: this.options.lockTiming });
    if (holder) throw new IngestLockedError({ indexDirectory, holder });
  }

  /** Starts a run; throws IngestLockedError while this server's run or any other ingest of the index is going. */
  start(): ReindexStatus {
    const { indexDirectory, corpusDirectory, logger } = this.options;
    this.assertIdle();

    const { nodeArguments, script } = this.options.entryPoint ?? ingestEntryPoint();
    // An IPC channel tells the child when this server is gone, even if it was killed: the child then stops unpublished.
    const child = spawn(process.execPath, [...nodeArguments, script, '--corpus', resolve(corpusDirectory), '--out', resolve(indexDirectory), '--json'], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: process.env,
    });
    this.child = child;
    this.status = { state: 'running', startedAt: new Date().toISOString(), finishedAt: null, summary: null, error: null };
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (data) => (stdout += data));
    child.stderr!.on('data', (data) => (stderr = (stderr + data).slice(-64 * 1024)));
    child.on('error', (error) => (stderr += `\nError: ${error.message}\n`));
    this.exited = new Promise((settle) => {
      child.on('close', (code, signal) => {
        this.child = null;
        const failed = code !== 0;
        this.status = {
          ...this.status,
          state: failed ? 'failed' : 'succeeded',
          finishedAt: new Date().toISOString(),
          summary: failed ? null : parseSummary(stdout),
          error: failed ? describeChildFailure({ stdout, stderr, code, signal }) : null,
        };
        this.outcome = outcomeOf(this.status, stdout);
        logger[failed ? 'error' : 'info']({ reindex: this.status.state, error: this.status.error }, 'reindex finished');
        this.options.onFinished?.();
        settle();
      });
    });
    return this.status;
  }

  /** Runs ingest in a child (throwing like `start`) and waits for its outcome. */
  async run(): Promise<IngestOutcome> {
    this.start();
    await this.exited;
    return this.outcome!;
  }

  /**
   * Stops a running child and waits for it: SIGTERM (it stops at its next step, publishing nothing and releasing its
   * lock), then SIGKILL after `graceMilliseconds` (its lock then goes stale, its staging directory is removed next run).
   */
  async stop({ graceMilliseconds = 10_000 }: { graceMilliseconds?: number } = {}): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), graceMilliseconds);
    await this.exited;
    clearTimeout(force);
  }
}

function outcomeOf(status: ReindexStatus, stdout: string): IngestOutcome {
  if (status.state === 'succeeded' && status.summary !== null) return { success: true, summary: status.summary as IngestSummary };
  const message = status.error ?? 'ingest printed no summary';
  return { success: false, error: { code: reportedError(stdout)?.code ?? 'ingest_failed', message } };
}

function parseSummary(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    return null;
  }
}
