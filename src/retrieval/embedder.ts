/**
 * Turns text into vectors for semantic search. Implementations: the bundled Universal Sentence
 * Encoder (offline default), OpenAI embeddings (when configured) and a hashed character n-gram
 * embedder for fast tests. Vectors are L2-normalised, so inner product equals cosine similarity.
 */
export interface Embedder {
  /** Stable model id; part of the embedding cache key (e.g. "hashed-ngram-256"). */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += vector[index]! * vector[index]!;
  const length = Math.sqrt(sum);
  if (length > 0) for (let index = 0; index < vector.length; index++) vector[index]! /= length;
  return vector;
}
