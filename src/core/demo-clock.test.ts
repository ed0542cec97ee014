import { describe, expect, it } from 'vitest';
import { chooseDataClock, demoDataLine, endOfUtcDay } from './demo-clock.ts';

const wall = (iso: string) => () => new Date(iso);

describe('the data clock', () => {
  it('answers as of the end of the demo day once the wall clock has passed it, and says so', () => {
    const clock = chooseDataClock({ demoAsOf: '2026-11-20T18:00:00.000Z', wallClock: wall('2026-12-07T09:30:00.000Z') });
    expect(clock.now().toISOString()).toBe('2026-11-20T23:59:59.999Z');
    expect(clock.demoDayAt(clock.now())).toBe('2026-11-20');
    expect(clock.demoDayAt(clock.now().toISOString())).toBe('2026-11-20');
    expect(demoDataLine('2026-11-20')).toBe('Demo data as of 2026-11-20.');
  });

  it('runs on the wall clock when the database has no demo as-of', () => {
    const clock = chooseDataClock({ demoAsOf: null, wallClock: wall('2026-12-07T09:30:00.000Z') });
    expect(clock.now().toISOString()).toBe('2026-12-07T09:30:00.000Z');
    expect(clock.demoDayAt(clock.now())).toBeNull();
  });

  it('runs on the wall clock during the demo day itself (data built today), then stops at its end', () => {
    let now = '2026-12-07T09:30:00.000Z';
    const clock = chooseDataClock({ demoAsOf: '2026-12-07T18:00:00.000Z', wallClock: () => new Date(now) });
    expect(clock.now().toISOString()).toBe(now);
    expect(clock.demoDayAt(clock.now())).toBeNull();
    now = '2026-12-08T00:00:01.000Z';
    expect(clock.now().toISOString()).toBe('2026-12-07T23:59:59.999Z');
    expect(clock.demoDayAt(clock.now())).toBe('2026-12-07');
  });

  it('lets an explicit --as-of win over both', () => {
    const earlier = chooseDataClock({ demoAsOf: '2026-11-20T18:00:00.000Z', explicitAsOf: '2026-06-01T00:00:00.000Z', wallClock: wall('2026-12-07T09:30:00.000Z') });
    expect(earlier.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(earlier.demoDayAt(earlier.now())).toBeNull();
    const plain = chooseDataClock({ demoAsOf: null, explicitAsOf: '2026-06-01T00:00:00.000Z', wallClock: wall('2026-12-07T09:30:00.000Z') });
    expect(plain.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
    // Asked past the end of the demo data, the answer still says where the data ends.
    const later = chooseDataClock({ demoAsOf: '2026-11-20T18:00:00.000Z', explicitAsOf: '2026-12-01T00:00:00.000Z', wallClock: wall('2026-12-07T09:30:00.000Z') });
    expect(later.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(later.demoDayAt(later.now())).toBe('2026-11-20');
  });

  it('finds the end of a UTC day', () => {
    expect(endOfUtcDay('2026-11-20T00:00:00.000Z').toISOString()).toBe('2026-11-20T23:59:59.999Z');
    expect(endOfUtcDay('2026-11-20T23:59:59.999Z').toISOString()).toBe('2026-11-20T23:59:59.999Z');
    expect(endOfUtcDay('1969-12-31T12:00:00.000Z').toISOString()).toBe('1969-12-31T23:59:59.999Z');
  });
});
