import { describe, expect, it } from 'vitest';
import { oneBusinessDayAfter } from './dates.ts';

describe('oneBusinessDayAfter', () => {
  it('is the next day on a weekday', () => {
    expect(oneBusinessDayAfter('2026-11-17T09:30:00.000Z')).toBe('2026-11-18T09:30:00.000Z'); // Tuesday → Wednesday
    expect(oneBusinessDayAfter('2026-11-19T23:00:00.000Z')).toBe('2026-11-20T23:00:00.000Z'); // Thursday → Friday
  });

  it('skips the weekend: Friday, Saturday and Sunday are all due on Monday', () => {
    expect(oneBusinessDayAfter('2026-11-20T15:00:00.000Z')).toBe('2026-11-23T15:00:00.000Z'); // Friday
    expect(oneBusinessDayAfter('2026-11-21T10:00:00.000Z')).toBe('2026-11-23T10:00:00.000Z'); // Saturday
    expect(oneBusinessDayAfter('2026-11-22T08:00:00.000Z')).toBe('2026-11-23T08:00:00.000Z'); // Sunday
  });
});
