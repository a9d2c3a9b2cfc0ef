import { existsSync, mkdirSync, readdirSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestAbortedError, IngestLockedError } from '../../src/errors/app-error.js';
import { readCurrentVersion } from '../../src/index/index-store.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { describeLiveLock, IngestLock, ingestLockFileName } from '../../src/index/ingest-lock.js';
import { libraryCorpus, temporaryDirectory } from '../helpers.js';

/** A lock file as another machine's ingest would have written it, last written `secondsAgo`. */
function foreignLock(indexDirectory: string, secondsAgo: number): string {
  mkdirSync(indexDirectory, { recursive: true });
  const path = join(indexDirectory, ingestLockFileName);
  writeFileSync(path, JSON.stringify({ token: 'x', host: 'other-machine', pid: 999_999_999, startedAt: '2026-01-01T00:00:00.000Z' }));
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(path, time, time);
  return path;
}

describe('the ingest lock', () => {
  it('should refuse a second ingest of the same index directory while one runs, with a clear message', async () => {
    const indexDirectory = temporaryDirectory();
    const first = ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    const second = ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    await expect(second).rejects.toBeInstanceOf(IngestLockedError);
    await expect(second).rejects.toThrow(
      new RegExp(`^Another ingest is running on ${indexDirectory} \\(host .+, pid ${process.pid}, started at .+, last heartbeat \\d+ s ago\\)\\. Wait for it to finish`),
    );
    const published = await first;
    expect(readCurrentVersion(indexDirectory)).toBe(published.version);
    expect(existsSync(join(indexDirectory, ingestLockFileName))).toBe(false);
    await expect(ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory })).resolves.toMatchObject({ previousVersion: published.version });
  });

  it('should respect a fresh lock of another machine whatever its process id, and take over a stale one', async () => {
    const indexDirectory = temporaryDirectory();
    foreignLock(indexDirectory, 5);
    await expect(ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory })).rejects.toThrow(/host other-machine, pid 999999999, started at 2026-01-01T00:00:00.000Z, last heartbeat \d+ s ago/);
    expect(describeLiveLock({ indexDirectory })).toMatch(/^host other-machine/);
    foreignLock(indexDirectory, 31);
    expect(describeLiveLock({ indexDirectory })).toBeNull();
    const summary = await ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    expect(readCurrentVersion(indexDirectory)).toBe(summary.version);
    expect(readdirSync(indexDirectory).sort()).toEqual(['current', 'objects', 'versions']);
  });

  it('should keep its heartbeat going while the main thread is busy', async () => {
    const indexDirectory = temporaryDirectory();
    const lock = IngestLock.acquire({ indexDirectory, timing: { staleAfterMilliseconds: 1000, heartbeatMilliseconds: 50 } });
    const path = join(indexDirectory, ingestLockFileName);
    const created = statSync(path).mtimeMs;
    const until = Date.now() + 800;
    while (Date.now() < until); // a long synchronous ingest step
    expect(statSync(path).mtimeMs).toBeGreaterThan(created + 200);
    expect(lock.held()).toBe(true);
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('should publish nothing when another ingest took its lock over', async () => {
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    const lock = join(indexDirectory, ingestLockFileName);
    const run = ingestCorpus({
      corpusDirectory: libraryCorpus,
      indexDirectory,
      full: true,
      beforePublish() {
        renameSync(lock, `${lock}.moved`); // what a takeover after a stalled heartbeat does
        foreignLock(indexDirectory, 0);
      },
    });
    await expect(run).rejects.toThrow(/lost its lock on .*: nothing was published/);
    expect(readCurrentVersion(indexDirectory)).toBe(first.version);
    expect(readdirSync(join(indexDirectory, 'versions'))).toEqual([first.version]);
    expect(describeLiveLock({ indexDirectory })).toMatch(/^host other-machine/);
  });

  it('should remove what interrupted runs left behind', async () => {
    const indexDirectory = temporaryDirectory();
    mkdirSync(join(indexDirectory, 'versions', '20260101T000000000Z-abc.partial'), { recursive: true });
    writeFileSync(join(indexDirectory, 'versions', '20260101T000000000Z-abc.partial', 'chunks.json'), '[');
    symlinkSync('versions/none', join(indexDirectory, '.current.123.456'));
    const summary = await ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    expect(readdirSync(join(indexDirectory, 'versions'))).toEqual([summary.version]);
    expect(readdirSync(indexDirectory).sort()).toEqual(['current', 'objects', 'versions']);
  });

  it('should stop without publishing when aborted, and release its lock', async () => {
    const indexDirectory = temporaryDirectory();
    const first = await ingestCorpus({ corpusDirectory: libraryCorpus, indexDirectory });
    const stopping = new AbortController();
    const run = ingestCorpus({
      corpusDirectory: libraryCorpus,
      indexDirectory,
      full: true,
      signal: stopping.signal,
      onProgress: ({ phase }) => phase === 'embed' && stopping.abort(new IngestAbortedError('SIGTERM')),
    });
    await expect(run).rejects.toThrow('Ingest stopped (SIGTERM) before publishing: the previous index version is still current.');
    expect(readCurrentVersion(indexDirectory)).toBe(first.version);
    expect(readdirSync(join(indexDirectory, 'versions'))).toEqual([first.version]);
    expect(readdirSync(indexDirectory).sort()).toEqual(['current', 'objects', 'versions']);
  });
});
