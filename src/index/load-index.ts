// Loads a published index version into memory and checks it matches the configured embedder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../corpus/corpus-types.js';
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from '../errors/app-error.js';
import type { Claim } from '../reconcile/claim-types.js';
import { prepareTopics, type PreparedTopic } from '../reconcile/topic-matcher.js';
import { compileRules, type RuleSet, type RuleTexts } from '../rules/compile-rules.js';
import { publishedStandardAnswersFileName, type PublishedStandardAnswer } from '../standard-answers/standard-answer-types.js';
import { createTextPipeline, type TextPipeline } from '../text/create-text-pipeline.js';
import type { Bm25Data } from './bm25-index.js';
import { createEmbeddings, type Embedder, type EmbedderSettings } from './create-embeddings.js';
import { readCurrentVersion, readJson, versionDirectory } from './index-store.js';
import { indexFormatVersion, type Manifest, type StoredChunk } from './index-types.js';
import { VectorIndex } from './vector-index.js';

export interface LoadedIndex {
  version: string;
  directory: string;
  manifest: Manifest;
  rules: RuleSet;
  text: TextPipeline;
  topics: PreparedTopic[];
  embedder: Embedder;
  documents: Map<string, SourceDocument>;
  chunks: StoredChunk[];
  /** HNSW label → position in `chunks`. */
  positionByLabel: Map<number, number>;
  vectors: VectorIndex;
  lexical: Bm25Data;
  claims: Claim[];
  claimsByTopic: Map<string, Claim[]>;
  /** `${chunkId}:${offset}` → the claims its sentence states. */
  claimsBySentence: Map<string, Claim[]>;
  families: Map<string, string>;
  /** token → the tokens of every synonym group it belongs to. */
  synonymAlternatives: Map<string, string[]>;
  /** The synonym groups and treatment cues, normalized once. */
  normalizedSynonyms: string[][];
  normalizedTreatmentCues: string[];
  /** Editors' standard answers published with this version (none in versions built before them). */
  standardAnswers: PublishedStandardAnswer[];
  /** Memo of topic resolutions by topic and user scope (resolution is a pure function of both). */
  resolutions: Map<string, unknown>;
}

function alternativesOf(rules: RuleSet, text: TextPipeline): Map<string, string[]> {
  const alternatives = new Map<string, string[]>();
  for (const group of rules.synonyms) {
    const members = group.map(text.normalize);
    for (const member of members) {
      for (const token of [member, ...text.tokensOfNormalized(member)]) alternatives.set(token, [...new Set([...(alternatives.get(token) ?? []), ...members])]);
    }
  }
  return alternatives;
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
    const documents = readJson<SourceDocument[]>(join(directory, 'documents.json'));
    const chunks = readJson<StoredChunk[]>(join(directory, 'chunks.json'));
    const claims = readJson<Claim[]>(join(directory, 'claims.json'));
    const claimsByTopic = new Map<string, Claim[]>();
    const claimsBySentence = new Map<string, Claim[]>();
    for (const claim of claims) {
      const sentenceKey = `${claim.chunkId}:${claim.offset}`;
      claimsBySentence.set(sentenceKey, [...(claimsBySentence.get(sentenceKey) ?? []), claim]);
      const list = claimsByTopic.get(claim.topic);
      if (list) list.push(claim);
      else claimsByTopic.set(claim.topic, [claim]);
    }
    return {
      version: manifest.version,
      directory,
      manifest,
      rules,
      text,
      topics: prepareTopics({ topics: rules.topics, normalize: text.normalize }),
      embedder,
      documents: new Map(documents.map((document) => [document.sourceId, document])),
      chunks,
      positionByLabel: new Map(chunks.map((chunk, position) => [chunk.label, position])),
      vectors: VectorIndex.read({ path: join(directory, 'vectors.hnsw'), dimensions: manifest.embedder.dimensions, liveCount: chunks.length }),
      lexical: readJson<Bm25Data>(join(directory, 'lexical.json')),
      claims,
      claimsByTopic,
      claimsBySentence,
      families: new Map(Object.entries(readJson<Record<string, string>>(join(directory, 'families.json')))),
      synonymAlternatives: alternativesOf(rules, text),
      normalizedSynonyms: rules.synonyms.map((group) => group.map(text.normalize)),
      normalizedTreatmentCues: rules.domain.treatmentCues.map(text.normalize),
      standardAnswers: existsSync(join(directory, publishedStandardAnswersFileName)) ? readJson<PublishedStandardAnswer[]>(join(directory, publishedStandardAnswersFileName)) : [],
      resolutions: new Map(),
    };
  } catch (error) {
    if (error instanceof IndexMismatchError) throw error;
    throw new IndexCorruptError(directory, (error as Error).message);
  }
}

/** Loads the version `<indexDirectory>/current` points at. */
export function loadIndex({ indexDirectory, embedderSettings }: { indexDirectory: string; embedderSettings: EmbedderSettings }): LoadedIndex {
  const version = readCurrentVersion(indexDirectory);
  if (!version || !existsSync(versionDirectory(indexDirectory, version))) throw new IndexNotFoundError(indexDirectory);
  return loadIndexVersion({ directory: versionDirectory(indexDirectory, version), embedderSettings });
}
