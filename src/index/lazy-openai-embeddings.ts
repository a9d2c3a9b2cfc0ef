// OpenAIEmbeddings loaded on first use, so that @langchain/openai costs start-up time only where an endpoint is set.
import { Embeddings } from '@langchain/core/embeddings';

export interface OpenAIEmbeddingsSettings {
  model: string;
  apiKey: string;
  baseUrl: string;
}

export class LazyOpenAIEmbeddings extends Embeddings {
  private loaded: Promise<Embeddings> | null = null;

  constructor(private readonly settings: OpenAIEmbeddingsSettings) {
    super({});
  }

  private model(): Promise<Embeddings> {
    this.loaded ??= import('@langchain/openai').then(
      ({ OpenAIEmbeddings }) => new OpenAIEmbeddings({ model: this.settings.model, apiKey: this.settings.apiKey, configuration: { baseURL: this.settings.baseUrl }, maxRetries: 2 }),
    );
    return this.loaded;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.model()).embedQuery(text);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.model()).embedDocuments(texts);
  }
}
