// Chooses the embedder: the offline hashing default, or an OpenAI-compatible endpoint by configuration.
import type { Embeddings } from '@langchain/core/embeddings';
import type { TextPipeline } from '../text/create-text-pipeline.js';
import { defaultEmbeddingsModel, embedderIdOf, hashingDimensions } from './embedder-id.js';
import { HashingEmbeddings } from './hashing-embeddings.js';
import { LazyOpenAIEmbeddings } from './lazy-openai-embeddings.js';

export interface EmbedderSettings {
  baseUrl?: string;
  apiKey?: string;
  model?: string;
}

export interface Embedder {
  embeddings: Embeddings;
  /** Recorded in the index; loading refuses an index built by another embedder. */
  id: string;
}

/** The configured embedder; without an endpoint, deterministic hashing embeddings that need no model. */
export function createEmbeddings({ settings, text }: { settings: EmbedderSettings; text: TextPipeline }): Embedder {
  if (settings.baseUrl) {
    const model = settings.model ?? defaultEmbeddingsModel;
    return {
      embeddings: new LazyOpenAIEmbeddings({ model, apiKey: settings.apiKey ?? 'not-needed', baseUrl: settings.baseUrl }),
      id: embedderIdOf(settings),
    };
  }
  const embeddings = new HashingEmbeddings({ dimensions: hashingDimensions, text });
  return { embeddings, id: embedderIdOf(settings) };
}
