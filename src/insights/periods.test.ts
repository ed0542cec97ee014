import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { previousPeriod, resolvePeriod } from './periods.ts';

const AS_OF = '2026-11-20T18:00:00.000Z';

describe('insight periods', () => {
  it('defaults to the 30 days before as-of, and the previous period is as long and just before', () => {
    const period = resolvePeriod({}, AS_OF);
    expect(period).toEqual({ from: '2026-10-21T18:00:00.000Z', to: AS_OF, label: 'last_30_days', days: 30 });
    expect(previousPeriod(period)).toEqual({ from: '2026-09-21T18:00:00.000Z', to: '2026-10-21T18:00:00.000Z', label: 'previous', days: 30 });
  });

  it('reads named calendar periods', () => {
    expect(resolvePeriod({ period: 'this_month' }, AS_OF)).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: AS_OF });
    expect(resolvePeriod({ period: 'last_month' }, AS_OF)).toMatchObject({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', days: 31 });
    expect(resolvePeriod({ period: 'last_quarter' }, AS_OF)).toMatchObject({ from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' });
    expect(resolvePeriod({ period: 'year_to_date' }, AS_OF)).toMatchObject({ from: '2026-01-01T00:00:00.000Z' });
  });

  it('takes from/to dates (to inclusive, never past as-of) over a named period', () => {
    expect(resolvePeriod({ period: 'last_7_days', from: '2026-10-01', to: '2026-10-31' }, AS_OF)).toMatchObject({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', days: 31, label: 'custom' });
    expect(resolvePeriod({ from: '2026-11-01' }, AS_OF)).toMatchObject({ to: AS_OF });
    expect(resolvePeriod({ from: '2026-11-01', to: '2027-01-31' }, AS_OF).to).toBe(AS_OF);
  });

  it('refuses unreadable dates and empty ranges with INVALID_INPUT', () => {
    for (const input of [{ from: '2026-02-30' }, { from: 'last week' }, { from: '2026-11-10', to: '2026-11-01' }]) {
      try {
        resolvePeriod(input, AS_OF);
        expect.unreachable();
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('INVALID_INPUT');
      }
    }
  });
});
