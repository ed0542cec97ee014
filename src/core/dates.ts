/** Strict date handling: imported dates must be real calendar dates in ISO 8601. */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const canonical = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const DAY_MS = 86_400_000;

/**
 * Parses an ISO 8601 date ("2026-10-02") or date-time ("2026-10-02T14:05:00Z") into a normalised
 * UTC ISO string, or returns undefined when the text is not a real date (e.g. "2026-02-30").
 * A date-time without an offset is read as UTC.
 */
export function parseIsoDateTime(text: string): string | undefined {
  if (text.length === 24 && canonical.test(text)) {
    // Fast path for the normalised form itself (every export of ours, most imports).
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const day = Number(text.slice(8, 10));
    const valid = realDate(year, month, day) && Number(text.slice(11, 13)) <= 23 && Number(text.slice(14, 16)) <= 59 && Number(text.slice(17, 19)) <= 59;
    return valid ? text : undefined;
  }
  const trimmed = text.trim();
  const dateOnly = isoDate.exec(trimmed);
  if (dateOnly) {
    const [, year, month, day] = dateOnly;
    return realDate(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}T00:00:00.000Z` : undefined;
  }
  const full = isoDateTime.exec(trimmed);
  if (!full) return undefined;
  const [, year, month, day, hour, minute, second] = full;
  if (!realDate(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined;
  const withZone = full[8] ? trimmed.replace(' ', 'T') : `${trimmed.replace(' ', 'T')}Z`;
  const parsed = new Date(withZone);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/** Parses a calendar date only ("2026-10-02"), returning it unchanged, or undefined. */
export function parseIsoDate(text: string): string | undefined {
  const match = isoDate.exec(text.trim());
  if (!match) return undefined;
  return realDate(Number(match[1]), Number(match[2]), Number(match[3])) ? text.trim() : undefined;
}

const daysPerMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= daysPerMonth[month - 1]! + (leap ? 1 : 0);
}

export function daysBetween(earlierIso: string, laterIso: string): number {
  return Math.floor((Date.parse(laterIso) - Date.parse(earlierIso)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/**
 * The same moment one business day later: Friday 15:00 → Monday 15:00, Saturday or Sunday → Monday.
 * Weekends only (UTC days); public holidays differ by country and are not known here.
 */
export function oneBusinessDayAfter(iso: string): string {
  let at = Date.parse(iso) + DAY_MS;
  while ([0, 6].includes(new Date(at).getUTCDay())) at += DAY_MS;
  return new Date(at).toISOString();
}
