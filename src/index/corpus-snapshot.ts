// Each version keeps the corpus files it was built from, content-addressed under <index>/objects/, so that
// activating a version can restore the corpus to it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { corpusDataFileNames } from '../corpus/corpus-data-file-names.js';
import { articleExtensions } from '../corpus/read-corpus.js';
import { ruleFileNames } from '../rules/compile-rules.js';
import { readJson, versionsDirectoryName, writeJson } from './index-store.js';

export const snapshotFileName = 'corpus.json';
export const objectsDirectoryName = 'objects';

export interface SnapshotEntry {
  path: string;
  hash: string;
  bytes: number;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const objectPath = (indexDirectory: string, hash: string) => join(indexDirectory, objectsDirectoryName, hash);

function storeObject(indexDirectory: string, data: Buffer, hash = sha256(data)): string {
  const target = objectPath(indexDirectory, hash);
  if (existsSync(target)) return hash;
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
  return hash;
}

/**
 * Writes `corpus.json` (path, hash, bytes of every article, rule and corpus data file) into the version being
 * built, storing contents not yet kept. `articles` are the files ingest read (with the hashes it computed).
 */
export function writeCorpusSnapshot({ corpusDirectory, indexDirectory, staging, articles }: { corpusDirectory: string; indexDirectory: string; staging: string; articles: SnapshotEntry[] }): SnapshotEntry[] {
  const entries: SnapshotEntry[] = [];
  for (const article of articles) {
    if (existsSync(objectPath(indexDirectory, article.hash))) entries.push(article);
    else {
      const data = readFileSync(join(corpusDirectory, article.path));
      entries.push({ path: article.path, hash: storeObject(indexDirectory, data), bytes: data.length });
    }
  }
  const others = [...corpusDataFileNames, ...ruleFileNames.map((name) => `rules/${name}`)];
  for (const path of others) {
    if (!existsSync(join(corpusDirectory, path))) continue;
    const data = readFileSync(join(corpusDirectory, path));
    entries.push({ path, hash: storeObject(indexDirectory, data), bytes: data.length });
  }
  entries.sort((left, right) => left.path.localeCompare(right.path));
  writeJson(join(staging, snapshotFileName), entries);
  return entries;
}

/** The snapshot of a version, or null for a version built before snapshots were kept. */
export function readCorpusSnapshot(versionDirectory: string): SnapshotEntry[] | null {
  const path = join(versionDirectory, snapshotFileName);
  return existsSync(path) ? readJson<SnapshotEntry[]>(path) : null;
}

const isManaged = (path: string) => articleExtensions.some((extension) => path.toLowerCase().endsWith(extension)) || corpusDataFileNames.includes(path) || ruleFileNames.some((name) => path === `rules/${name}`);

function listManaged(root: string, directory = '', found: string[] = []): string[] {
  for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = directory ? `${directory}/${entry.name}` : entry.name;
    if (entry.isDirectory()) listManaged(root, path, found);
    else if (isManaged(path)) found.push(path);
  }
  return found;
}

/**
 * Makes the corpus directory hold exactly the snapshot's files: changed ones rewritten (each by an atomic
 * rename), missing ones restored, others removed, except `keep` (files the version skipped as unreadable).
 * Every object is checked first, so a missing one changes nothing.
 */
export function restoreCorpusSnapshot({ corpusDirectory, indexDirectory, entries, keep = [] }: { corpusDirectory: string; indexDirectory: string; entries: SnapshotEntry[]; keep?: string[] }): { written: string[]; removed: string[] } {
  const contents = entries.map((entry) => {
    const path = objectPath(indexDirectory, entry.hash);
    if (!existsSync(path)) throw new Error(`the kept copy of ${entry.path} (${entry.hash.slice(0, 12)}) is missing`);
    return { entry, data: readFileSync(path) };
  });
  const written: string[] = [];
  for (const { entry, data } of contents) {
    const target = join(corpusDirectory, entry.path);
    if (existsSync(target) && sha256(readFileSync(target)) === entry.hash) continue;
    mkdirSync(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${process.pid}.restore.tmp`);
    writeFileSync(temporary, data);
    renameSync(temporary, target);
    written.push(entry.path);
  }
  const wanted = new Set([...entries.map((entry) => entry.path), ...keep]);
  const removed = listManaged(corpusDirectory).filter((path) => !wanted.has(path));
  for (const path of removed) unlinkSync(join(corpusDirectory, path));
  return { written, removed };
}

/** Removes kept contents that no remaining version refers to. */
export function pruneSnapshotObjects(indexDirectory: string): number {
  const objects = join(indexDirectory, objectsDirectoryName);
  const versions = join(indexDirectory, versionsDirectoryName);
  if (!existsSync(objects) || !existsSync(versions)) return 0;
  const referenced = new Set<string>();
  for (const version of readdirSync(versions)) {
    for (const entry of readCorpusSnapshot(join(versions, version)) ?? []) referenced.add(entry.hash);
  }
  let removed = 0;
  for (const name of readdirSync(objects)) {
    if (referenced.has(name) || name.endsWith('.tmp')) continue;
    rmSync(join(objects, name), { force: true });
    removed++;
  }
  return removed;
}
