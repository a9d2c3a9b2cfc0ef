// Loads a published index version into memory and checks it matches the configured embedder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from '../errors/app-error.js';
import { createReadingContext, type ReadingContext } from '../reconcile/create-statement-context.js';
import { deriveClaims, type Claim } from '../reconcile/derive-claims.js';
import type { Statement } from '../reconcile/statement-types.js';
import { compileRules, type RuleSet, type RuleTexts } from '../rules/compile-rules.js';
import { publishedStandardAnswersFileName, type PublishedStandardAnswer } from '../standard-answers/standard-answer-types.js';
import { createTextPipeline, type TextPipeline } from '../text/create-text-pipeline.js';
import { buildBm25, type Bm25Data } from './bm25-index.js';
import { compareSourceIds } from './canonical-order.js';
import { structuresFileName } from './combine-summaries.js';
import { createEmbeddings, type Embedder, type EmbedderSettings } from './create-embeddings.js';
import { readCurrentVersion, readJson, readJsonGzip, versionDirectory } from './index-store.js';
import { indexFormatVersion, type CorpusStructures, type Manifest, type StoredChunk, type StoredDocument } from './index-types.js';
import { packFiles, packOf } from './pack-layout.js';
import { PackedVectors, type PackGraph, type VectorSearch } from './packed-vectors.js';
import { decodeShard, type FileShard } from './shard-codec.js';
import { readPack } from './shard-pack.js';
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
  /** In canonical order (documents by source id, then position); a chunk's label is its position. */
  chunks: StoredChunk[];
  /** HNSW label → position in `chunks`. */
  positionByLabel: Map<number, number>;
  vectors: VectorSearch;
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

/** Every pack's shards, checked against the manifest's file list, in corpus order. */
function readShards(directory: string, manifest: Manifest): Array<FileShard & { pack: number }> {
  const expected = new Map<number, string[]>();
  for (const file of manifest.files) {
    const pack = packOf({ path: file.path, packs: manifest.packs });
    const list = expected.get(pack);
    if (list) list.push(file.path);
    else expected.set(pack, [file.path]);
  }
  const shards = new Map<string, FileShard & { pack: number }>();
  for (let pack = 0; pack < manifest.packs; pack++) {
    const paths = expected.get(pack) ?? [];
    try {
      const frames = readPack(readFileSync(packFiles({ directory, pack }).shards));
      if (frames.length !== paths.length || frames.some((frame, position) => frame.path !== paths[position])) throw new Error('it does not hold the files the manifest lists');
      for (const frame of frames) shards.set(frame.path, { ...decodeShard(frame.shard), pack });
    } catch (error) {
      throw new IndexCorruptError(directory, `pack ${pack}'s shards cannot be read: ${(error as Error).message}`);
    }
  }
  return manifest.files.map((file) => shards.get(file.path)!);
}

/** Loads one version directory; throws IndexCorruptError or IndexMismatchError with a way to fix it. */
export function loadIndexVersion({ directory, embedderSettings }: { directory: string; embedderSettings: EmbedderSettings }): LoadedIndex {
  let manifest: Manifest;
  try {
    manifest = readJson<Manifest>(join(directory, 'manifest.json'));
  } catch (error) {
    throw new IndexCorruptError(directory, `manifest.json unreadable (${(error as Error).message})`);
  }
  if (manifest.formatVersion !== indexFormatVersion) throw new IndexCorruptError(directory, `format ${manifest.formatVersion} is not ${indexFormatVersion} (built by another version of this program)`);
  try {
    const rules = compileRules(readJson<RuleTexts>(join(directory, 'rules.json')));
    const text = createTextPipeline({ rules });
    const embedder = createEmbeddings({ settings: embedderSettings, text });
    if (embedder.id !== manifest.embedder.id) throw new IndexMismatchError({ built: manifest.embedder.id, configured: embedder.id });
    const structures = readJsonGzip<CorpusStructures>(join(directory, structuresFileName));
    const shards = readShards(directory, manifest);

    const inCorpusOrder = shards.flatMap((shard) => shard.documents);
    const documents = [...inCorpusOrder].sort((left, right) => compareSourceIds(left.sourceId, right.sourceId));
    const packOfSource = new Map(shards.flatMap((shard) => shard.documents.map((document) => [document.sourceId, shard.pack] as const)));
    const chunksBySource = groupBy(shards.flatMap((shard) => shard.chunks), (chunk) => chunk.sourceId);
    const statementsBySourceRead = groupBy(shards.flatMap((shard) => shard.statements), (statement) => statement.sourceId);
    const ordered = documents.flatMap((document) => chunksBySource.get(document.sourceId) ?? []);
    const graphLabels: number[][] = Array.from({ length: manifest.packs }, () => []);
    const chunks = ordered.map(({ id, sourceId, path, sentences }, label): StoredChunk => {
      graphLabels[packOfSource.get(sourceId)!].push(label);
      return { id, label, sourceId, path, sentences, group: structures.groups[id] ?? id };
    });
    if (chunks.length !== structures.lexical.chunks) throw new Error(`the packs hold ${chunks.length} chunks, corpus.json counts ${structures.lexical.chunks}`);
    const graphs: PackGraph[] = graphLabels.flatMap((labels, pack) =>
      labels.length === 0 ? [] : [{ index: VectorIndex.decompress({ bytes: readFileSync(packFiles({ directory, pack }).graph), dimensions: manifest.embedder.dimensions, labels: labels.map((_, local) => local), directory, name: `pack ${pack}'s graph` }), labels }],
    );
    // Statements in document order, each document's by offset, as they were always served.
    const statements = documents.flatMap((document) => (statementsBySourceRead.get(document.sourceId) ?? []).sort((left, right) => left.offset - right.offset));
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
      documents: new Map(inCorpusOrder.map((document) => [document.sourceId, document])),
      chunks,
      positionByLabel: new Map(chunks.map((chunk, position) => [chunk.label, position])),
      vectors: new PackedVectors(graphs, manifest.embedder.dimensions),
      lexical: buildBm25({ chunks: ordered }),
      statements,
      statementsByKey: new Map(statements.map((statement) => [statement.key, statement])),
      statementsByChunk: groupBy(statements, (statement) => statement.chunkId),
      statementsBySource: groupBy(statements, (statement) => statement.sourceId),
      claims,
      claimsByStatement: groupBy(claims, (claim) => claim.statement.key),
      claimsByWord,
      families: new Map(inCorpusOrder.map((document) => [document.sourceId, structures.families[document.sourceId] ?? document.sourceId])),
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
