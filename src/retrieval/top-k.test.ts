import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { topK } from './top-k.ts';

describe('topK', () => {
  it('is the head of a full sort (higher score first, then the lower index), for any k', () => {
    const random = new SeededRandom(9);
    for (let round = 0; round < 200; round++) {
      const size = random.int(0, 300);
      // Few distinct values, so ties are common.
      const scores = Float64Array.from({ length: size }, () => random.int(0, 20) / 4);
      const candidates = Array.from({ length: size }, (_, index) => index).filter(() => random.chance(0.7));
      const k = random.int(0, 60);
      const sorted = [...candidates].sort((a, b) => scores[b]! - scores[a]! || a - b);
      expect(topK(scores, candidates, candidates.length, k)).toEqual(sorted.slice(0, k));
    }
  });

  it('reads only the first `count` candidates, and all indexes when candidates is null', () => {
    const scores = [5, 1, 9, 3, 7];
    expect(topK(scores, [0, 1, 2, 3, 4], 2, 5)).toEqual([0, 1]);
    expect(topK(scores, null, 5, 3)).toEqual([2, 4, 0]);
    expect(topK(scores, null, 0, 3)).toEqual([]);
    expect(topK(scores, null, 5, 0)).toEqual([]);
  });
});
