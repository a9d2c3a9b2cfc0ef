// Loads a published index version into memory and checks it matches the configured embedder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from '../errors/app-error.js';
import { createReadingContext, type ReadingContext } from '../reconcile/create-statement-context.js';
import { deriveClaims, type Claim } from '../reconcile/derive-claims.js';
import type { Statement } from '../reconcile/statement-types.js';
import { compileRules, type RuleSet, type RuleTexts } from '../rules/compile-rules.js';
import { publishedStandardAnswersFileName, type PublishedStandardAnswer } from '../standard-answers/standard-answer-types.js';
import { createTextPipeline, type TextPipeline } from '../text/create-text-pipeline.js';
import type { Bm25Data } from './bm25-index.js';
import { createEmbeddings, type Embedder, type EmbedderSettings } from './create-embeddings.js';
import { readCurrentVersion, readJson, versionDirectory } from './index-store.js';
import { indexFormatVersion, type Manifest, type StoredChunk, type StoredDocument } from './index-types.js';
import { VectorIndex } from './vector-index.js';

export interface LoadedIndex {
  version: string;
  directory: string;
  manifest: Manifest;
  rules: RuleSet;
  text: TextPipeline;
  /** The rule vocabularies, normalized once. */
  reading: ReadingContext;
  embedder: Embedder;
  documents: Map<string, StoredDocument>;
  chunks: StoredChunk[];
  /** HNSW label → position in `chunks`. */
  positionByLabel: Map<number, number>;
  vectors: VectorIndex;
  lexical: Bm25Data;
  statements: Statement[];
  statementsByKey: Map<string, Statement>;
  /** chunk id → its statements in order. */
  statementsByChunk: Map<string, Statement[]>;
  /** source id → its statements in document order. */
  statementsBySource: Map<string, Statement[]>;
  claims: Claim[];
  /** statement key → its claims. */
  claimsByStatement: Map<string, Claim[]>;
  /** canonical subject word → the claims about it. */
  claimsByWord: Map<string, Claim[]>;
  families: Map<string, string>;
  normalizedTreatmentCues: string[];
  /** Editors' standard answers published with this version (none in versions built before them). */
  standardAnswers: PublishedStandardAnswer[];
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Loads one version directory; throws IndexCorruptError or IndexMismatchError with a way to fix it. */
export function loadIndexVersion({ directory, embedderSettings }: { directory: string; embedderSettings: EmbedderSettings }): LoadedIndex {
  let manifest: Manifest;
  try {
    manifest = readJson<Manifest>(join(directory, 'manifest.json'));
  } catch (error) {
    throw new IndexCorruptError(directory, `manifest.json unreadable (${(error as Error).message})`);
  }
  if (manifest.formatVersion !== indexFormatVersion) throw new IndexCorruptError(directory, `format ${manifest.formatVersion} is not ${indexFormatVersion}`);
  try {
    const rules = compileRules(readJson<RuleTexts>(join(directory, 'rules.json')));
    const text = createTextPipeline({ rules });
    const embedder = createEmbeddings({ settings: embedderSettings, text });
    if (embedder.id !== manifest.embedder.id) throw new IndexMismatchError({ built: manifest.embedder.id, configured: embedder.id });
    const documents = readJson<StoredDocument[]>(join(directory, 'documents.json'));
    const chunks = readJson<StoredChunk[]>(join(directory, 'chunks.json'));
    const statements = readJson<Statement[]>(join(directory, 'statements.json')).sort((left, right) => left.sourceId.localeCompare(right.sourceId) || left.offset - right.offset);
    const reading = createReadingContext({ rules, text });
    const claims = statements.flatMap((statement) => deriveClaims({ statement, language: reading.language }));
    const claimsByWord = new Map<string, Claim[]>();
    for (const claim of claims) {
      for (const word of claim.subject) {
        const list = claimsByWord.get(word);
        if (list) list.push(claim);
        else claimsByWord.set(word, [claim]);
      }
    }
    return {
      version: manifest.version,
      directory,
      manifest,
      rules,
      text,
      reading,
      embedder,
      documents: new Map(documents.map((document) => [document.sourceId, document])),
      chunks,
      positionByLabel: new Map(chunks.map((chunk, position) => [chunk.label, position])),
      vectors: VectorIndex.read({ path: join(directory, 'vectors.hnsw'), dimensions: manifest.embedder.dimensions, labels: chunks.map((chunk) => chunk.label) }),
      lexical: readJson<Bm25Data>(join(directory, 'lexical.json')),
      statements,
      statementsByKey: new Map(statements.map((statement) => [statement.key, statement])),
      statementsByChunk: groupBy(statements, (statement) => statement.chunkId),
      statementsBySource: groupBy(statements, (statement) => statement.sourceId),
      claims,
      claimsByStatement: groupBy(claims, (claim) => claim.statement.key),
      claimsByWord,
      families: new Map(Object.entries(readJson<Record<string, string>>(join(directory, 'families.json')))),
      normalizedTreatmentCues: rules.domain.treatmentCues.map(text.normalize),
      standardAnswers: existsSync(join(directory, publishedStandardAnswersFileName)) ? readJson<PublishedStandardAnswer[]>(join(directory, publishedStandardAnswersFileName)) : [],
    };
  } catch (error) {
    if (error instanceof IndexMismatchError || error instanceof IndexCorruptError) throw error;
    throw new IndexCorruptError(directory, (error as Error).message);
  }
}

/** Loads the version `<indexDirectory>/current` points at. */
export function loadIndex({ indexDirectory, embedderSettings }: { indexDirectory: string; embedderSettings: EmbedderSettings }): LoadedIndex {
  const version = readCurrentVersion(indexDirectory);
  if (!version || !existsSync(versionDirectory(indexDirectory, version))) throw new IndexNotFoundError(indexDirectory);
  return loadIndexVersion({ directory: versionDirectory(indexDirectory, version), embedderSettings });
}
