import { describe, expect, it } from 'vitest';
import { metricsNamed, readAnalyticsQuestion } from './analytics-question.ts';

const read = (question: string) => readAnalyticsQuestion(` ${question} `, { territoryNames: new Map(), repNames: new Map() }, '2026-12-07T00:00:00.000Z');

describe('periods a question names', () => {
  it('reads "since october" as from the first of that month (last year when the month is still ahead) to today', () => {
    expect(read('any possible aes in the notes since october?').range).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(read('email opens from sept on').range).toEqual({ from: '2026-09-01', to: '2026-12-07' });
    expect(read('themes since the start of march').range).toEqual({ from: '2026-03-01', to: '2026-12-07' });
  });

  it('reads "from last month" as the period, "up from last month" as a comparison', () => {
    expect(read('anything to flag to pv from last month').period).toBe('last_month');
    expect(read('open rate this month, up from last month?').period).toBe('this_month');
  });

  it('reads "against this time last year" as the same period a year before, keeping the period; "the 60 days before that" as the period before', () => {
    expect(read('and against this time last year')).toMatchObject({ compare: 'previous_year', period: null });
    expect(read('how about the 60 days before that').compare).toBe('previous_period');
  });

  it('reads a segment said as "the A docs" or "tier-b", and not the article "a"', () => {
    expect(read('just the A docs'.toLowerCase()).segment).toBe('A');
    expect(read('tier-b only').segment).toBe('B');
    expect(read('give me a list of docs').segment).toBeNull();
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

describe('metrics in managers\' words', () => {
  it.each([
    ['how fast do we get back to docs after they click something', 'median_time_to_follow_up'],
    ['what % of our docs did we touch this qtr', 'reach'],
    ['how many docs showed up to webinars', 'webinar_attendance'],
    ['how many docs are we hammering too hard', 'over_contacted'],
    ['are my reps taking the system\'s suggestions?', 'nba_acceptance_rate'],
    ['what % of our docs have consent', 'consent_coverage'],
    ['which territory is worst at answering medical questions', 'medical_follow_up_rate'],
  ])('"%s" → %s', (question, metric) => {
    expect(read(question).metric).toBe(metric);
  });

  it('reads "trailing 90d", "seg A" and "the specialties"', () => {
    expect(read('engagement rate, trailing 90d').period).toBe('last_90_days');
    expect(read('what if we look at seg a only').segment).toBe('A');
    expect(read('how are the specialties doing on engagement').dimension).toBe('specialty');
  });

  it('lists every metric a question names, in its order, "time to follow up" not also "follow-up rate"', () => {
    expect(metricsNamed(' follow-up rate by rep and also consent coverage by rep ')).toEqual(['follow_up_rate', 'consent_coverage']);
    expect(metricsNamed(' median time to follow up by rep ')).toEqual(['median_time_to_follow_up']);
  });
});
