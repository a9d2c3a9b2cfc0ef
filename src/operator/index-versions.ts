// The kept index versions, and activating one: its corpus files are restored, then `current` is switched.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { readCorpusSnapshot, restoreCorpusSnapshot } from '../index/corpus-snapshot.js';
import { readCurrentVersion, readJson, switchCurrent, versionDirectory, versionsDirectoryName } from '../index/index-store.js';
import { IngestLock } from '../index/ingest-lock.js';
import type { Manifest } from '../index/index-types.js';
import type { CorpusPublisher } from './corpus-publisher.js';

export interface VersionEntry {
  version: string;
  createdAt: string | null;
  active: boolean;
  /** A version built before corpus snapshots were kept cannot restore its corpus, so it cannot be activated. */
  restorable: boolean;
  counts: Manifest['counts'] | null;
  files: number;
  disabled: number;
  skipped: number;
  error: string | null;
}

const versionNamePattern = /^[A-Za-z0-9_.-]{1,100}$/;

/** Every kept version, newest first. */
export function listVersions(indexDirectory: string): VersionEntry[] {
  const root = join(indexDirectory, versionsDirectoryName);
  if (!existsSync(root)) return [];
  const active = readCurrentVersion(indexDirectory);
  return readdirSync(root)
    .filter((name) => !name.endsWith('.partial'))
    .map((version) => {
      const directory = join(root, version);
      try {
        const manifest = readJson<Manifest>(join(directory, 'manifest.json'));
        return { version, createdAt: manifest.createdAt, active: version === active, restorable: readCorpusSnapshot(directory) !== null, counts: manifest.counts, files: manifest.files.length, disabled: manifest.disabled?.length ?? 0, skipped: manifest.skipped.length, error: null };
      } catch (error) {
        return { version, createdAt: null, active: version === active, restorable: false, counts: null, files: 0, disabled: 0, skipped: 0, error: `manifest.json unreadable: ${(error as Error).message}` };
      }
    })
    .sort((left, right) => (right.createdAt ?? '').localeCompare(left.createdAt ?? '') || right.version.localeCompare(left.version));
}

/**
 * Rolls back (or forward) to a kept version: restores the corpus files it was built from, then switches
 * `current` atomically; the server's hot reload picks it up. Runs alone (as a change of the publisher) and under
 * the index's ingest lock, so no ingest of this or another process reads a corpus half restored.
 */
export function activateVersion({ publisher, version, actor }: { publisher: CorpusPublisher; version: string; actor: string }) {
  const { indexDirectory } = publisher.options;
  if (!versionNamePattern.test(version) || !existsSync(join(versionDirectory(indexDirectory, version), 'manifest.json'))) {
    throw new AppError({ code: 'not_found', message: `No kept version ${version}; GET /admin/versions lists them.` });
  }
  return publisher.exclusive(async () => {
    const lock = IngestLock.acquire({ indexDirectory });
    try {
      return await switchWithCorpus({ publisher, version, actor });
    } finally {
      await lock.release();
    }
  });
}

async function switchWithCorpus({ publisher, version, actor }: { publisher: CorpusPublisher; version: string; actor: string }) {
  const { corpusDirectory, indexDirectory, store } = publisher.options;
  const directory = versionDirectory(indexDirectory, version);
  const previousVersion = readCurrentVersion(indexDirectory);
  if (previousVersion === version) throw new AppError({ code: 'conflict', message: `${version} is already the active version.` });
  const snapshot = readCorpusSnapshot(directory);
  if (!snapshot) throw new AppError({ code: 'conflict', message: `${version} was built before versions kept their corpus files, so activating it cannot restore the corpus. Re-publish instead.` });
  const manifest = readJson<Manifest>(join(directory, 'manifest.json'));
  let corpus: { written: string[]; removed: string[] };
  try {
    corpus = restoreCorpusSnapshot({ corpusDirectory, indexDirectory, entries: snapshot, keep: manifest.skipped.map((file) => file.path) });
  } catch (error) {
    throw new AppError({ code: 'conflict', message: `${version} cannot be activated: ${(error as Error).message}. Nothing was changed.` });
  }
  switchCurrent(indexDirectory, version);
  publisher.options.onPublished?.();
  await store.addAudit({ actor, action: 'version.activate', target: version, details: { outcome: 'activated', previousVersion, corpus } });
  return { version, previousVersion, corpus };
}
