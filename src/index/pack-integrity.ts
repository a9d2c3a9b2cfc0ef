// Whether a pack file of a version is still the file that was published: a version may share files with the next one
// only while they are intact, so a damaged version is never carried forward.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from './index-store.js';

/** What the manifest records of a pack file: its size and SHA-1. */
export interface StoredFile {
  bytes: number;
  digest: string;
}

/** The pack files' identities on disk when the version was published (device, inode, size, time), by relative path. */
export type FileStamps = Record<string, string>;

export const stampsFileName = 'stamps.json';

export function digestOf(bytes: Buffer): StoredFile {
  return { bytes: bytes.length, digest: createHash('sha1').update(bytes).digest('hex') };
}

export function stampOf(path: string): string {
  const stat = statSync(path);
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** The stamps of `relativePaths` in `directory`. */
export function stampFiles(directory: string, relativePaths: readonly string[]): FileStamps {
  return Object.fromEntries(relativePaths.map((path) => [path, stampOf(join(directory, path))]));
}

export function readStamps(directory: string): FileStamps {
  try {
    return readJson<FileStamps>(join(directory, stampsFileName));
  } catch {
    return {};
  }
}

/**
 * A file whose stamp is unchanged is the one published (checked then). Any other file (copied, restored, touched,
 * rewritten in place) is read and compared with the recorded size and digest.
 */
export function isIntact({ directory, relativePath, record, stamps }: { directory: string; relativePath: string; record: StoredFile; stamps: FileStamps }): boolean {
  const path = join(directory, relativePath);
  try {
    if (stamps[relativePath] !== undefined && stamps[relativePath] === stampOf(path)) return true;
    const found = digestOf(readFileSync(path));
    return found.bytes === record.bytes && found.digest === record.digest;
  } catch {
    return false;
  }
}
