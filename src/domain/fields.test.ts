import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseIsoDate, parseIsoDateTime } from '../core/dates.ts';
import { Id, IsoDate, IsoDateTime, Npi, isValidNpi, requiredText, text, multilineText } from './fields.ts';

/** Real NPIs taken from ../shared/data/nppes. */
const REAL_NPIS = ['1932106788', '1679576722', '1104829415', '1861495418', '1639175342', '1386640134', '1437152469'];

const FORMULA_MESSAGE = 'looks like a spreadsheet formula; remove the leading =, +, - or @';

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((issue) => issue.message);
}

describe('isValidNpi', () => {
  it('accepts real NPIs from the NPPES sample', () => {
    for (const npi of REAL_NPIS) expect(isValidNpi(npi), npi).toBe(true);
  });

  it('rejects every single-digit alteration of a real NPI', () => {
    for (const npi of REAL_NPIS) {
      for (let position = 0; position < 10; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === npi[position]) continue;
          const altered = npi.slice(0, position) + digit + npi.slice(position + 1);
          expect(isValidNpi(altered), altered).toBe(false);
        }
      }
    }
  });

  it('rejects the adjacent-digit swaps that change a real NPI', () => {
    expect(isValidNpi('1932106878')).toBe(false); // ...788 -> ...878
    expect(isValidNpi('1769576722')).toBe(false); // 1679... -> 1769...
  });

  it('rejects anything that is not exactly 10 digits', () => {
    for (const value of ['', '193210678', '19321067880', '193210678a', ' 1932106788', '1932-10678', '１９３２１０６７８８']) {
      expect(isValidNpi(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('Npi schema', () => {
  it('trims and accepts a real NPI', () => {
    expect(Npi.parse(' 1932106788 ')).toBe('1932106788');
  });

  it('explains why an NPI is rejected', () => {
    expect(messages(Npi.safeParse('1932106789'))).toEqual(['fails the NPI check digit']);
    expect(messages(Npi.safeParse('12345'))).toContain('must be 10 digits');
  });
});

describe('IsoDateTime', () => {
  it.each([
    ['2026-10-02', '2026-10-02T00:00:00.000Z'],
    ['2026-10-02T14:05:00Z', '2026-10-02T14:05:00.000Z'],
    ['2026-10-02T14:05:00+02:00', '2026-10-02T12:05:00.000Z'],
    ['2026-10-02T14:05:00-05:00', '2026-10-02T19:05:00.000Z'],
    ['2026-10-02T23:30:00-02:00', '2026-10-03T01:30:00.000Z'],
    ['2026-10-02T14:05:00.250Z', '2026-10-02T14:05:00.250Z'],
    ['2026-10-02T14:05', '2026-10-02T14:05:00.000Z'],
    ['2026-10-02 14:05:00', '2026-10-02T14:05:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    [' 2026-10-02 ', '2026-10-02T00:00:00.000Z'],
  ])('accepts %j as %s', (input, expected) => {
    expect(IsoDateTime.parse(input)).toBe(expected);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-10-00',
    'yesterday',
    '02/10/2026',
    '2026/10/02',
    '2026-10-02T24:00:00Z',
    '2026-10-02T14:60:00Z',
    '2026-10-02T14:05:61Z',
    '2026-02-30T10:00:00Z',
    '',
    '20261002',
  ])('rejects %j with a message that gives an example', (input) => {
    const result = IsoDateTime.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(['is not a real ISO 8601 date or date-time (e.g. 2026-10-02 or 2026-10-02T14:05:00Z)']);
  });
});

describe('IsoDate', () => {
  it('accepts a real calendar date and keeps it as written', () => {
    expect(IsoDate.parse('2026-10-02')).toBe('2026-10-02');
    expect(IsoDate.parse(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('rejects impossible dates and date-times', () => {
    for (const value of ['2026-02-30', '2026-13-01', '2026-10-02T14:05:00Z', 'yesterday', '02/10/2026']) {
      expect(IsoDate.safeParse(value).success, value).toBe(false);
    }
  });
});

describe('core/dates helpers', () => {
  it('parseIsoDateTime and parseIsoDate return undefined for non-dates', () => {
    expect(parseIsoDateTime('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-02-28')).toBe('2026-02-28');
  });

  it('counts whole days and adds days in UTC', () => {
    expect(daysBetween('2026-10-01T00:00:00.000Z', '2026-10-08T12:00:00.000Z')).toBe(7);
    expect(daysBetween('2026-10-08T00:00:00.000Z', '2026-10-01T00:00:00.000Z')).toBe(-7);
    expect(addDays('2026-02-27T10:00:00.000Z', 2)).toBe('2026-03-01T10:00:00.000Z');
  });
});

describe('text()', () => {
  const field = text(200);

  it.each(['=1+1', '@SUM(A1)', '+HYPERLINK("x")', '-2+3+cmd|x!A0', '=HYPERLINK("http://x","click")', '  =1+1', '\t=1+1', '-1+A1!B2'])(
    'rejects the formula-like %j',
    (value) => {
      expect(messages(field.safeParse(value))).toEqual([FORMULA_MESSAGE]);
    },
  );

  it.each(['Hyphen-ated', '-5 mg', '+1 555 0100', 'Dr. Reyes asked about dosing (q3w) for KEYTRUDA, see notes!', 'A normal sentence.', 'e=mc2', ''])(
    'accepts the ordinary text %j',
    (value) => {
      expect(field.parse(value)).toBe(value);
    },
  );

  it('trims before checking and returns the trimmed text', () => {
    expect(field.parse('  Maria  ')).toBe('Maria');
    expect(text(5).parse('  abcde  ')).toBe('abcde');
  });

  it('enforces the length ceiling with a clear message', () => {
    expect(messages(text(5).safeParse('abcdef'))).toEqual(['longer than 5 characters']);
  });

  it('rejects control characters (C0, DEL, C1) and line breaks in one-line text', () => {
    expect(messages(field.safeParse('bad\u0000byte'))).toEqual(['contains control characters']);
    expect(messages(field.safeParse('bell\u0007'))).toEqual(['contains control characters']);
    expect(messages(field.safeParse('csi \u009b31m'))).toEqual(['contains control characters']);
    expect(messages(field.safeParse('line one\nline two'))).toEqual(['contains a line break']);
    expect(field.parse('tab\tinside')).toBe('tab\tinside');
  });

  it('keeps tabs and newlines in multi-line text, but not control characters', () => {
    const note = multilineText(100);
    expect(note.parse('line one\nline\ttwo')).toBe('line one\nline\ttwo');
    expect(messages(note.safeParse('escape \u001b[31m'))).toEqual(['contains control characters']);
  });

  it('requiredText rejects empty and blank text', () => {
    expect(messages(requiredText(10).safeParse(''))).toEqual(['is empty']);
    expect(messages(requiredText(10).safeParse('   '))).toEqual(['is empty']);
    expect(requiredText(10).parse(' ok ')).toBe('ok');
  });
});

describe('Id', () => {
  it('accepts the id shapes Omni uses', () => {
    for (const id of ['hcp-00042', 'npi-1932106788', 'u-rep-ne-1', 'system:marketing-automation', 'crm.123_4']) {
      expect(Id.parse(id)).toBe(id);
    }
  });

  it('rejects ids that are empty, too long or carry unsafe characters', () => {
    for (const id of ['', '   ', 'a b', '-leading', 'x'.repeat(81), 'hcp/1', '<script>']) {
      expect(Id.safeParse(id).success, JSON.stringify(id)).toBe(false);
    }
  });

  it('trims surrounding whitespace', () => {
    expect(Id.parse(' hcp-1\n')).toBe('hcp-1');
  });
});
