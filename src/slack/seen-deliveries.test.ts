import { describe, expect, it } from 'vitest';
import { SeenDeliveries } from './seen-deliveries.ts';

describe('SeenDeliveries', () => {
  it('lets an id through once within the TTL, and again after it', () => {
    let now = 1_000;
    const seen = new SeenDeliveries({ ttlMs: 100, now: () => now });
    expect(seen.firstTime('event:Ev1')).toBe(true);
    expect(seen.firstTime('event:Ev1')).toBe(false);
    expect(seen.firstTime('event:Ev2')).toBe(true);
    now += 99;
    expect(seen.firstTime('event:Ev1')).toBe(false);
    now += 1;
    expect(seen.firstTime('event:Ev1')).toBe(true);
    // Expired ids are forgotten, so memory stays bounded by the traffic of one TTL.
    expect(seen.size).toBe(1);
  });

  it('keeps at most maxEntries ids, forgetting the oldest first', () => {
    const seen = new SeenDeliveries({ maxEntries: 3, now: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) expect(seen.firstTime(id)).toBe(true);
    expect(seen.size).toBe(3);
    expect(seen.firstTime('d')).toBe(false);
    expect(seen.firstTime('b')).toBe(false);
    expect(seen.firstTime('a')).toBe(true);
  });
});
