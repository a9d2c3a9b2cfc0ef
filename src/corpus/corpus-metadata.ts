// The corpus metadata file (documents.yaml): what a plain .txt/.html cannot say about itself.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { SourceDocument } from './corpus-types.js';
import { corpusMetadataFileName } from './corpus-data-file-names.js';
import { corpusPathSchema, documentMetadataSchema, type DocumentMetadata } from './parse-front-matter.js';

export { corpusMetadataFileName };

/** Path → metadata that overrides the file's front matter and inferred metadata. */
export type CorpusMetadata = Record<string, DocumentMetadata>;

const corpusMetadataSchema = z.record(z.string(), documentMetadataSchema.strict().nullable().transform((value) => value ?? {}));

export class InvalidCorpusMetadataError extends AppError {
  constructor(reason: string) {
    super({ code: 'invalid_rules', message: `The corpus metadata file ${corpusMetadataFileName} is invalid: ${reason}. Fix the file and run again.` });
  }
}

/** Validates the text of documents.yaml; throws InvalidCorpusMetadataError naming the problem. */
export function parseCorpusMetadata(text: string): CorpusMetadata {
  let raw: unknown;
  if (text.replace(/#.*$/gm, '').trim() === '') return {};
  try {
    raw = loadYaml(text) ?? {};
  } catch (error) {
    throw new InvalidCorpusMetadataError((error as Error).message.split('\n')[0]);
  }
  const parsed = corpusMetadataSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  for (const path of Object.keys(parsed.data ?? {})) {
    const checked = corpusPathSchema.safeParse(path);
    if (!checked.success) problems.push(`${path}: ${checked.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  if (!parsed.success || problems.length > 0) throw new InvalidCorpusMetadataError(problems.join('; '));
  return parsed.data;
}

/** The corpus's documents.yaml, or no overrides when there is none. */
export function readCorpusMetadata({ corpusDirectory }: { corpusDirectory: string }): CorpusMetadata {
  const path = join(corpusDirectory, corpusMetadataFileName);
  return existsSync(path) ? parseCorpusMetadata(readFileSync(path, 'utf8')) : {};
}

/** The text of documents.yaml for `metadata` (paths sorted, empty entries dropped). */
export function formatCorpusMetadata(metadata: CorpusMetadata): string {
  const entries = Object.entries(metadata).filter(([, value]) => Object.keys(value).length > 0).sort(([left], [right]) => left.localeCompare(right));
  return `# Metadata of corpus documents that the files cannot carry themselves (written by the operator console).\n${dumpYaml(Object.fromEntries(entries), { lineWidth: -1 })}`;
}

/** A short fingerprint of one file's overrides, so that incremental ingest re-reads a file whose metadata changed. */
export function metadataFingerprint(metadata: DocumentMetadata | undefined): string {
  return createHash('sha256').update(JSON.stringify(metadata ?? {})).digest('hex').slice(0, 16);
}

/** The document with the metadata file's overrides applied (teasers only take what concerns the whole file). */
export function applyMetadataOverrides(document: SourceDocument, metadata: DocumentMetadata | undefined): SourceDocument {
  if (!metadata || document.kind !== 'article') return document;
  return {
    ...document,
    title: metadata.title ?? document.title,
    date: metadata.date ?? document.date,
    publisher: metadata.publisher ?? document.publisher,
    url: metadata.url ?? document.url,
    authority: metadata.authority ?? document.authority,
    supersedes: metadata.supersedes ?? document.supersedes,
    effectiveDate: metadata.effectiveDate ?? document.effectiveDate,
  };
}
