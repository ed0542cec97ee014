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

  it('reads "since labor day", "since thanksgiving" and "since 10/1" as from that day (last year\'s when still ahead), and "quarter-to-date" as the quarter so far', () => {
    expect(read('themes from my notes since labor day').range).toEqual({ from: '2026-09-07', to: '2026-12-07' });
    expect(read('since memorial day').range).toEqual({ from: '2026-05-25', to: '2026-12-07' });
    expect(read('anything since thanksgiving').range).toEqual({ from: '2026-11-26', to: '2026-12-07' });
    expect(read('anything safety-reportable since 10/1').range).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(read('since 12/20').range).toEqual({ from: '2025-12-20', to: '2026-12-07' });
    expect(read('quarter-to-date medical follow-up').period).toBe('this_quarter');
  });

  it('reads metrics and breakdowns in managers\' everyday words', () => {
    expect(read('how many hcps has each rep reached')).toMatchObject({ metric: 'reach', dimension: 'rep' });
    expect(read('which specialties are showing up to our webinars')).toMatchObject({ metric: 'webinar_attendance', dimension: 'specialty' });
    expect(read('gi docs: what % have opted in to sms').metric).toBe('consent_coverage');
    expect(read('rank reps by nba acceptance, bottom first')).toMatchObject({ metric: 'nba_acceptance_rate', dimension: 'rep' });
  });

  it('reads "by HCP segment" as the segment breakdown and "my top 3 A docs" as segment A', () => {
    expect(read('split medical follow-up by hcp segment').dimension).toBe('segment');
    expect(read('my top 3 a docs').segment).toBe('A');
    expect(read('narrow to the best 3').top).toBe(3);
  });

  it('reads a first name of the user\'s own team said of someone as that rep ("what about jamie specifically", "my 1:1 with taylor")', () => {
    const names = { territoryNames: new Map(), repNames: new Map([['jamie ng', 'u-rep-mw-2'], ['taylor brandt', 'u-rep-ne-1'], ['taylor west', 'u-rep-w-9']]), teamReps: new Set(['u-rep-mw-2', 'u-rep-ne-1']) };
    const rep = (question: string) => readAnalyticsQuestion(` ${question} `, names, '2026-12-07T00:00:00.000Z').rep;
    expect(rep('what about jamie specifically')).toBe('u-rep-mw-2');
    expect(rep('for my 1:1 with taylor: engagement rate last quarter')).toBe('u-rep-ne-1');
    expect(rep('jamie said the webinar went well')).toBeNull();
  });

  it('takes no word that only begins like a month for one ("feedback from marcus", "notes from mayo")', () => {
    expect(read('feedback from marcus').range).toBeNull();
    expect(read('notes from mayo clinic docs').range).toBeNull();
  });
});

