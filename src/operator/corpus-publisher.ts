// Applies an operator's change to the corpus and publishes it by an incremental ingest, one change at a time:
// the corpus is put back when the ingest fails, so the files on disk always match what is served.
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import type { IngestSummary } from '../index/ingest-corpus.js';
import type { IngestOutcome } from '../index/ingest-outcome.js';
import type { OperatorStore } from '../operator-store/operator-store.js';

/** Corpus-relative path → new content, or null to remove the file. */
export type CorpusEdit = Record<string, string | Buffer | null>;

export interface PublishResult {
  version: string;
  previousVersion: string | null;
  summary: IngestSummary;
}

/** What runs the ingest of a change: the server's Reindexer (a child process), or ingest in-process in tests. */
export interface IngestRunner {
  /** Throws a 409 `ingest_locked` error while an ingest of the index runs: this server's, or another process's. */
  assertIdle(): void;
  /** Runs an incremental ingest of the corpus into the index and waits for its outcome. */
  run(): Promise<IngestOutcome>;
}

export class ChangeInProgressError extends AppError {
  constructor() {
    super({ code: 'ingest_locked', message: 'Another change to the corpus is being published; try again when it has finished.' });
  }
}

export class PublishFailedError extends AppError {
  constructor(error: { code: string; message: string }) {
    super({ code: 'publish_failed', message: `The change was not published: ${error.message} The corpus was left as it was; the previous version keeps serving.`, details: { ingest: error } });
  }
}

/** Writes a file by an atomic rename, creating its folder. */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.upload.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

function applyEdit(corpusDirectory: string, edit: CorpusEdit): void {
  for (const [path, content] of Object.entries(edit)) {
    const target = join(corpusDirectory, path);
    if (content === null) {
      if (existsSync(target)) unlinkSync(target);
    } else writeFileAtomically(target, content);
  }
}

export interface CorpusPublisherOptions {
  corpusDirectory: string;
  indexDirectory: string;
  ingest: IngestRunner;
  store: OperatorStore;
  /** Called once a new version is current (the server reloads it at once). */
  onPublished?: () => void;
}

export class CorpusPublisher {
  private running: Promise<unknown> | null = null;

  constructor(readonly options: CorpusPublisherOptions) {}

  /** Resolves once the change in progress (if any) has finished, so a shutdown does not cut it short. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /**
   * Runs `work` alone: 409 `ingest_locked` while another change is published here, or while any ingest of the
   * index runs (a re-index of this server, the CLI, another replica), checked before anything is touched.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) throw new ChangeInProgressError();
    this.options.ingest.assertIdle();
    const run = work();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /**
   * Applies the edit `prepare` returns (computed from the corpus as it is), ingests, and records who did it. When the
   * ingest fails the touched files are restored: a lock taken meanwhile by another process is a 409, anything else
   * PublishFailedError with the ingest's own message.
   */
  publish({ actor, action, target, prepare }: { actor: string; action: string; target: string; prepare: () => CorpusEdit }): Promise<PublishResult> {
    return this.exclusive(async () => {
      const { corpusDirectory, store, ingest } = this.options;
      const edit = prepare();
      const backup: CorpusEdit = Object.fromEntries(Object.keys(edit).map((path) => [path, existsSync(join(corpusDirectory, path)) ? readFileSync(join(corpusDirectory, path)) : null]));
      applyEdit(corpusDirectory, edit);
      let outcome: IngestOutcome;
      try {
        outcome = await ingest.run();
      } catch (error) {
        applyEdit(corpusDirectory, backup);
        throw error;
      }
      if (!outcome.success) {
        applyEdit(corpusDirectory, backup);
        if (outcome.error.code === 'ingest_locked') throw new AppError({ code: 'ingest_locked', message: outcome.error.message });
        await store.addAudit({ actor, action, target, details: { outcome: 'failed', error: outcome.error } });
        throw new PublishFailedError(outcome.error);
      }
      this.options.onPublished?.();
      const { version, previousVersion } = outcome.summary;
      await store.addAudit({ actor, action, target, details: { outcome: 'published', version, previousVersion } });
      return { version, previousVersion, summary: outcome.summary };
    });
  }
}
