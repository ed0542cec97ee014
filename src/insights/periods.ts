import { AppError } from '../core/app-error.ts';
import { DAY_MS, parseIsoDate, parseIsoDateTime } from '../core/dates.ts';

/** Named periods a user says ("this month", "last quarter"), each ending at as-of unless it is a past calendar period. */
export const namedPeriods = [
  'last_7_days',
  'last_14_days',
  'last_30_days',
  'last_60_days',
  'last_90_days',
  'last_180_days',
  'last_365_days',
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'year_to_date',
] as const;
export type NamedPeriod = (typeof namedPeriods)[number];

/** A half-open range of instants [from, to), ISO strings. */
export interface Period {
  from: string;
  to: string;
  /** How it was asked for: a named period or "custom". */
  label: string;
  days: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The period to summarise. `from`/`to` (dates or instants) win over a named period; a date `to` is
 * inclusive (the whole day) and never later than as-of; a missing `to` is as-of; a missing `from` with a `to` is 30 days before it.
 * Default: the 30 days before as-of. Throws INVALID_INPUT for unreadable dates or an empty range.
 */
export function resolvePeriod(input: { period?: NamedPeriod | undefined; from?: string | undefined; to?: string | undefined }, asOf: string): Period {
  const now = Date.parse(asOf);
  if (input.from !== undefined || input.to !== undefined) {
    // Nothing after as-of is read: a later `to` stops at as-of.
    const to = input.to === undefined ? now : Math.min(now, boundary(input.to, 'to'));
    const from = input.from === undefined ? to - 30 * DAY_MS : boundary(input.from, 'from');
    if (!(from < to)) throw new AppError('INVALID_INPUT', `the period is empty: from ${iso(from)} is not before to ${iso(to)}`);
    return { from: iso(from), to: iso(to), label: 'custom', days: round((to - from) / DAY_MS) };
  }
  const name = input.period ?? 'last_30_days';
  const lastDays = /^last_(\d+)_days$/.exec(name);
  if (lastDays) {
    const days = Number(lastDays[1]);
    return { from: iso(now - days * DAY_MS), to: iso(now), label: name, days };
  }
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const quarterStart = month - (month % 3);
  const range = (from: number, to: number) => ({ from: iso(from), to: iso(to), label: name, days: round((to - from) / DAY_MS) });
  switch (name) {
    case 'this_month':
      return range(Date.UTC(year, month, 1), now);
    case 'last_month':
      return range(Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1));
    case 'this_quarter':
      return range(Date.UTC(year, quarterStart, 1), now);
    case 'last_quarter':
      return range(Date.UTC(year, quarterStart - 3, 1), Date.UTC(year, quarterStart, 1));
    case 'year_to_date':
      return range(Date.UTC(year, 0, 1), now);
    default:
      throw new AppError('INVALID_INPUT', `unknown period ${String(name)}`);
  }
}

/** The period of equal length just before. */
export function previousPeriod(period: Period): Period {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  return { from: iso(from - (to - from)), to: period.from, label: 'previous', days: period.days };
}

function boundary(text: string, side: 'from' | 'to'): number {
  const date = parseIsoDate(text);
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    const start = Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`);
    return side === 'to' ? start + DAY_MS : start;
  }
  const instant = parseIsoDateTime(text);
  if (instant === undefined) throw new AppError('INVALID_INPUT', `${side} must be an ISO date (2026-10-01) or date-time, not "${text}"`);
  return Date.parse(instant);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
