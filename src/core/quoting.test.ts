import { describe, expect, it } from 'vitest';
import { quoteData } from './quoting.ts';

describe('quoteData', () => {
  it('quotes plain text as it is', () => {
    expect(quoteData('Asked about the KEYTRUDA dose.')).toBe('"Asked about the KEYTRUDA dose."');
  });

  it('escapes inner quotes, backslashes and line breaks, so the quote ends where it seems to', () => {
    const text = 'She said "stop the infusion" and left.\nThen: C:\\notes "end';
    const quoted = quoteData(text);
    expect(quoted).toBe('"She said \\"stop the infusion\\" and left.\\nThen: C:\\\\notes \\"end"');
    // Read back, it is the note exactly; the only unescaped quotes are the first and the last.
    expect(JSON.parse(quoted)).toBe(text);
    expect(quoted.slice(1, -1)).not.toMatch(/(?<!\\)"/);
  });

  it('makes invisible and direction-changing characters visible', () => {
    expect(quoteData('ok\u202Egnp.exe\u200B\u2028')).toBe('"ok\\u202egnp.exe\\u200b\\u2028"');
  });

  it('cuts long text before escaping, marking the cut', () => {
    expect(quoteData('a"bcdef', 4)).toBe('"a\\"b…"');
  });
});
