// Applies an operator's change to the corpus and publishes it by an incremental ingest, one change at a time:
// the corpus is put back when the ingest fails, so the files on disk always match what is served.
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import type { IngestSummary } from '../index/ingest-corpus.js';
import type { OperatorStore } from '../operator-store/operator-store.js';
import type { IngestRunner } from './run-ingest-child.js';

/** Corpus-relative path → new content, or null to remove the file. */
export type CorpusEdit = Record<string, string | Buffer | null>;

export interface PublishResult {
  version: string;
  previousVersion: string | null;
  summary: IngestSummary;
}

export class IngestBusyError extends AppError {
  constructor() {
    super({ code: 'conflict', message: 'Another ingest is running; try again when it has finished (GET /admin/reindex shows its state).' });
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
  runIngest: IngestRunner;
  store: OperatorStore;
  /** True while the background re-index runs (its runs and ours exclude each other). */
  otherIngestRunning?: () => boolean;
  /** Called once a new version is current (the server reloads it at once). */
  onPublished?: () => void;
}

export class CorpusPublisher {
  private running: Promise<unknown> | null = null;

  constructor(readonly options: CorpusPublisherOptions) {}

  get busy(): boolean {
    return this.running !== null || (this.options.otherIngestRunning?.() ?? false);
  }

  /** Resolves once the change in progress (if any) has finished, so a shutdown does not cut an ingest short. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Runs `work` alone: 409 while another change or re-index runs. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new IngestBusyError();
    const run = work();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  /**
   * Applies the edit `prepare` returns (computed under the lock from the corpus as it is), ingests, and records
   * who did it. On an ingest failure the touched files are restored and PublishFailedError is thrown.
   */
  publish({ actor, action, target, prepare }: { actor: string; action: string; target: string; prepare: () => CorpusEdit }): Promise<PublishResult> {
    return this.exclusive(async () => {
      const { corpusDirectory, indexDirectory, store } = this.options;
      const edit = prepare();
      const backup: CorpusEdit = Object.fromEntries(Object.keys(edit).map((path) => [path, existsSync(join(corpusDirectory, path)) ? readFileSync(join(corpusDirectory, path)) : null]));
      applyEdit(corpusDirectory, edit);
      const outcome = await this.options.runIngest({ corpusDirectory, indexDirectory });
      if (!outcome.success) {
        applyEdit(corpusDirectory, backup);
        // Another process holding the index's ingest lock (the CLI, another replica) is a conflict, not a failure.
        if (outcome.error.code === 'ingest_locked') throw new IngestBusyError();
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
