import { describe, expect, it } from 'vitest';
import { HashedNgramEmbedder, normaliseForNgrams } from './hashed-ngram-embedder.ts';

const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0;
  for (let index = 0; index < a.length; index++) dot += a[index]! * b[index]!;
  return dot;
};
const norm = (vector: Float32Array): number => Math.sqrt(cosine(vector, vector));

describe('HashedNgramEmbedder', () => {
  it('names its model and dimensions, including non-default settings', () => {
    expect(new HashedNgramEmbedder()).toMatchObject({ model: 'hashed-ngram-256', dimensions: 256 });
    expect(new HashedNgramEmbedder({ dimensions: 64 })).toMatchObject({ model: 'hashed-ngram-64', dimensions: 64 });
    expect(new HashedNgramEmbedder({ ngramSizes: [2, 3] }).model).toBe('hashed-ngram-256-n2-3');
    expect(() => new HashedNgramEmbedder({ dimensions: 0 })).toThrow(RangeError);
    expect(() => new HashedNgramEmbedder({ ngramSizes: [] })).toThrow(RangeError);
  });

  it('is deterministic, across calls and instances, and pinned to fixed values', async () => {
    const text = 'Monitor liver function tests before each dose.';
    const [first] = await new HashedNgramEmbedder().embed([text]);
    const [second] = await new HashedNgramEmbedder().embed([text]);
    expect(first).toEqual(second);
    // Pinned so a change to the hash or normalisation (which invalidates cached vectors) is noticed.
    const rounded = [...first!].map((value) => Math.round(value * 1e4) / 1e4);
    expect(rounded.filter((value) => value !== 0)).toHaveLength(61);
    expect([rounded[2], rounded[114], rounded[229]]).toEqual([-0.1222, -0.2443, 0.2443]);
  });

  it('returns unit vectors of the right length, in input order', async () => {
    const embedder = new HashedNgramEmbedder();
    const texts = ['peripheral neuropathy', 'webinar registration', 'a', 'hepatotoxicity'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(4);
    for (const [index, vector] of vectors.entries()) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(256);
      expect(norm(vector)).toBeCloseTo(1, 5);
      expect(vector).toEqual(embedder.embedOne(texts[index]!));
    }
  });

  it('puts similar texts closer than unrelated ones', async () => {
    const [query, similar, unrelated] = await new HashedNgramEmbedder().embed([
      'hepatotoxicity and liver enzyme monitoring',
      'monitor liver enzymes for hepatotoxicity',
      'webinar registration details',
    ]);
    expect(cosine(query!, similar!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.2);
  });

  it('ignores case, punctuation and spacing', async () => {
    const [a, b] = await new HashedNgramEmbedder().embed(['Liver-function  TESTS!', 'liver function tests']);
    expect(a).toEqual(b);
    expect(normaliseForNgrams('  Liver-function\tTESTS! ')).toBe(' liver function tests ');
  });

  it('embeds empty and punctuation-only text to the zero vector, never NaN', async () => {
    const vectors = await new HashedNgramEmbedder().embed(['', '   ', '?!', 'x']);
    for (const vector of vectors) expect(vector.every((value) => Number.isFinite(value))).toBe(true);
    expect(vectors.slice(0, 3).every((vector) => vector.every((value) => value === 0))).toBe(true);
    expect(norm(vectors[3]!)).toBeCloseTo(1, 5);
    expect(await new HashedNgramEmbedder().embed([])).toEqual([]);
  });

  it('handles non-Latin text and astral characters', async () => {
    const [greek, emoji] = await new HashedNgramEmbedder().embed(['ηπατοτοξικότητα', 'liver 🧪 test']);
    expect(norm(greek!)).toBeCloseTo(1, 5);
    expect(norm(emoji!)).toBeCloseTo(1, 5);
  });

  it('embeds thousands of texts per second', async () => {
    const embedder = new HashedNgramEmbedder();
    const texts = Array.from({ length: 2000 }, (_, index) => `Module ${index}: monitor liver function tests and report hepatotoxicity promptly to the prescriber.`);
    const started = performance.now();
    await embedder.embed(texts);
    const seconds = (performance.now() - started) / 1000;
    // Generous bound (a few thousand per second at the very least) so a slow CI machine does not flake.
    expect(texts.length / seconds).toBeGreaterThan(2000);
  });
});
