import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { topK } from './top-k.ts';
import { VectorRows } from './vector-rows.ts';

function randomVector(random: SeededRandom, dimensions: number, scale = 1): Float32Array {
  return Float32Array.from({ length: dimensions }, () => (random.next() - 0.5) * scale);
}

/** The exact ranking in float64, ties to the earlier position. */
function bruteForce(stored: readonly Float32Array[], query: Float32Array, rows: Int32Array, count: number, k: number) {
  const scores = Float64Array.from({ length: count }, (_, position) => {
    const vector = stored[rows[position]!]!;
    let sum = 0;
    for (let dimension = 0; dimension < vector.length; dimension++) sum += vector[dimension]! * query[dimension]!;
    return sum;
  });
  return topK(scores, null, count, k).map((position) => ({ position, similarity: scores[position]! }));
}

describe('VectorRows', () => {
  it.each([1, 5, 13, 64, 256, 300, 512])('finds the exact nearest rows (%i dimensions), in any row order and for any k', (dimensions) => {
    const random = new SeededRandom(dimensions);
    const rows = new VectorRows(dimensions);
    // Node 20 has WebAssembly SIMD: these tests exercise it, not the fallback.
    expect((rows as unknown as { dots: unknown }).dots).not.toBeNull();
    const stored: Float32Array[] = [];
    for (let row = 0; row < 1_500; row++) {
      // Unequal lengths, some rows repeated (ties must go to the earlier position), some zero.
      const vector = row % 97 === 5 ? stored[row - 1]! : row % 101 === 7 ? new Float32Array(dimensions) : randomVector(random, dimensions, random.next() * 2);
      stored.push(vector);
      rows.set(row, vector);
    }
    for (let round = 0; round < 25; round++) {
      const query = round === 0 ? new Float32Array(dimensions) : randomVector(random, dimensions, 3);
      const count = random.int(0, 1_500);
      const order = Int32Array.from({ length: 1_500 }, (_, position) => position);
      for (let position = order.length - 1; position > 0; position--) {
        const other = random.int(0, position);
        [order[position], order[other]] = [order[other]!, order[position]!];
      }
      const k = random.pick([1, 10, 100, 2_000]);
      expect(rows.nearest(query, order, count, k)).toEqual(bruteForce(stored, query, order, count, k));
    }
  });

  it('reads back what was stored, and grows past its first capacity', () => {
    const random = new SeededRandom(3);
    const rows = new VectorRows(7);
    const vectors = Array.from({ length: 5_000 }, () => randomVector(random, 7));
    vectors.forEach((vector, row) => rows.set(row, vector));
    expect(rows.get(0)).toEqual(vectors[0]);
    expect(rows.get(4_999)).toEqual(vectors[4_999]);
    // Overwriting a row replaces it.
    rows.set(10, vectors[11]!);
    expect(rows.get(10)).toEqual(vectors[11]);
  });

  it('ranks the same without WebAssembly (the plain JavaScript fallback)', () => {
    const random = new SeededRandom(8);
    const simd = new VectorRows(96);
    const plain = new VectorRows(96);
    (plain as unknown as { dots: null }).dots = null;
    for (let row = 0; row < 800; row++) {
      const vector = randomVector(random, 96);
      simd.set(row, vector);
      plain.set(row, vector);
    }
    const rows = Int32Array.from({ length: 800 }, (_, position) => 799 - position);
    for (let round = 0; round < 10; round++) {
      const query = randomVector(random, 96);
      expect(plain.nearest(query, rows, 800, 50)).toEqual(simd.nearest(query, rows, 800, 50));
    }
  });
});
