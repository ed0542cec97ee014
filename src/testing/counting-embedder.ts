import type { Embedder } from '../retrieval/embedder.ts';
import { HashedNgramEmbedder } from '../retrieval/hashed-ngram-embedder.ts';

/** For tests: the hashed n-gram embedder, counting the texts it embeds (unchanged text must never be embedded again). */
export class CountingEmbedder implements Embedder {
  readonly inner = new HashedNgramEmbedder();
  readonly model = this.inner.model;
  readonly dimensions = this.inner.dimensions;
  embedded = 0;

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.embedded += texts.length;
    return this.inner.embed(texts);
  }
}
