// Holds the serving index and switches to a new version when <INDEX_DIR>/current changes.
import type { Logger } from 'pino';
import type { EmbedderSettings } from '../index/create-embeddings.js';
import { listVersions, readCurrentVersion, versionDirectory } from '../index/index-store.js';
import { loadIndexVersion, type LoadedIndex } from '../index/load-index.js';

/**
 * Requests take `current` once when they start, so a switch never disturbs one in flight. A version is verified as
 * it loads (its vector file is checked before hnswlib reads it, see check-hnsw-file.ts), so a damaged one is refused
 * with the reason logged and never crashes the server: on a hot reload the previous version keeps serving; at cold
 * start the newest kept version that passes serves instead, and `fallbackFrom` names the refused one.
 */
export class IndexHolder {
  current: LoadedIndex | null = null;
  lastError: string | null = null;
  /** The version `current` points at when an older one serves in its place. */
  fallbackFrom: string | null = null;
  private readonly refused = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { indexDirectory: string; embedderSettings: EmbedderSettings; logger: Logger; onSwitch?: (index: LoadedIndex) => void },
  ) {}

  /** Loads the current version if it differs from the one serving; returns whether it switched. */
  refresh(): boolean {
    const version = readCurrentVersion(this.options.indexDirectory);
    if (version && version === this.current?.version) this.fallbackFrom = null; // `current` was pointed at the fallback
    if (!version || version === this.current?.version || this.refused.has(version)) return false;
    const index = this.verified(version);
    if (index) return this.adopt(index, null);
    if (this.current) return false;
    for (const candidate of listVersions(this.options.indexDirectory)) {
      if (candidate === version || this.refused.has(candidate)) continue;
      const fallback = this.verified(candidate);
      if (fallback) return this.adopt(fallback, version);
    }
    return false;
  }

  /** Polls `current` every `intervalMilliseconds`. */
  watch(intervalMilliseconds = 1000): void {
    this.timer = setInterval(() => this.refresh(), intervalMilliseconds);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private verified(version: string): LoadedIndex | null {
    try {
      return loadIndexVersion({ directory: versionDirectory(this.options.indexDirectory, version), embedderSettings: this.options.embedderSettings });
    } catch (error) {
      this.refused.add(version);
      this.lastError = (error as Error).message;
      const serving = this.current?.version ?? null;
      this.options.logger.error({ version, reason: this.lastError, serving }, `index version ${version} refused: ${this.lastError}`);
      return null;
    }
  }

  private adopt(index: LoadedIndex, fallbackFrom: string | null): boolean {
    const previous = this.current?.version ?? null;
    this.current = index;
    this.fallbackFrom = fallbackFrom;
    if (fallbackFrom) this.options.logger.warn({ version: index.version, fallbackFrom }, `serving ${index.version}, the newest kept version that passes, instead of the refused current ${fallbackFrom}`);
    else this.lastError = null;
    this.options.logger.info({ version: index.version, previous, chunks: index.chunks.length }, 'index loaded');
    this.options.onSwitch?.(index);
    return true;
  }
}
