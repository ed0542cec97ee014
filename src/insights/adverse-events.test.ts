import { describe, expect, it } from 'vitest';
import { AdverseEventDetector } from './adverse-events.ts';
import { adverseEventTermsFromLabels } from './build-adverse-event-lexicon.ts';
import { loadLabelSections } from '../content/fda-label-sections.ts';
import { loadInsightLexicons } from './lexicons.ts';
import { tokenize } from './text.ts';

const detector = new AdverseEventDetector(loadInsightLexicons().adverseEventTerms);
const detect = (text: string) => detector.detect(text, tokenize(text));

/**
 * Hand-written notes, none from the demo generator's templates: events a patient had (flag, with
 * the phrase) and talk about safety topics, questions and negations (no flag).
 */
const events: [text: string, phrase: string][] = [
  ['Dr. Lee said a patient developed a severe rash two weeks after starting KEYTRUDA.', 'severe rash'],
  ['One of his patients had a DVT while on XELJANZ; now on anticoagulation.', 'DVT'],
  ['Patient experienced palpitations on CERDELGA, ECG ordered by the cardiologist.', 'palpitations'],
  ['She reported that a patient on TECFIDERA was hospitalized with pneumonia last month.', 'pneumonia'],
  ['Possible side effect in a patient: unexplained weight gain since the switch.', 'weight gain'],
  ['Her patient developed tingling in both feet after the third infusion.', 'tingling'],
  ['Nurse described an injection-site reaction in a patient on STELARA.', 'injection-site reaction'],
  ['A patient on GILENYA presented with macular edema at the 3-month eye exam.', 'macular edema'],
  ['Two patients with severe flushing while taking TECFIDERA; one stopped.', 'severe flushing'],
  ['Not sure if related, but the patient developed hepatitis on the combination.', 'hepatitis'],
];
const nonEvents = [
  'Discussed immune-mediated adverse reactions for KEYTRUDA; left the ISI.',
  'Asked how often liver enzymes should be checked on XELJANZ.',
  'No patients have developed rash so far on KALYDECO.',
  'Had a long conversation about the bleeding risk with anticoagulants.',
  'Reviewed the label section on infection risk; no side effects reported by her patients.',
  'The webinar covered QT prolongation monitoring for CERDELGA.',
  'Safety question: is it safe to continue during an active infection?',
  'He has developed a strong preference for email updates.',
  'Patient support program enrolled two patients; no issues reported.',
  'Dr. Ortiz has not had any patients develop colitis on KEYTRUDA.',
  'Wants data on the rate of herpes zoster in the trials, not case reports.',
  'Dropped off materials on flushing and GI tolerability.',
];

describe('possible adverse events in notes', () => {
  it.each(events)('flags "%s" with the phrase', (text, phrase) => {
    const flags = detect(text);
    expect(flags.length, text).toBeGreaterThanOrEqual(1);
    expect(flags[0]!.phrase.toLowerCase()).toContain(phrase.toLowerCase());
    expect(text.slice(flags[0]!.start, flags[0]!.end)).toBe(flags[0]!.phrase);
  });

  it.each(nonEvents)('does not flag "%s"', (text) => {
    expect(detect(text)).toEqual([]);
  });

  it('reads adjacent terms as one phrase and names the cue', () => {
    const [flag] = detect('Mentioned a patient who developed colitis with bloody diarrhea about 3 weeks after starting.');
    expect(flag).toMatchObject({ phrase: 'colitis with bloody diarrhea', cue: 'developed', rule: 'lexicon_cue' });
    expect(detect('Patient described abdominal pain and vomiting in the ED.')[0]!.phrase).toBe('abdominal pain and vomiting');
  });

  it('derives its lexicon from the FDA labels: common adverse reactions are there, prose is not', () => {
    const derived = adverseEventTermsFromLabels(loadLabelSections()).map((entry) => entry.term);
    expect(derived.length).toBeGreaterThan(300);
    for (const term of ['nausea', 'rash', 'neutropenia', 'pneumonitis', 'atrial fibrillation', 'macular edema', 'qt prolongation', 'flushing', 'lymphopenia']) expect(derived).toContain(term);
    expect(derived.every((term) => term.split(' ').length <= 4)).toBe(true);
    const lexicon = loadInsightLexicons().adverseEventTerms;
    expect(lexicon).not.toContain('renal impairment');
    expect(lexicon).toContain('bleed');
  });
});
