import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { resolvePeriods, shiftMonths } from './periods.ts';

const AS_OF = '2026-11-20T18:00:00.000Z';
const span = (period: { from: string; to: string } | null) => period && [period.from, period.to];

describe('periods', () => {
  it('rolling presets end now and compare with the stretch of equal length before', () => {
    const { current, previous } = resolvePeriods('last_30_days', 'previous_period', AS_OF);
    expect(span(current)).toEqual(['2026-10-21T18:00:00.000Z', AS_OF]);
    expect(span(previous)).toEqual(['2026-09-21T18:00:00.000Z', '2026-10-21T18:00:00.000Z']);
    expect(current.label).toBe('2026-10-21 to 2026-11-20');
  });

  it('calendar presets compare with the same stretch of the unit before', () => {
    expect(resolvePeriods('last_quarter', 'previous_period', AS_OF)).toMatchObject({
      current: { from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', label: '2026-07-01 to 2026-09-30' },
      previous: { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
    });
    expect(span(resolvePeriods('last_month', 'previous_period', AS_OF).previous)).toEqual(['2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z']);
    const monthToDate = resolvePeriods('month_to_date', 'previous_period', AS_OF);
    expect(span(monthToDate.current)).toEqual(['2026-11-01T00:00:00.000Z', AS_OF]);
    expect(span(monthToDate.previous)).toEqual(['2026-10-01T00:00:00.000Z', '2026-10-20T18:00:00.000Z']);
    expect(span(resolvePeriods('quarter_to_date', 'previous_year', AS_OF).previous)).toEqual(['2025-10-01T00:00:00.000Z', '2025-11-20T18:00:00.000Z']);
    expect(resolvePeriods('year_to_date', 'none', AS_OF).previous).toBeNull();
  });

  it('explicit whole days include the last day, stop at now, and compare with what is asked', () => {
    const { current, previous } = resolvePeriods({ from: '2026-11-01', to: '2026-11-30' }, { from: '2026-10-01', to: '2026-10-31' }, AS_OF);
    expect(span(current)).toEqual(['2026-11-01T00:00:00.000Z', AS_OF]);
    expect(span(previous)).toEqual(['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
    expect(span(resolvePeriods({ from: '2026-10-01', to: '2026-10-10' }, 'previous_period', AS_OF).previous)).toEqual(['2026-09-21T00:00:00.000Z', '2026-10-01T00:00:00.000Z']);
  });

  it('refuses impossible periods with a message, as INVALID_INPUT', () => {
    for (const [period, message] of [
      [{ from: '2026-10-10', to: '2026-10-01' }, /ends .* before it starts/],
      [{ from: '2026-12-01', to: '2026-12-31' }, /starts .* after now/],
      [{ from: '2020-01-01', to: '2026-01-01' }, /at most 731 days/],
    ] as const) {
      try {
        resolvePeriods(period, 'none', AS_OF);
        expect.unreachable();
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
        expect((error as Error).message).toMatch(message);
      }
    }
  });

  it('shifts months with the day clamped', () => {
    expect(new Date(shiftMonths(Date.parse('2026-03-31T10:00:00.000Z'), -1)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(shiftMonths(Date.parse('2026-01-15T00:00:00.000Z'), -12)).toISOString()).toBe('2025-01-15T00:00:00.000Z');
  });
});
