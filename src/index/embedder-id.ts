// The id an index records for its embedder, known from the settings alone (without loading any embeddings client).
import type { EmbedderSettings } from './create-embeddings.js';

export const hashingDimensions = 256;
export const defaultEmbeddingsModel = 'text-embedding-3-small';

/** `hashing-v1/<dimensions>` for the offline embedder, `openai/<model>@<base URL>` for an endpoint. */
export function embedderIdOf(settings: EmbedderSettings): string {
  if (settings.baseUrl) return `openai/${settings.model ?? defaultEmbeddingsModel}@${settings.baseUrl}`;
  return `hashing-v1/${hashingDimensions}`;
}
