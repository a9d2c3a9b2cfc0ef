// Holds the serving index and switches to a new version when <INDEX_DIR>/current changes.
import type { Logger } from 'pino';
import type { EmbedderSettings } from '../index/create-embeddings.js';
import { readCurrentVersion } from '../index/index-store.js';
import { loadIndex, type LoadedIndex } from '../index/load-index.js';

/**
 * Requests take `current` once when they start, so a switch never disturbs one in flight; a version
 * that fails to load is logged, remembered and skipped, and the previous one keeps serving.
 */
export class IndexHolder {
  current: LoadedIndex | null = null;
  lastError: string | null = null;
  private failedVersion: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { indexDirectory: string; embedderSettings: EmbedderSettings; logger: Logger; onSwitch?: (index: LoadedIndex) => void },
  ) {}

  /** Loads the current version if it differs from the one serving; returns whether it switched. */
  refresh(): boolean {
    const version = readCurrentVersion(this.options.indexDirectory);
    if (!version || version === this.current?.version || version === this.failedVersion) return false;
    try {
      const index = loadIndex({ indexDirectory: this.options.indexDirectory, embedderSettings: this.options.embedderSettings });
      const previous = this.current?.version ?? null;
      this.current = index;
      this.lastError = null;
      this.options.logger.info({ version: index.version, previous, chunks: index.chunks.length }, 'index loaded');
      this.options.onSwitch?.(index);
      return true;
    } catch (error) {
      this.failedVersion = version;
      this.lastError = (error as Error).message;
      this.options.logger.error({ version, error: this.lastError, serving: this.current?.version ?? null }, 'index version rejected; the previous version keeps serving');
      return false;
    }
  }

  /** Polls `current` every `intervalMilliseconds`. */
  watch(intervalMilliseconds = 1000): void {
    this.timer = setInterval(() => this.refresh(), intervalMilliseconds);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
