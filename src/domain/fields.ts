import { z } from 'zod';
import { parseIsoDate, parseIsoDateTime } from '../core/dates.ts';

/**
 * Text that could run as a spreadsheet formula when someone opens an export (CSV injection):
 * a leading '=' or '@', or a leading '+', '-', tab or CR followed later by a call, pipe or sheet reference.
 */
const formulaLike = /^[=@]|^[+\-\t\r].*[(|!]/s;
// C0 controls other than tab, newline and carriage return, DEL and C1 controls (terminal escapes
// such as U+009B) have no place in HCP data.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const lineBreaks = /[\n\r\u2028\u2029]/;

/**
 * A trimmed one-line text field (names, places, topics) with a length ceiling and no formula,
 * control characters or line breaks.
 */
export function text(maxLength: number) {
  return multilineText(maxLength).refine((value) => !lineBreaks.test(value), { message: 'contains a line break' });
}

/** Like `text`, but line breaks and tabs are allowed: note text, content bodies. */
export function multilineText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, { message: `longer than ${maxLength} characters` })
    .refine((value) => !formulaLike.test(value), {
      message: 'looks like a spreadsheet formula; remove the leading =, +, - or @',
    })
    .refine((value) => !controlCharacters.test(value), { message: 'contains control characters' });
}

const nonEmpty = z.string().min(1, { message: 'is empty' });
export const requiredText = (maxLength: number) => text(maxLength).pipe(nonEmpty);
export const requiredMultilineText = (maxLength: number) => multilineText(maxLength).pipe(nonEmpty);

/** Identifiers: letters, digits, '-', '_', '.', ':' only, so that they are safe in URLs, logs and Slack. */
export const Id = z
  .string()
  .trim()
  .min(1, { message: 'is empty' })
  .max(80, { message: 'longer than 80 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: "may hold only letters, digits, '.', '_', ':' and '-'" });

/** An ISO 8601 date-time (or a date, read as midnight UTC), normalised to a UTC ISO string. */
/** A market: an ISO 3166 country code, optionally with a region ("US", "CA-QC"). */
export const MarketCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,8})?$/, { message: 'must be a market code such as US or CA-QC' });

export const IsoDateTime = z.string().transform((value, context) => {
  // Parsed once: imports run this for every row.
  const parsed = parseIsoDateTime(value);
  if (parsed === undefined) {
    context.issues.push({
      code: 'custom',
      message: 'is not a real ISO 8601 date or date-time (e.g. 2026-10-02 or 2026-10-02T14:05:00Z)',
      input: value,
    });
    return z.NEVER;
  }
  return parsed;
});

/** An ISO 8601 calendar date ("2026-10-02"). */
export const IsoDate = z
  .string()
  .refine((value) => parseIsoDate(value) !== undefined, { message: 'is not a real ISO 8601 date (e.g. 2026-10-02)' })
  .transform((value) => value.trim());

/** A US National Provider Identifier: 10 digits whose Luhn check (with the 80840 prefix) holds. */
export const Npi = z
  .string()
  .trim()
  .regex(/^\d{10}$/, { message: 'must be 10 digits' })
  .refine(isValidNpi, { message: 'fails the NPI check digit' });

export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
