// Walks a corpus directory and reads its article files, skipping bad ones with a reason.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import type { SkippedFile } from './corpus-types.js';

export interface CorpusFile {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  text: string;
  hash: string;
  bytes: number;
  /** Modification time, for the stat cache of incremental runs. */
  modified?: number;
  /** True when the file was not read because its size and time match `known` (then `text` is empty). */
  unchanged?: boolean;
}

/** What a previous run knew of a file: when size and modification time still match, it is not read again. */
export interface KnownFile {
  hash: string;
  bytes: number;
  modified: number;
}

export const articleExtensions = ['.txt', '.md', '.html', '.htm'];
export const maxFileBytes = 5 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function listFiles(directory: string, prefix: string, found: string[], skipped: SkippedFile[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true }).sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  } catch (error) {
    skipped.push({ path: prefix || '.', reason: `directory cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}` });
    return;
  }
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith('.')) continue;
    const path = join(directory, name);
    const relativePath = prefix ? `${prefix}/${name}` : name;
    if (relativePath === 'rules') continue;
    // The entry's own type saves a stat per file; only a symbolic link needs one, to see what it points at.
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDirectory = statSync(path).isDirectory();
      } catch (error) {
        skipped.push({ path: relativePath, reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}` });
        continue;
      }
    }
    if (isDirectory) listFiles(path, relativePath, found, skipped);
    else if (articleExtensions.includes(extname(name).toLowerCase())) found.push(relativePath);
  }
}

/** Reads every article file under `corpusDirectory` (not `rules/`); unreadable, binary, non-UTF-8, empty or oversized files are skipped. */
export function readCorpus({ corpusDirectory, known }: { corpusDirectory: string; known?: Map<string, KnownFile> }): { files: CorpusFile[]; skipped: SkippedFile[] } {
  const paths: string[] = [];
  const skipped: SkippedFile[] = [];
  listFiles(corpusDirectory, '', paths, skipped);
  const files: CorpusFile[] = [];
  for (const path of paths) {
    let buffer: Buffer;
    let modified: number;
    try {
      const stat = statSync(join(corpusDirectory, path));
      const size = stat.size;
      modified = stat.mtimeMs;
      const before = known?.get(path);
      if (before && before.bytes === size && before.modified === modified) {
        files.push({ path, text: '', hash: before.hash, bytes: size, modified, unchanged: true });
        continue;
      }
      if (size > maxFileBytes) {
        skipped.push({ path, reason: `file too large (${size} bytes, limit ${maxFileBytes})` });
        continue;
      }
      buffer = readFileSync(join(corpusDirectory, path));
    } catch (error) {
      skipped.push({ path, reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}` });
      continue;
    }
    if (buffer.includes(0)) {
      skipped.push({ path, reason: 'binary file (contains NUL bytes)' });
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(buffer);
    } catch {
      skipped.push({ path, reason: 'not valid UTF-8 text' });
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') {
      skipped.push({ path, reason: 'empty file' });
      continue;
    }
    files.push({ path, text, bytes: buffer.length, modified, hash: createHash('sha256').update(buffer).digest('hex') });
  }
  return { files, skipped };
}
