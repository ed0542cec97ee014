import { createHash } from 'node:crypto';
import type { EmbeddingCacheRepository } from '../domain/repositories.ts';
import { AppError } from '../core/app-error.ts';
import type { Embedder } from './embedder.ts';

/** The cache key of a text: hex sha256 of its UTF-8 bytes, exactly as given (no trimming or case folding). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface CachedEmbedderOptions {
  /** Runs the cache writes of one `embed` call together, e.g. `(work) => store.transaction(work)`. */
  transaction?: <T>(work: () => T) => T;
}

/**
 * Wraps an embedder with the persistent embedding cache, keyed by (sha256 of the text, model id):
 * cached vectors are returned without calling the inner embedder; the misses of a call (each
 * distinct text once) are embedded in one batch and stored. A cached vector whose length does not
 * match the embedder's dimensions is treated as a miss and overwritten.
 */
export class CachedEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;

  constructor(
    private readonly inner: Embedder,
    private readonly cache: EmbeddingCacheRepository,
    private readonly options: CachedEmbedderOptions = {},
  ) {
    this.model = inner.model;
    this.dimensions = inner.dimensions;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const hashes = texts.map(contentHash);
    const found = new Map<string, Float32Array>();
    const misses = new Map<string, string>(); // hash → text, first occurrence only
    for (const [index, hash] of hashes.entries()) {
      if (found.has(hash) || misses.has(hash)) continue;
      const cached = this.cache.get(hash, this.model);
      if (cached && cached.length === this.dimensions) found.set(hash, cached);
      else misses.set(hash, texts[index]!);
    }

    if (misses.size > 0) {
      const missHashes = [...misses.keys()];
      const vectors = await this.inner.embed([...misses.values()]);
      if (vectors.length !== missHashes.length) {
        throw new AppError('INTERNAL', `embedder ${this.model} returned ${vectors.length} vectors for ${missHashes.length} texts`);
      }
      const store = () => {
        for (const [offset, hash] of missHashes.entries()) {
          const vector = vectors[offset]!;
          if (vector.length !== this.dimensions) {
            throw new AppError('INTERNAL', `embedder ${this.model} returned a vector of length ${vector.length}, expected ${this.dimensions}`);
          }
          this.cache.put(hash, this.model, vector);
          found.set(hash, vector);
        }
      };
      if (this.options.transaction) this.options.transaction(store);
      else store();
    }

    // A text repeated within one call gets its own copy, so callers may modify results freely.
    const handedOut = new Set<Float32Array>();
    return hashes.map((hash) => {
      const vector = found.get(hash)!;
      if (handedOut.has(vector)) return vector.slice();
      handedOut.add(vector);
      return vector;
    });
  }
}
