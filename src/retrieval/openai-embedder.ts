import { OpenAIEmbeddings } from '@langchain/openai';
import { AppError } from '../core/app-error.ts';
import { normalise, type Embedder } from './embedder.ts';

export interface OpenAIEmbedderOptions {
  /** API key (any non-empty string for local servers that do not check it). */
  apiKey: string;
  /** Base URL of an OpenAI-compatible API, including `/v1` (e.g. http://127.0.0.1:11434/v1). Default: OpenAI. */
  baseURL?: string;
  /** Embedding model name, e.g. text-embedding-3-small. */
  model: string;
  /**
   * Output length. When given it is sent as the `dimensions` request parameter (text-embedding-3
   * models shorten their vectors; many other servers reject the parameter, so leave it out for
   * them). When left out, the model's native length must be known (see NATIVE_DIMENSIONS).
   */
  dimensions?: number;
  /** Per-request timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Retries after a failed request (timeouts, 429 and 5xx; never 401/404). Default 2. */
  maxRetries?: number;
  /** Texts per request. Default 256. */
  batchSize?: number;
}

/** Native output lengths of well-known embedding models, used when `dimensions` is not given. */
export const NATIVE_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/**
 * Embeddings from OpenAI or any OpenAI-compatible server (Azure OpenAI, vLLM, Ollama, llama.cpp)
 * through LangChain's `OpenAIEmbeddings`. Floats are requested explicitly: the `openai` client
 * otherwise asks for base64, which several compatible servers do not implement. Blank texts get
 * the zero vector without a request (the API rejects empty input). Errors surface as AppError:
 * CONFIG_INVALID for a rejected key, an unknown model or a wrong vector length, INTERNAL otherwise.
 */
export class OpenAIEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly client: OpenAIEmbeddings;

  constructor(options: OpenAIEmbedderOptions) {
    const dimensions = options.dimensions ?? NATIVE_DIMENSIONS[options.model];
    if (dimensions === undefined) {
      throw new AppError('CONFIG_INVALID', `the output length of embedding model "${options.model}" is unknown: set its dimensions`);
    }
    if (!Number.isInteger(dimensions) || dimensions < 1) {
      throw new AppError('CONFIG_INVALID', `embedding dimensions must be a positive integer, got ${dimensions}`);
    }
    this.dimensions = dimensions;
    // Shortened vectors differ from native ones, and the id is part of the embedding cache key.
    this.model = options.dimensions === undefined ? `openai:${options.model}` : `openai:${options.model}@${dimensions}`;
    this.client = new OpenAIEmbeddings({
      apiKey: options.apiKey,
      model: options.model,
      ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
      encodingFormat: 'float',
      stripNewLines: false,
      batchSize: options.batchSize ?? 256,
      timeout: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      configuration: options.baseURL === undefined ? {} : { baseURL: options.baseURL },
    });
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const results = texts.map(() => new Float32Array(this.dimensions));
    const pending = texts.flatMap((text, index) => (text.trim().length > 0 ? [{ index, text }] : []));
    if (pending.length === 0) return results;
    let vectors: number[][];
    try {
      vectors = await this.client.embedDocuments(pending.map((item) => item.text));
    } catch (error) {
      throw toAppError(error);
    }
    if (vectors.length !== pending.length) {
      throw new AppError('INTERNAL', `the embedding service returned ${vectors.length} vectors for ${pending.length} texts`);
    }
    for (const [offset, item] of pending.entries()) {
      const vector = vectors[offset];
      if (!Array.isArray(vector)) {
        throw new AppError('INTERNAL', 'the embedding service returned a malformed response');
      }
      if (vector.length !== this.dimensions) {
        throw new AppError('CONFIG_INVALID', `the embedding service returned vectors of length ${vector.length}, configured ${this.dimensions}`, {
          details: { returned: vector.length, configured: this.dimensions },
        });
      }
      if (!vector.every((value) => Number.isFinite(value))) {
        throw new AppError('INTERNAL', 'the embedding service returned a non-finite value');
      }
      const target = results[item.index]!;
      target.set(vector);
      normalise(target);
    }
    return results;
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  const name = error instanceof Error ? error.name : undefined;
  if (status === 401 || status === 403) {
    return new AppError('CONFIG_INVALID', `the embedding service rejected the API key (HTTP ${status})`, { cause: error, details: { status } });
  }
  if (status === 404) {
    return new AppError('CONFIG_INVALID', 'the embedding service does not know the model or endpoint (HTTP 404)', { cause: error, details: { status } });
  }
  if (status !== undefined) {
    return new AppError('INTERNAL', `the embedding service failed (HTTP ${status})`, { cause: error, details: { status } });
  }
  if (name === 'TimeoutError') return new AppError('INTERNAL', 'the embedding service timed out', { cause: error, details: { timeout: true } });
  return new AppError('INTERNAL', 'could not reach the embedding service', { cause: error });
}
