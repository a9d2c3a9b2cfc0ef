/** Error codes the application can raise; the HTTP layer maps each to a status in one table. */
export type AppErrorCode =
  | 'index_not_found'
  | 'index_mismatch'
  | 'index_corrupt'
  | 'empty_corpus'
  | 'invalid_rules'
  | 'ingest_failed'
  | 'strict_mode'
  | 'ingest_locked'
  | 'ingest_aborted'
  | 'invalid_request'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'timeout'
  | 'invalid_config'
  | 'conflict'
  | 'publish_failed';

/** Base class of every named error: a typed code and a message that says how to fix it. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: unknown;

  constructor({ code, message, details, cause }: { code: AppErrorCode; message: string; details?: unknown; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class IndexNotFoundError extends AppError {
  constructor(directory: string) {
    super({ code: 'index_not_found', message: `No index at ${directory}/current. Run \`npm run ingest -- --out ${directory}\` first.` });
  }
}

export class IndexMismatchError extends AppError {
  constructor({ built, configured }: { built: string; configured: string }) {
    super({
      code: 'index_mismatch',
      message: `The index was built with embedder ${built} but ${configured} is configured. Re-run \`npm run ingest -- --full\` with the same embedder settings, or restore the settings the index was built with.`,
    });
  }
}

export class IndexCorruptError extends AppError {
  constructor(directory: string, reason: string) {
    super({ code: 'index_corrupt', message: `The index version at ${directory} cannot be loaded: ${reason}. Re-run \`npm run ingest\`.` });
  }
}

export class EmptyCorpusError extends AppError {
  constructor(directory: string) {
    super({ code: 'empty_corpus', message: `The corpus at ${directory} has no readable .txt, .md or .html article. Add articles, or point --corpus at the right directory.` });
  }
}

export class InvalidRulesError extends AppError {
  constructor(file: string, reason: string) {
    super({ code: 'invalid_rules', message: `Rule file ${file} is invalid: ${reason}. Fix the file and run again.` });
  }
}

export class StrictModeError extends AppError {
  constructor(skipped: number) {
    super({ code: 'strict_mode', message: `${skipped} file(s) were skipped and --strict is set: nothing was published. Fix or remove them, or run without --strict.` });
  }
}

export class IngestLockedError extends AppError {
  constructor({ indexDirectory, holder }: { indexDirectory: string; holder: string }) {
    super({
      code: 'ingest_locked',
      message: `Another ingest is running on ${indexDirectory} (${holder}). Wait for it to finish and try again; a lock whose heartbeat has stopped is taken over once it is stale.`,
    });
  }
}

export class IngestLockLostError extends AppError {
  constructor(indexDirectory: string) {
    super({ code: 'ingest_locked', message: `This ingest lost its lock on ${indexDirectory} (its heartbeat stalled and another ingest took over): nothing was published. Run it again.` });
  }
}

export class IngestAbortedError extends AppError {
  constructor(why: string) {
    super({ code: 'ingest_aborted', message: `Ingest stopped (${why}) before publishing: the previous index version is still current.` });
  }
}
