import { describe, expect, it } from 'vitest';
import { contentAnswer } from './local-answers.ts';

/** A search result as search_approved_content returns it, with the parts contentAnswer reads. */
const found = (...modules: { title: string; passage: string }[]) => ({
  status: 'found',
  suggestionId: 'dec-test',
  results: modules.map((module, index) => ({ id: `cm-${index}`, version: 1, mlrCode: `SYN-${index}`, kind: 'safety', brandName: 'STELARA', genericName: 'ustekinumab', title: module.title, passage: { quoted: module.passage } })),
});

describe('contentAnswer says plainly when nothing approved speaks of what was asked', () => {
  const safetySections = found({ title: 'STELARA: 6.2 Immunogenicity', passage: 'Approximately 6% of patients developed antibodies; the safety data reflect exposure.' }, { title: 'STELARA: 5.3 Tuberculosis', passage: 'Evaluate patients for tuberculosis infection.' });

  it('names the words no module shown speaks of, and calls the rest the closest modules', () => {
    const answer = contentAnswer(safetySections, "stelara crohn's maintenance data");
    expect(answer.split('\n')[0]).toBe(`Nothing approved found speaks of "crohn" or "maintenance": the closest approved modules for "stelara crohn's maintenance data" (approved today, for the filters shown) are about something else:`);
    expect(answer).toContain('cm-0@1');
  });

  it('answers as found when the modules speak of the topic', () => {
    expect(contentAnswer(safetySections, 'stelara tuberculosis screening').split('\n')[0]).toBe('Approved content on "stelara tuberculosis screening" (approved today, for the filters shown):');
  });
});
