// The versioned index directory: versions/<id>/, a `current` link switched by atomic rename, pruning.
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export const currentLinkName = 'current';
export const versionsDirectoryName = 'versions';

/** Absolute-free path of the version directory `current` points at, or null when there is none. */
export function readCurrentVersion(indexDirectory: string): string | null {
  const link = join(indexDirectory, currentLinkName);
  try {
    return basename(readlinkSync(link));
  } catch {
    return null;
  }
}

export function versionDirectory(indexDirectory: string, version: string): string {
  return join(indexDirectory, versionsDirectoryName, version);
}

/** A fresh, empty staging directory for a version being written. */
export function createStagingDirectory(indexDirectory: string, version: string): string {
  const staging = join(indexDirectory, versionsDirectoryName, `${version}.partial`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

/** Moves a complete staging directory to its final name. */
export function sealVersion(indexDirectory: string, version: string): string {
  const target = versionDirectory(indexDirectory, version);
  renameSync(join(indexDirectory, versionsDirectoryName, `${version}.partial`), target);
  return target;
}

/** Points `current` at `version` with one atomic rename of a fresh link. */
export function switchCurrent(indexDirectory: string, version: string): void {
  const temporary = join(indexDirectory, `.${currentLinkName}.${process.pid}.${Date.now()}`);
  symlinkSync(join(versionsDirectoryName, version), temporary);
  renameSync(temporary, join(indexDirectory, currentLinkName));
}

/** Removes all but the newest `keep` versions (never the current one). */
export function pruneVersions(indexDirectory: string, keep: number): string[] {
  const root = join(indexDirectory, versionsDirectoryName);
  if (!existsSync(root)) return [];
  const current = readCurrentVersion(indexDirectory);
  const removed: string[] = [];
  const versions = readdirSync(root)
    .filter((name) => !name.endsWith('.partial'))
    .map((name) => ({ name, time: statSync(join(root, name)).mtimeMs }))
    .sort((left, right) => right.time - left.time || right.name.localeCompare(left.name));
  versions.slice(keep).forEach(({ name }) => {
    if (name === current) return;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  });
  return removed;
}

/**
 * Removes what interrupted runs left behind: staging directories and temporary `current` links. Only call it while
 * holding the ingest lock: then no other run can be writing them.
 */
export function removeStagingLeftovers(indexDirectory: string): string[] {
  const root = join(indexDirectory, versionsDirectoryName);
  const staging = existsSync(root) ? readdirSync(root).filter((name) => name.endsWith('.partial')).map((name) => join(root, name)) : [];
  const links = existsSync(indexDirectory) ? readdirSync(indexDirectory).filter((name) => name.startsWith(`.${currentLinkName}.`)).map((name) => join(indexDirectory, name)) : [];
  for (const path of [...staging, ...links]) rmSync(path, { recursive: true, force: true });
  return staging.map((path) => basename(path));
}

/** The sealed versions, newest first (by the creation time in their manifest; unreadable ones last). */
export function listVersions(indexDirectory: string): string[] {
  const root = join(indexDirectory, versionsDirectoryName);
  if (!existsSync(root)) return [];
  const createdAt = (name: string) => {
    try {
      return readJson<{ createdAt?: string }>(join(root, name, 'manifest.json')).createdAt ?? '';
    } catch {
      return '';
    }
  };
  return readdirSync(root)
    .filter((name) => !name.endsWith('.partial'))
    .map((name) => ({ name, time: createdAt(name) }))
    .sort((left, right) => right.time.localeCompare(left.time) || right.name.localeCompare(left.name))
    .map(({ name }) => name);
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value));
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** `writeJson` gzipped (for the larger files only ingest and loading read). */
export function writeJsonGzip(path: string, value: unknown): void {
  writeFileSync(path, gzipSync(JSON.stringify(value)));
}

export function readJsonGzip<T>(path: string): T {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as T;
}
