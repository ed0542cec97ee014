import { describe, expect, it } from 'vitest';
import { firstRelevantRank, mean, meanRecallAtK, meanReciprocalRank, recallAtK, reciprocalRank } from './metrics.ts';

describe('recall@k', () => {
  it('is the share of relevant ids found in the first k results', () => {
    const ranked = ['a', 'x', 'b', 'y', 'z', 'c'];
    expect(recallAtK(ranked, ['a', 'b', 'c'], 5)).toBeCloseTo(2 / 3);
    expect(recallAtK(ranked, ['a', 'b', 'c'], 6)).toBe(1);
    expect(recallAtK(ranked, ['a', 'b', 'c'], 1)).toBeCloseTo(1 / 3);
  });

  it('is 0 when nothing relevant is found, and for an empty ranking', () => {
    expect(recallAtK(['x', 'y'], ['a'], 5)).toBe(0);
    expect(recallAtK([], ['a'], 5)).toBe(0);
  });

  it('counts a repeated id once and ignores duplicate labels', () => {
    expect(recallAtK(['a', 'a', 'a'], ['a', 'b'], 5)).toBe(0.5);
    expect(recallAtK(['a'], ['a', 'a'], 5)).toBe(1);
  });

  it('works when fewer than k results come back', () => {
    expect(recallAtK(['b'], ['b'], 5)).toBe(1);
  });

  it('rejects an empty relevant set and a bad k', () => {
    expect(() => recallAtK(['a'], [], 5)).toThrow(RangeError);
    expect(() => recallAtK(['a'], ['a'], 0)).toThrow(RangeError);
    expect(() => recallAtK(['a'], ['a'], 2.5)).toThrow(RangeError);
  });
});

describe('reciprocal rank', () => {
  it('is 1 / the rank of the first relevant result', () => {
    expect(reciprocalRank(['a', 'b'], ['a'])).toBe(1);
    expect(reciprocalRank(['x', 'y', 'b', 'a'], ['a', 'b'])).toBeCloseTo(1 / 3);
    expect(firstRelevantRank(['x', 'y', 'b', 'a'], ['a', 'b'])).toBe(3);
  });

  it('is 0 when the first relevant result lies beyond the cutoff (default 10)', () => {
    const ranked = [...Array.from({ length: 10 }, (_, index) => `x${index}`), 'a'];
    expect(reciprocalRank(ranked, ['a'])).toBe(0);
    expect(firstRelevantRank(ranked, ['a'])).toBeNull();
    expect(reciprocalRank(ranked, ['a'], 11)).toBeCloseTo(1 / 11);
    expect(reciprocalRank(['x', 'a'], ['a'], 1)).toBe(0);
  });

  it('is 0 for an empty ranking', () => {
    expect(reciprocalRank([], ['a'])).toBe(0);
  });

  it('rejects an empty relevant set and a bad cutoff', () => {
    expect(() => reciprocalRank(['a'], [])).toThrow(RangeError);
    expect(() => reciprocalRank(['a'], ['a'], 0)).toThrow(RangeError);
  });
});

describe('means over queries', () => {
  it('averages reciprocal ranks and recalls', () => {
    const queries = [
      { ranked: ['a', 'b'], relevant: ['a'] }, // RR 1, recall@1 1
      { ranked: ['x', 'b'], relevant: ['b', 'c'] }, // RR 1/2, recall@1 0
      { ranked: ['x', 'y'], relevant: ['c'] }, // RR 0, recall@1 0
    ];
    expect(meanReciprocalRank(queries)).toBeCloseTo(0.5);
    expect(meanRecallAtK(queries, 1)).toBeCloseTo(1 / 3);
    expect(meanRecallAtK(queries, 2)).toBeCloseTo((1 + 0.5 + 0) / 3);
  });

  it('gives NaN for no queries', () => {
    expect(mean([])).toBeNaN();
    expect(meanReciprocalRank([])).toBeNaN();
  });
});
