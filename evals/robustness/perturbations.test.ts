import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../lib/cases.ts';
import { PERTURBATIONS, textHash } from './perturbations.ts';
import { variantsOf } from './variants.ts';

describe('perturbations', () => {
  it('rewrite a question the way the same person types it another day, the same way every time', () => {
    const question = "What's the next best action for Dr. Kim? Please tell me, thanks.";
    for (const [name, perturb] of Object.entries(PERTURBATIONS)) {
      const variant = perturb(question);
      expect(variant, name).not.toBeNull();
      expect(variant, name).not.toBe(question);
      expect(perturb(question), name).toBe(variant);
    }
    expect(PERTURBATIONS['lowercase, no final punctuation']('Can I email Dr. Kim?')).toBe('can i email dr. kim');
    expect(PERTURBATIONS['no title before a name']('Can I email Dr. Kim?')).toBe('Can I email Kim?');
    expect(PERTURBATIONS['texting shorthand']('can you send it with the deck please')).toBe('can u send it w/ the deck pls');
    expect(['what is open for her', 'whats open for her']).toContain(PERTURBATIONS['contractions']("what's open for her"));
    expect(PERTURBATIONS['contractions']('I do not know')).toBe("I don't know");
    expect(PERTURBATIONS['no punctuation']('ok, email her? at 3:30.')).toBe('ok email her at 3:30');
  });

  it('make one typo in a common word, leaving names and ids alone', () => {
    const variant = PERTURBATIONS['one typo']('should I email Kowalski about hcp-000123')!;
    expect(variant).toMatch(/ I email Kowalski about hcp-000123$/);
    expect(variant.split(' ')[0]).not.toBe('should');
    expect([...variant.split(' ')[0]!].sort().join('')).toBe([...'should'].sort().join(''));
  });

  it('return null when there is nothing to change', () => {
    expect(PERTURBATIONS['no title before a name']('can i email kim')).toBeNull();
    expect(PERTURBATIONS['one typo']('can i email kim')).toBeNull();
    expect(PERTURBATIONS['lowercase, no final punctuation']('can i email kim')).toBeNull();
  });

  it('textHash is stable', () => {
    expect(textHash('omni')).toBe(textHash('omni'));
    expect(textHash('omni')).not.toBe(textHash('omnj'));
  });
});

describe('variantsOf', () => {
  const evalCase = (id: string, ...questions: string[]): EvalCase => ({
    id,
    suite: 'persona',
    persona: 'rep',
    category: 'consent',
    user: 'u-rep-ne-1',
    plant: [],
    canaries: [],
    turns: questions.map((question) => ({ question, expectTools: [], forbidTools: [], facts: [], mustNotContain: [], forbiddenOutput: [], expectRefusal: false, expectAnswered: false })),
  });

  it('rewrites every turn of a case, keeps its expectations, skips cases it cannot change, and caps the count', () => {
    const cases = [evalCase('a', 'Can I email Dr. Kim?', 'And her phone?'), evalCase('b', 'can i email kim'), evalCase('c', 'Brief me on Dr. Lee.')];
    const variants = variantsOf(cases, 'lowercase, no final punctuation', 10);
    expect(variants.map((variant) => variant.original.id).sort()).toEqual(['a', 'c']);
    const a = variants.find((variant) => variant.original.id === 'a')!;
    expect(a.rewritten.id).toBe('a~lowercase, no final punctuation');
    expect(a.rewritten.turns.map((turn) => turn.question)).toEqual(['can i email dr. kim', 'and her phone']);
    expect(variantsOf(cases, 'lowercase, no final punctuation', 1)).toHaveLength(1);
  });
});
