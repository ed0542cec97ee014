/** Strict date handling: imported dates must be real calendar dates in ISO 8601. */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const DAY_MS = 86_400_000;

/**
 * Parses an ISO 8601 date ("2026-10-02") or date-time ("2026-10-02T14:05:00Z") into a normalised
 * UTC ISO string, or returns undefined when the text is not a real date (e.g. "2026-02-30").
 * A date-time without an offset is read as UTC.
 */
export function parseIsoDateTime(text: string): string | undefined {
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

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function daysBetween(earlierIso: string, laterIso: string): number {
  return Math.floor((Date.parse(laterIso) - Date.parse(earlierIso)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}
