import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { DAY_MS, parseIsoDate } from '../core/dates.ts';

/**
 * Periods for the metrics: a preset relative to "now" (as of), or explicit whole UTC days, and the
 * period it is compared with. A period is the half-open interval [from, to) of ISO instants and never
 * reaches past "now".
 */
export const periodPresets = [
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'last_365_days',
  'month_to_date',
  'last_month',
  'quarter_to_date',
  'last_quarter',
  'year_to_date',
] as const;
export const PeriodPreset = z.enum(periodPresets);
export type PeriodPreset = z.infer<typeof PeriodPreset>;

const Day = z
  .string()
  .trim()
  .refine((value) => parseIsoDate(value) !== undefined, { message: 'is not a real date (YYYY-MM-DD)' });
/** Explicit whole days, both ends included (UTC). */
export const ExplicitPeriod = z.strictObject({ from: Day.describe('first day, YYYY-MM-DD'), to: Day.describe('last day (included), YYYY-MM-DD') });
export type ExplicitPeriod = z.infer<typeof ExplicitPeriod>;

export const PeriodInput = z.union([PeriodPreset, ExplicitPeriod]);
export type PeriodInput = z.infer<typeof PeriodInput>;

export const CompareInput = z.union([z.enum(['previous_period', 'previous_year', 'none']), ExplicitPeriod]);
export type CompareInput = z.infer<typeof CompareInput>;

export interface Period {
  /** ISO instant, included. */
  from: string;
  /** ISO instant, excluded. */
  to: string;
  /** "2026-10-21 to 2026-11-20" (the last day shown is the one `to` falls in, or the day before midnight). */
  label: string;
}

/** Longest period a query may cover: two years. */
export const MAX_PERIOD_DAYS = 731;

const iso = (ms: number) => new Date(ms).toISOString();
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** The same instant `months` calendar months earlier or later, the day of month clamped to the month's length. */
export function shiftMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

function period(from: number, to: number): Period {
  const lastDay = iso(to - 1).slice(0, 10);
  return { from: iso(from), to: iso(to), label: `${iso(from).slice(0, 10)} to ${lastDay}` };
}

function explicit(input: ExplicitPeriod, now: number, what: string): { from: number; to: number } {
  const from = Date.parse(`${input.from}T00:00:00.000Z`);
  const to = Math.min(Date.parse(`${input.to}T00:00:00.000Z`) + DAY_MS, now);
  if (Date.parse(`${input.to}T00:00:00.000Z`) < from) throw new AppError('INVALID_INPUT', `the ${what} ends (${input.to}) before it starts (${input.from})`);
  if (from >= now) throw new AppError('INVALID_INPUT', `the ${what} starts (${input.from}) after now (${iso(now).slice(0, 10)})`);
  return { from, to };
}

/**
 * Resolves the period asked for and the one to compare it with, as of `asOf`. previous_period is the
 * stretch of equal length just before; for calendar presets (last month, quarter to date, ...) it is
 * the same stretch of the calendar unit before. Throws INVALID_INPUT for an impossible period.
 */
export function resolvePeriods(input: PeriodInput, compareTo: CompareInput, asOf: string): { current: Period; previous: Period | null } {
  const now = Date.parse(asOf);
  if (Number.isNaN(now)) throw new AppError('INVALID_INPUT', `as-of ${asOf} is not a date-time`);
  let from: number;
  let to: number;
  /** Months to step back for the previous period of a calendar preset; null: equal length. */
  let calendarMonths: number | null = null;
  if (typeof input === 'string') {
    const date = new Date(now);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth();
    const quarterStart = month - (month % 3);
    switch (input) {
      case 'last_7_days':
      case 'last_30_days':
      case 'last_90_days':
      case 'last_365_days':
        to = now;
        from = now - Number(input.split('_')[1]) * DAY_MS;
        break;
      case 'month_to_date':
        [from, to, calendarMonths] = [Date.UTC(year, month, 1), now, 1];
        break;
      case 'last_month':
        [from, to, calendarMonths] = [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1), 1];
        break;
      case 'quarter_to_date':
        [from, to, calendarMonths] = [Date.UTC(year, quarterStart, 1), now, 3];
        break;
      case 'last_quarter':
        [from, to, calendarMonths] = [Date.UTC(year, quarterStart - 3, 1), Date.UTC(year, quarterStart, 1), 3];
        break;
      case 'year_to_date':
        [from, to, calendarMonths] = [Date.UTC(year, 0, 1), now, 12];
        break;
    }
    if (to <= from) to = from + 1; // "month to date" on the 1st at midnight: an empty stretch, not an error
  } else {
    ({ from, to } = explicit(input, now, 'period'));
  }
  if (to - from > MAX_PERIOD_DAYS * DAY_MS) throw new AppError('INVALID_INPUT', `a period can cover at most ${MAX_PERIOD_DAYS} days`);
  const current = period(from, to);

  let previous: Period | null;
  if (compareTo === 'none') previous = null;
  else if (compareTo === 'previous_year') previous = period(shiftMonths(from, -12), shiftMonths(to, -12));
  else if (compareTo === 'previous_period') {
    if (calendarMonths !== null) {
      // The same stretch of the unit before: 1–20 November against 1–20 October.
      const start = shiftMonths(from, -calendarMonths);
      const end = to === startOfDay(to) && new Date(to).getUTCDate() === 1 ? shiftMonths(to, -calendarMonths) : Math.min(start + (to - from), from);
      previous = period(start, end);
    } else {
      previous = period(from - (to - from), from);
    }
  } else {
    const explicitPrevious = explicit(compareTo, now, 'comparison period');
    if (explicitPrevious.to - explicitPrevious.from > MAX_PERIOD_DAYS * DAY_MS) throw new AppError('INVALID_INPUT', `a period can cover at most ${MAX_PERIOD_DAYS} days`);
    previous = period(explicitPrevious.from, explicitPrevious.to);
  }
  return { current, previous };
}
