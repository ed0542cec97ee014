import { describe, expect, it } from 'vitest';
import { defaultInsightLimits, summarizeNotes } from './field-insights.ts';
import { loadInsightLexicons } from './lexicons.ts';
import type { InsightNote } from './note-analysis.ts';

describe('summarizeNotes: personal data', () => {
  it('never makes a patient named in many notes a theme label, and redacts every quote', () => {
    const notes: InsightNote[] = Array.from({ length: 12 }, (_, index) => ({
      id: `n-${index}`,
      hcpId: `h-${index % 4}`,
      authorId: 'u-rep',
      writtenAt: `2026-11-${String(10 + index).padStart(2, '0')}T10:00:00.000Z`,
      kind: 'rep',
      text: `Patient Velmora Quistani (MRN ${4_100_000 + index}) asked again about KEYTRUDA dosing; Quistani's daughter wants the dosing card. Call 617-555-01${10 + index}.`,
      hcp: { firstName: 'Ana', lastName: 'Reyes', territory: 'T-NE', specialty: 'Medical Oncology' },
    }));
    const summary = summarizeNotes(
      { period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', label: 'November', days: 30 }, previousPeriod: null, topic: null, limits: defaultInsightLimits, productId: null },
      {
        products: [{ id: 'prod-keytruda', brandName: 'KEYTRUDA', genericName: 'pembrolizumab' }],
        lexicons: loadInsightLexicons(),
        extraNames: [],
        notes,
        readQuestionActivity: () => new Map(),
        themeOptions: { minThemeNotes: 2 },
      },
    );
    expect(summary.themes.length).toBeGreaterThan(0);
    const shown = JSON.stringify(summary);
    expect(shown).not.toMatch(/velmora|quistani|555-01|410000/i);
    expect(summary.themes.flatMap((theme) => theme.quotes).every((quote) => quote.text.includes('Patient [name] (MRN [redacted MRN])'))).toBe(true);
  });
});

describe('summarizeNotes: a topic in words', () => {
  const note = (id: string, text: string): InsightNote => ({
    id,
    hcpId: `h-${id}`,
    authorId: 'u-rep',
    writtenAt: '2026-11-10T10:00:00.000Z',
    kind: 'rep',
    text,
    hcp: { firstName: 'Ana', lastName: 'Reyes', territory: 'T-NE', specialty: 'Medical Oncology' },
  });
  const summarize = (topic: string) =>
    summarizeNotes(
      { period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', label: 'November', days: 30 }, previousPeriod: null, topic, limits: defaultInsightLimits, productId: null },
      {
        products: [{ id: 'prod-keytruda', brandName: 'KEYTRUDA', genericName: 'pembrolizumab' }],
        lexicons: loadInsightLexicons(),
        extraNames: [],
        notes: [note('a', 'Hospital formulary committee removed KEYTRUDA from the preferred tier.'), note('b', 'Two hospitalizations reported in the clinic this month, details to follow.')],
        readQuestionActivity: () => new Map(),
      },
    );

  it('keeps the notes holding the words asked, not a word of the same stem and another meaning ("hospitalizations" is not "hospital")', () => {
    expect(summarize('hospitalizations').notes.current).toBe(1);
    expect(summarize('hospital formulary').notes.current).toBe(1);
    expect(summarize('pricing').notes.current).toBe(0);
  });
});
