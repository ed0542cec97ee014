import type { Config } from '../config.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { CachedEmbedder } from './cached-embedder.ts';
import type { Embedder } from './embedder.ts';
import { HashedNgramEmbedder } from './hashed-ngram-embedder.ts';

/**
 * The configured embedder behind the persistent cache. The Universal Sentence Encoder and the
 * OpenAI client are imported only when chosen, so other paths never pay for loading them.
 */
export async function createEmbedder(config: Config['embedder'], store: OmniStore): Promise<Embedder> {
  let inner: Embedder;
  switch (config.kind) {
    case 'hashed-ngram':
      inner = new HashedNgramEmbedder();
      break;
    case 'use': {
      const { UniversalSentenceEncoderEmbedder } = await import('./universal-sentence-encoder.ts');
      inner = new UniversalSentenceEncoderEmbedder();
      break;
    }
    case 'openai': {
      const { OpenAIEmbedder } = await import('./openai-embedder.ts');
      inner = new OpenAIEmbedder({
        apiKey: config.apiKey,
        model: config.model,
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
        // Sent to the server only when set: needed for models outside the known table (Ollama, vLLM).
        ...(config.dimensions ? { dimensions: config.dimensions } : {}),
      });
      break;
    }
  }
  return new CachedEmbedder(inner, store.embeddingCache, { transaction: (work) => store.transaction(work) });
}
