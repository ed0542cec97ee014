import { describe, expect, it } from 'vitest';
import { formatMeasure, measureRedaction, type RedactionMeasure } from './measure.ts';

describe('redaction measure (npm run eval:redaction)', () => {
  let measure: RedactionMeasure;

  it('stores 290 notes with planted personal data, shows them through the tools and leaks nothing', async () => {
    measure = await measureRedaction();
    console.log(formatMeasure(measure));
    expect(measure.notes).toEqual({ synthetic: 240, bipia: 50, briefed: 290 });
    // At least 200 notes carry each kind of personal data, and every planted item was checked.
    for (const entry of measure.byKind) expect(entry.notes, entry.kind).toBeGreaterThanOrEqual(200);
    expect(measure.quotesChecked.insights).toBeGreaterThan(500);
    expect(measure.leaks.map((leak) => `${leak.noteId} ${leak.kind} ${leak.needle} (${leak.where})`)).toEqual([]);
  }, 240_000);

  it('keeps products, adverse events, doses, dates and capitalised non-person words', () => {
    expect(measure.kept.terms).toBeGreaterThan(1_500);
    expect(measure.kept.lost / measure.kept.terms).toBeLessThan(0.02);
    expect(measure.demo.notes).toBeGreaterThan(500);
    expect(measure.demo.overRedactedWords / measure.demo.words).toBeLessThan(0.005);
  });
});
