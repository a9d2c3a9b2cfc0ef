// Embedder settings for the command-line tools (the server reads them through its config).
import type { EmbedderSettings } from '../index/create-embeddings.js';

/** EMBEDDINGS_BASE_URL / EMBEDDINGS_API_KEY / EMBEDDINGS_MODEL; empty means the offline default. */
export function embedderSettingsFromEnvironment(environment: NodeJS.ProcessEnv): EmbedderSettings {
  return {
    baseUrl: environment.EMBEDDINGS_BASE_URL || undefined,
    apiKey: environment.EMBEDDINGS_API_KEY || undefined,
    model: environment.EMBEDDINGS_MODEL || undefined,
  };
}
