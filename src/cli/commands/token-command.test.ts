import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/app-error.ts';
import { tokenExpiry } from './token-command.ts';

const now = new Date('2026-11-20T10:00:00.000Z');

describe('tokenExpiry (--expires)', () => {
  it('reads durations, dates (valid through that day, UTC) and date-times', () => {
    expect(tokenExpiry('30m', now)).toBe('2026-11-20T10:30:00.000Z');
    expect(tokenExpiry('12h', now)).toBe('2026-11-20T22:00:00.000Z');
    expect(tokenExpiry('90d', now)).toBe('2027-02-18T10:00:00.000Z');
    expect(tokenExpiry('2w', now)).toBe('2026-12-04T10:00:00.000Z');
    expect(tokenExpiry('2026-11-20', now)).toBe('2026-11-21T00:00:00.000Z');
    expect(tokenExpiry('2027-03-31', now)).toBe('2027-04-01T00:00:00.000Z');
    expect(tokenExpiry('2026-11-20T12:30:00+02:00', now)).toBe('2026-11-20T10:30:00.000Z');
  });

  it('refuses text it cannot read, a moment already past, and more than ten years', () => {
    for (const text of ['soon', '30', '5y', '2026-02-30', '-1d', '']) expect(() => tokenExpiry(text, now), text).toThrow(/must be a duration/);
    for (const text of ['0m', '2026-11-19', '2026-11-20T09:59:00Z']) expect(() => tokenExpiry(text, now), text).toThrow(/already passed/);
    expect(() => tokenExpiry('4000d', now)).toThrow(/ten years/);
    expect(() => tokenExpiry('soon', now)).toThrow(AppError);
  });
});
