import { describe, expect, it } from 'vitest';
import { readAnalyticsQuestion } from './analytics-question.ts';

const read = (question: string) => readAnalyticsQuestion(` ${question} `, { territoryNames: new Map(), repNames: new Map() }, '2026-12-07T00:00:00.000Z');

describe('periods a question names', () => {
  it('reads "since october" as from the first of that month (last year when the month is still ahead) to today', () => {
    expect(read('any possible aes in the notes since october?').range).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(read('email opens from sept on').range).toEqual({ from: '2026-09-01', to: '2026-12-07' });
    expect(read('themes since the start of march').range).toEqual({ from: '2026-03-01', to: '2026-12-07' });
  });

  it('takes no word that only begins like a month for one ("feedback from marcus", "notes from mayo")', () => {
    expect(read('feedback from marcus').range).toBeNull();
    expect(read('notes from mayo clinic docs').range).toBeNull();
  });
});

describe('specialties and breakdowns in managers\' words', () => {
  it('reads specialists not named "-ologist" as the part of the specialty the data spells', () => {
    expect(read('pediatricians in columbus with open questions').specialty).toBe('pediatric');
    expect(read('which internists are overdue').specialty).toBe('internal medicine');
    expect(read('rheumatologists with dead ends').specialty).toBe('rheumatology');
  });

  it('reads "compared to the rest of the team" as a breakdown by rep', () => {
    expect(read('how is our email click rate compared to the rest of the team?').dimension).toBe('rep');
    expect(read('email click rate this quarter').dimension).toBeNull();
  });
});
