import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter } from './rate-limiter.ts';

describe('FixedWindowRateLimiter', () => {
  it('allows the limit per key and window, then says how long to wait; waitFor counts nothing', () => {
    let now = 0;
    const limiter = new FixedWindowRateLimiter(2, 60_000, () => new Date(now));
    expect(limiter.waitFor('a')).toBe(0);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    now = 15_000;
    expect(limiter.waitFor('a')).toBe(45_000);
    expect(limiter.take('a')).toBe(45_000);
    expect(limiter.take('b')).toBe(0);
    // Peeking a thousand times uses up nothing.
    for (let index = 0; index < 1_000; index++) expect(limiter.waitFor('c')).toBe(0);
    expect(limiter.take('c')).toBe(0);
    now = 60_000;
    expect(limiter.waitFor('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
  });
});