describe('specialties and breakdowns in managers\' words', () => {
  it('reads specialists not named "-ologist" as the part of the specialty the data spells', () => {
    // The data spells it "Pediatrics" (and people asking for a filter write it so).
    expect(read('pediatricians in columbus with open questions').specialty).toBe('pediatrics');
    expect(read('kalydeco questions from my pulmonary docs').specialty).toBe('pulmonary');
    expect(read('just what the geneticists said').specialty).toBe('genetics');
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

describe('managers\' own words for periods, comparisons, breakdowns and filters', () => {
  const names = { territoryNames: new Map(), repNames: new Map([['taylor brandt', 'u-rep-ne-1'], ['jordan ferreira', 'u-rep-mw-1'], ['jordan hale', 'u-rep-w-2']]), teamReps: new Set(['u-rep-w-2']) };
  const readAs = (question: string) => readAnalyticsQuestion(` ${question} `, names, '2026-11-20T00:00:00.000Z');

  it.each([
    ['reach, prior quarter', 'last_quarter'],
    ['gilenya ae mentions since the quarter started', 'this_quarter'],
    ['full year of field themes, all products', 'last_365_days'],
    ['monthly med follow up trend since january', 'year_to_date'],
    ['notes from the previous month', 'last_month'],
  ])('%s → %s', (question, period) => {
    expect(readAs(question)).toMatchObject({ period, range: null });
  });

  it('reads spans in weeks and words ("last 6 wks", "past six weeks") as that many days to today', () => {
    expect(readAs('dead ends in the last 6 wks').range).toEqual({ from: '2026-10-10', to: '2026-11-20' });
    expect(readAs('reach over the past six weeks').range).toEqual({ from: '2026-10-10', to: '2026-11-20' });
  });

  it('reads "compare it to last year" and "this year vs last" as the year before, without making a year the period', () => {
    expect(readAs('compare it to last year')).toMatchObject({ compare: 'previous_year', period: null });
    expect(readAs('territory engagement rates, this year vs last')).toMatchObject({ compare: 'previous_year', period: 'year_to_date', dimension: 'territory' });
  });

  it('reads breakdowns said without "by": the territory lagging worst, the reps letting follow-ups slide, channels side by side, a specialty split', () => {
    expect(readAs('name the territory lagging worst on med follow up').dimension).toBe('territory');
    expect(readAs('show me the reps letting follow-ups slide').dimension).toBe('rep');
    expect(readAs('med follow up, email vs msl meetings vs the rest').dimension).toBe('channel');
    expect(readAs('specialty split pls').dimension).toBe('specialty');
    expect(readAs('regional themes, past 30').dimension).toBe('territory');
  });

  it('reads metrics in their words: webinar show-up, drowning HCPs in contacts', () => {
    expect(readAs('webinar show-up by month, ytd').metric).toBe('webinar_attendance');
    expect(readAs('are we drowning hcps in contacts? overall number').metric).toBe('over_contacted');
  });

  it('reads a rep by first name ("taylor\'s reach"), the manager\'s own rep when two share it, and none when it stays unclear', () => {
    expect(readAs("taylor's reach over the last 90").rep).toBe('u-rep-ne-1');
    expect(readAs("jordan's follow up rate this quarter so far").rep).toBe('u-rep-w-2');
    expect(readAnalyticsQuestion(" jordan's follow up rate ", { ...names, teamReps: new Set<string>() }, '2026-11-20T00:00:00.000Z').rep).toBeNull();
  });

  it('reads segments said "A-tier", "my A docs", "just the B tier" and list sizes in words', () => {
    expect(readAs('how often are a-tier docs getting touched').segment).toBe('A');
    expect(readAs('my a docs who opted out of email').segment).toBe('A');
    expect(readAs('just the b tier').segment).toBe('B');
    expect(readAs('five names for this week, ranked').top).toBe(5);
  });
});

describe('periods, comparisons, breakdowns and metrics in still other words', () => {
  const names = { territoryNames: new Map([['midwest', ['T-MW']]]), repNames: new Map([['jordan ferreira', 'u-rep-mw-1'], ['jordan hale', 'u-rep-w-2'], ['blake prescott', 'u-rep-w-1']]), teamReps: new Set(['u-rep-w-2', 'u-rep-w-1']) };
  const readAs = (question: string) => readAnalyticsQuestion(` ${question} `, names, '2026-11-20T00:00:00.000Z');

  it.each([
    ['imbruvica dosing questions over the last sixty days', 'last_60_days'],
    ['possible aes across the field, last seven days', 'last_7_days'],
    ["two weeks' worth of notes", 'last_14_days'],
    ['dead ends by territory for the quarter that just closed', 'last_quarter'],
    ['kalydeco possible adverse events since new year', 'year_to_date'],
  ])('%s → %s', (question, period) => {
    expect(readAs(question).period).toBe(period);
  });

  it('reads US dates, "a year ago" and "no comparison"', () => {
    expect(readAs('cerdelga notes between 10/1 and 11/15').range).toEqual({ from: '2026-10-01', to: '2026-11-15' });
    expect(readAs('medical follow-up rate against a year ago').compare).toBe('previous_year');
    expect(readAs("how's that vs a year back").compare).toBe('previous_year');
    expect(readAs('follow-up rate, just the number, no comparison').compare).toBe('none');
  });

  it('reads metrics and breakdowns in managers\' words', () => {
    expect(readAs('are we carpet-bombing hcps? one number').metric).toBe('over_contacted');
    expect(readAs('unique hcps reached in the past 7 days').metric).toBe('reach');
    expect(readAs('which specialties actually open our emails')).toMatchObject({ metric: 'email_open_rate', dimension: 'specialty' });
    expect(readAs('phone opt-in coverage: a vs b vs c vs d')).toMatchObject({ metric: 'consent_coverage', dimension: 'segment' });
    expect(readAs('what % of docs have whatsapp consent in each of my territories')).toMatchObject({ metric: 'consent_coverage', dimension: 'territory' });
    expect(readAs('coverage of email consent, region by region')).toMatchObject({ metric: 'consent_coverage', dimension: 'territory' });
    expect(readAs('median follow-up days in the midwest, qtd')).toMatchObject({ metric: 'median_time_to_follow_up', period: 'this_quarter', territories: ['T-MW'] });
    expect(readAs('per-rep numbers for the west').dimension).toBe('rep');
    expect(readAs('switch the breakdown to specialty').dimension).toBe('specialty');
    expect(readAs('cut it to 3').top).toBe(3);
    expect(readAs('what has come up with pediatrics specialists').specialty).toBe('pediatrics');
  });

  it('reads a rep by last name ("prescott\'s dead end rate") and "and jordan?" as the manager\'s own Jordan', () => {
    expect(readAs("prescott's dead end rate").rep).toBe('u-rep-w-1');
    expect(readAs('and jordan?').rep).toBe('u-rep-w-2');
  });
});

describe('months named against each other, and a count after the verb', () => {
  it('reads "compare september with august" as september against august, whole months', () => {
    expect(read('compare september with august')).toMatchObject({ range: { from: '2026-09-01', to: '2026-09-30' }, compare: { from: '2026-08-01', to: '2026-08-31' } });
    expect(read('reach in oct vs sept')).toMatchObject({ range: { from: '2026-10-01', to: '2026-10-31' }, compare: { from: '2026-09-01', to: '2026-09-30' } });
    // Without a word that compares, "september and august" is no comparison.
    expect(read('notes from september and august').compare).toBeNull();
  });

  it('reads "from may to june" as both whole months', () => {
    expect(read('reach from may to june').range).toEqual({ from: '2026-05-01', to: '2026-06-30' });
  });

  it('reads "rank 5 for me" as five, "give me 5 days" as no count', () => {
    expect(read('rank 5 for me').top).toBe(5);
    expect(read('list me eight').top).toBe(8);
    expect(read('give me 5 days').top).toBeNull();
  });
});

describe('the words of held-out 16: quarters against each other, shares that opted in, two reps side by side', () => {
  it('reads "q3 vs q2" and "from q2 to q3" as Q3 against Q2, whole quarters', () => {
    const q3 = { from: '2026-07-01', to: '2026-09-30' };
    const q2 = { from: '2026-04-01', to: '2026-06-30' };
    expect(read('qbr prep: follow-up rate q3 vs q2')).toMatchObject({ period: null, range: q3, compare: q2 });
    expect(read('did cross-channel progression improve from q2 to q3')).toMatchObject({ range: q3, compare: q2 });
    expect(read('q3 vs q3 last year')).toMatchObject({ period: 'last_quarter', compare: 'previous_year' });
  });

  it('reads "compare with october last year" and "the same quarter last year" as a year before, keeping the period', () => {
    expect(read('compare with october last year')).toMatchObject({ period: null, compare: 'previous_year' });
    expect(read('and compare with the same quarter last year')).toMatchObject({ period: null, compare: 'previous_year' });
  });

  it('reads consent coverage, medical follow-up and webinar attendance in managers\' words', () => {
    expect(read('what share of hcps in each territory have opted in to whatsapp')).toMatchObject({ metric: 'consent_coverage', dimension: 'territory' });
    expect(read('share of dermatologists with email consent').metric).toBe('consent_coverage');
    expect(read('which region is the weakest at following up on medical questions')).toMatchObject({ metric: 'medical_follow_up_rate', dimension: 'territory' });
    expect(read('how many hcps attended our webinars in october').metric).toBe('webinar_attendance');
    expect(read('how does consent coverage compare across territories').dimension).toBe('territory');
  });

  it('reads "widen to 6 months", "and september?", "only the three biggest", "a shortlist of 6"', () => {
    expect(read('widen to 6 months').period).toBe('last_180_days');
    expect(read('and september?').range).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(read('give me only the three biggest').top).toBe(3);
    expect(read('give me a shortlist of 6 for tomorrow').top).toBe(6);
  });

  it('reads two of the manager\'s reps by last name as a breakdown by rep, one as that rep', () => {
    const names = { territoryNames: new Map(), repNames: new Map([['jamie prescott', 'u-rep-w-1'], ['jordan soto', 'u-rep-w-2']]), teamReps: new Set(['u-rep-w-1', 'u-rep-w-2']) };
    expect(readAnalyticsQuestion(' follow-up rate for prescott and soto, side by side ', names, '2026-12-07T00:00:00.000Z').dimension).toBe('rep');
    expect(readAnalyticsQuestion(' how many hcps did soto reach in october ', names, '2026-12-07T00:00:00.000Z').rep).toBe('u-rep-w-2');
  });
});

