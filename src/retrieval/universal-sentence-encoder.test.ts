import net from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  loadUniversalSentenceEncoder,
  UniversalSentenceEncoderEmbedder,
  universalSentenceEncoderLoadMilliseconds,
} from './universal-sentence-encoder.ts';

// Loading the model takes well under a second here, embedding a few texts a fraction of that;
// the bounds are generous for slow CI machines.
const MODEL_TIMEOUT = 120_000;

const dot = (a: Float32Array, b: Float32Array): number => {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index]! * b[index]!;
  return sum;
};

const embedder = new UniversalSentenceEncoderEmbedder();

afterAll(() => vi.restoreAllMocks());

describe('UniversalSentenceEncoderEmbedder', () => {
  // First in the file, so this is the process's one model load.
  it('loads the bundled model without touching the network', { timeout: MODEL_TIMEOUT }, async () => {
    const fetchAttempt = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      throw new Error(`network access attempted: fetch ${String(input)}`);
    });
    const socketAttempt = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket) {
      throw new Error('network access attempted: socket connect');
    });
    try {
      await embedder.warmUp();
      const [vector] = await embedder.embed(['offline check']);
      expect(vector).toHaveLength(512);
    } finally {
      fetchAttempt.mockRestore();
      socketAttempt.mockRestore();
    }
    expect(fetchAttempt).not.toHaveBeenCalled();
    expect(socketAttempt).not.toHaveBeenCalled();
    expect(universalSentenceEncoderLoadMilliseconds()).toBeGreaterThan(0);
    // Loaded once per process: later loads share the same model.
    expect(await loadUniversalSentenceEncoder()).toBe(await loadUniversalSentenceEncoder());
  });

  it('names its model and dimensions', () => {
    expect(embedder).toMatchObject({ model: 'use-512', dimensions: 512 });
    expect(() => new UniversalSentenceEncoderEmbedder({ batchSize: 0 })).toThrow(RangeError);
  });

  it('puts related clinical texts closer than unrelated ones', { timeout: MODEL_TIMEOUT }, async () => {
    const vectors = await embedder.embed([
      'hepatotoxicity and liver enzyme monitoring',
      'monitor liver function tests',
      'webinar registration details',
    ]);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(512);
      expect(vector.every((value) => Number.isFinite(value))).toBe(true);
      expect(dot(vector, vector)).toBeCloseTo(1, 4);
    }
    const [query, related, unrelated] = vectors as [Float32Array, Float32Array, Float32Array];
    // Measured: 0.66 against 0.28.
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('keeps input order although it batches by length, and gives blank texts the zero vector', { timeout: MODEL_TIMEOUT }, async () => {
    const texts = [
      'Serious infections leading to hospitalization or death have occurred in patients receiving this drug.',
      '',
      'neuropathy',
      '  \n\t ',
      'Peripheral neuropathy:\nmonitor patients for symptoms.',
      '',
    ];
    const together = await new UniversalSentenceEncoderEmbedder({ batchSize: 2 }).embed(texts);
    expect(together).toHaveLength(texts.length);
    for (const index of [1, 3, 5]) expect(together[index]!.every((value) => value === 0)).toBe(true);
    for (const index of [0, 2, 4]) {
      const [alone] = await embedder.embed([texts[index]!]);
      // Batching pads shorter texts; the encoder masks the padding, so vectors agree up to float error.
      expect(dot(together[index]!, alone!)).toBeGreaterThan(0.9999);
    }
    // Whitespace is collapsed before tokenising.
    const [spaced, single] = await embedder.embed(['Peripheral neuropathy:\nmonitor  patients', 'Peripheral neuropathy: monitor patients']);
    expect(dot(spaced!, single!)).toBeGreaterThan(0.9999);
    expect(await embedder.embed([])).toEqual([]);
  });

  it('does not leak tensors across calls', { timeout: MODEL_TIMEOUT }, async () => {
    // @energetic-ai/core re-exports TensorFlow.js's types from a package it does not install, hence the cast.
    const { memory } = (await import('@energetic-ai/core')) as unknown as { memory(): { numTensors: number } };
    await embedder.embed(['warm up the kernels once']);
    const before = memory().numTensors;
    await embedder.embed(['infusion reactions', 'hepatitis B reactivation', 'tuberculosis screening before treatment']);
    expect(memory().numTensors).toBe(before);
  });
});
