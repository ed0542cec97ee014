import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../testing/query-database.ts';
import type { DimensionName, MetricName } from './metric-catalog.ts';
import { metricCatalog, metricNames } from './metric-catalog.ts';
import { FIXTURE_AS_OF, JUNE, PerformanceFixture } from './performance-fixture.ts';
import { PerformanceMetrics, queryId, type PerformanceResult } from './performance-metrics.ts';
import type { MetricFilters } from './query-builder.ts';

const EAST = ['T-E1', 'T-E2'];
const settings = { deadEndDays: 14, caps: { contacts7Days: 3, contacts30Days: 8 } };

let fixture: PerformanceFixture;
let engine: PerformanceMetrics;
beforeAll(() => {
  fixture = PerformanceFixture.build();
  engine = new PerformanceMetrics(fixture.store.database);
});
afterAll(() => fixture.remove());

async function run(metric: MetricName, options: { dimension?: DimensionName; filters?: MetricFilters; territories?: string[] | undefined; compare?: boolean } = {}) {
  const result = await engine.run({
    metric,
    dimension: options.dimension ?? null,
    filters: options.filters ?? {},
    period: JUNE,
    compareTo: options.compare === false ? 'none' : 'previous_period',
    asOf: FIXTURE_AS_OF,
    territories: 'territories' in options ? options.territories : EAST,
    settings,
  });
  if (result.status !== 'answered') throw new Error(`unexpected ${result.status}: ${result.message}`);
  return result;
}

type Answered = Extract<PerformanceResult, { status: 'answered' }>;
/** group → [current value, previous value] */
const values = (result: Answered) => Object.fromEntries(result.rows.map((row) => [row.group ?? 'all', [row.current?.value ?? null, row.previous?.value ?? null]]));
const current = (result: Answered) => Object.fromEntries(result.rows.map((row) => [row.group ?? 'all', row.current && [row.current.numerator, row.current.denominator, row.current.value]]));

// Every number below is worked out by hand from performance-fixture.ts (east: h1–h5; June against 3–31 May).
describe('metrics against hand-computed values (manager east, June vs May)', () => {
  it('periods: June 1–29 against the 29 days before', async () => {
    const result = await run('reach');
    expect(result.period).toEqual({ from: '2026-06-01T00:00:00.000Z', to: '2026-06-30T00:00:00.000Z', label: '2026-06-01 to 2026-06-29' });
    expect(result.comparedWith).toEqual({ from: '2026-05-03T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z', label: '2026-05-03 to 2026-05-31' });
  });

  it('reach: h1, h3, h4, h5 contacted of 5; in May h1 and h4', async () => {
    const result = await run('reach');
    expect(current(result)).toEqual({ all: [4, 5, 0.8] });
    expect(result.rows[0]).toMatchObject({ previous: { numerator: 2, denominator: 5, value: 0.4 }, change: 0.4 });
    expect(current(await run('reach', { dimension: 'territory' }))).toEqual({ 'T-E1': [2, 3, 0.6667], 'T-E2': [2, 2, 1] });
    expect(current(await run('reach', { dimension: 'channel', compare: false }))).toEqual({
      email: [2, 5, 0.4],
      field_visit: [1, 5, 0.2],
      medical_inquiry: [1, 5, 0.2],
      msl_meeting: [1, 5, 0.2],
      phone: [1, 5, 0.2],
      remote_detail: [1, 5, 0.2],
    });
    // By rep: the rep's own contacts with the HCPs of their territories.
    expect(current(await run('reach', { dimension: 'rep' }))).toEqual({ 'rep-e1': [1, 3, 0.3333], 'rep-e2': [2, 2, 1] });
    expect(current(await run('reach', { filters: { rep: 'rep-e2' } }))).toEqual({ all: [2, 2, 1] });
    expect(current(await run('reach', { dimension: 'segment' }))).toEqual({ A: [2, 2, 1], B: [0, 1, 0], C: [1, 1, 1], D: [1, 1, 1] });
    // A specialty filter is part of the specialty, in any case: "oncology" is h1, h2 and h4's "Oncology", "NEURO" h3's "Neurology".
    expect(current(await run('reach', { filters: { specialty: 'oncology' } }))).toEqual({ all: [2, 3, 0.6667] });
    expect(current(await run('reach', { filters: { specialty: 'NEURO' } }))).toEqual({ all: [1, 1, 1] });
  });

  it('frequency: 10 contacts over 4 reached HCPs', async () => {
    expect(current(await run('frequency'))).toEqual({ all: [10, 4, 2.5] });
    expect(current(await run('frequency', { dimension: 'rep' }))).toEqual({ 'rep-e1': [2, 1, 2], 'rep-e2': [6, 2, 3] });
    expect(current(await run('frequency', { dimension: 'territory' }))).toEqual({ 'T-E1': [3, 2, 1.5], 'T-E2': [7, 2, 3.5] });
  });

  it('engagement rate: every east HCP engaged in June, 3 of 5 in May', async () => {
    expect(values(await run('engagement_rate'))).toEqual({ all: [1, 0.6] });
    const byChannel = current(await run('engagement_rate', { dimension: 'channel', compare: false }));
    expect(byChannel.email).toEqual([1, 5, 0.2]);
    expect(byChannel.webinar).toEqual([2, 5, 0.4]);
    expect(byChannel.website).toEqual([1, 5, 0.2]);
  });

  it('email open and click rates: 1 open and 1 click to 5 sent; May 1 of 1 opened', async () => {
    expect(current(await run('email_open_rate'))).toEqual({ all: [1, 5, 0.2] });
    expect(values(await run('email_open_rate'))).toEqual({ all: [0.2, 1] });
    expect(values(await run('email_click_rate'))).toEqual({ all: [0.2, 0] });
    expect(current(await run('email_open_rate', { dimension: 'rep', compare: false }))).toEqual({ 'rep-e1': [1, 1, 1], 'rep-e2': [0, 4, 0] });
  });

  it('webinar attendance: h2 attended, h1 registered only', async () => {
    expect(current(await run('webinar_attendance'))).toEqual({ all: [1, 2, 0.5] });
    expect(values(await run('webinar_attendance'))).toEqual({ all: [0.5, 1] });
  });

  it('follow-ups after intent: i3 and i15 followed, i7 a dead end, i8 still in its window', async () => {
    const rate = await run('follow_up_rate');
    expect(current(rate)).toEqual({ all: [2, 3, 0.6667] });
    expect(rate.rows[0]).toMatchObject({ previous: { numerator: 1, denominator: 2, value: 0.5 }, change: 0.1667 });
    expect(current(await run('dead_end_rate'))).toEqual({ all: [1, 3, 0.3333] });
    expect(current(await run('dead_end_rate', { dimension: 'rep' }))).toEqual({ 'rep-e1': [1, 2, 0.5], 'rep-e2': [0, 1, 0] });
    expect(current(await run('follow_up_rate', { dimension: 'channel', compare: false }))).toEqual({
      content_download: [0, 0, null],
      email: [1, 1, 1],
      webinar: [0, 1, 0],
      website: [1, 1, 1],
    });
    // Median of 2 d 22 h 55 min (i3 → i4) and 2 d (i15 → i16); May: 5 days (p3 → p4).
    const median = await run('median_time_to_follow_up');
    expect(current(median)).toEqual({ all: [null, 2, 2.48] });
    expect(values(median)).toEqual({ all: [2.48, 5] });
    // West: i18 never followed up.
    expect(current(await run('dead_end_rate', { territories: ['T-W'] }))).toEqual({ all: [1, 1, 1] });
  });

  it('cross-channel progression: h1 (open → visit), h2 (registered → attended), h5 (website → remote detail) of h1, h2, h4, h5', async () => {
    expect(current(await run('cross_channel_progression'))).toEqual({ all: [3, 4, 0.75] });
    expect(values(await run('cross_channel_progression'))).toEqual({ all: [0.75, 0.3333] });
    expect(current(await run('cross_channel_progression', { dimension: 'channel', compare: false }))).toEqual({
      email: [1, 1, 1],
      phone: [0, 1, 0],
      webinar: [1, 1, 1],
      website: [1, 1, 1],
    });
  });

  it('NBA acceptance: r1 accepted, r2 dismissed after an accept, r3 without feedback; r4 is west', async () => {
    expect(current(await run('nba_acceptance_rate'))).toEqual({ all: [1, 2, 0.5] });
    expect(current(await run('nba_acceptance_rate', { territories: undefined }))).toEqual({ all: [2, 3, 0.6667] });
    expect(current(await run('nba_acceptance_rate', { dimension: 'channel', compare: false }))).toEqual({ email: [1, 1, 1], field_visit: [0, 1, 0], phone: [0, 0, null] });
    expect(current(await run('nba_acceptance_rate', { dimension: 'rep', compare: false }))).toEqual({ 'rep-e1': [1, 2, 0.5], 'rep-e2': [0, 0, null] });
  });

  it('consent coverage at the end of June (and of May), as the NBA consent gate reads it', async () => {
    expect(values(await run('consent_coverage'))).toEqual({ all: [0.4, 0.8] });
    const byChannel = current(await run('consent_coverage', { dimension: 'channel', compare: false }));
    expect(byChannel.email).toEqual([1, 5, 0.2]);
    expect(byChannel.field_visit).toEqual([1, 5, 0.2]);
    expect(byChannel.msl_meeting).toEqual([1, 5, 0.2]);
    expect(byChannel.sms).toEqual([0, 5, 0]);
    expect(current(await run('consent_coverage', { filters: { channel: 'email' }, compare: false }))).toEqual({ all: [1, 5, 0.2] });
    expect(current(await run('consent_coverage', { dimension: 'territory', filters: { channel: 'field_visit' }, compare: false }))).toEqual({ 'T-E1': [0, 3, 0], 'T-E2': [1, 2, 0.5] });
    expect(current(await run('consent_coverage', { dimension: 'rep', compare: false }))).toEqual({ 'rep-e1': [1, 3, 0.3333], 'rep-e2': [1, 2, 0.5] });
    // With a product, the later of the all-products and the product's record decides: h1 yes, h2 revoked,
    // h4's product grant overridden by a later general opt-out, h5's general opt-out by a later product grant.
    expect(current(await run('consent_coverage', { filters: { product: 'prod-a', channel: 'email' }, compare: false }))).toEqual({ all: [2, 5, 0.4] });
    expect(current(await run('consent_coverage', { dimension: 'product', filters: { channel: 'email' }, compare: false }))).toEqual({ 'prod-a': [2, 5, 0.4], 'prod-b': [1, 5, 0.2] });
  });

  it('over-contacted: h4 had 4 contacts within 7 days on 18 June (cap 3)', async () => {
    expect(current(await run('over_contacted'))).toEqual({ all: [1, 4, 0.25] });
    expect(values(await run('over_contacted'))).toEqual({ all: [0.25, 0] });
    expect(current(await run('over_contacted', { dimension: 'week', compare: false }))).toEqual({
      '2026-06-01': [0, 2, 0],
      '2026-06-08': [0, 1, 0],
      '2026-06-15': [1, 1, 1],
      '2026-06-22': [0, 1, 0],
    });
    const withCaps = async (contacts7Days: number, contacts30Days: number) => {
      const result = await engine.run({ metric: 'over_contacted', dimension: null, filters: {}, period: JUNE, compareTo: 'none', asOf: FIXTURE_AS_OF, territories: EAST, settings: { deadEndDays: 14, caps: { contacts7Days, contacts30Days } } });
      return result.status === 'answered' ? result.rows[0]!.current!.numerator : null;
    };
    // h4 on 19 June: 5 contacts in 7 days (15–19 June); 7 in 30 days, counting p4 of 25 May, before the period.
    expect(await withCaps(4, 8)).toBe(1);
    expect(await withCaps(5, 8)).toBe(0);
    expect(await withCaps(10, 6)).toBe(1);
    expect(await withCaps(10, 7)).toBe(0);
  });

  it('medical follow-up: i9 answered by an MSL meeting; i13 not (the reply i20 is on another product)', async () => {
    expect(current(await run('medical_follow_up_rate'))).toEqual({ all: [1, 2, 0.5] });
    expect(current(await run('medical_follow_up_rate', { dimension: 'channel' }))).toEqual({ call_center: [1, 1, 1], medical_inquiry: [0, 1, 0] });
    expect((await run('medical_follow_up_rate')).rows[0]!.previous).toMatchObject({ numerator: 0, denominator: 0, value: null }); // no questions in May
  });

  it('groups by week, month and product', async () => {
    expect(current(await run('reach', { dimension: 'month', compare: false }))).toEqual({ '2026-06': [4, 5, 0.8] });
    expect((await run('reach', { dimension: 'week', compare: false })).rows[0]).toMatchObject({ group: '2026-06-01', label: 'week of 2026-06-01' });
    const byProduct = await run('email_open_rate', { dimension: 'product', compare: false });
    expect(byProduct.rows).toEqual([expect.objectContaining({ group: 'prod-a', label: 'Alphira (alphamab)', current: expect.objectContaining({ value: 0.2 }) })]);
  });
});

describe('unsupported breakdowns are answers, not errors', () => {
  it('names the dimensions a metric supports', async () => {
    const result = await engine.run({ metric: 'email_open_rate', dimension: 'channel', filters: {}, period: JUNE, compareTo: 'none', asOf: FIXTURE_AS_OF, territories: EAST, settings });
    expect(result).toMatchObject({ status: 'unsupported', supportedDimensions: ['territory', 'rep', 'product', 'segment', 'specialty', 'week', 'month'] });
    expect(result.status === 'unsupported' && result.message).toMatch(/cannot be broken down by channel/);
    const filtered = await engine.run({ metric: 'over_contacted', dimension: null, filters: { product: 'prod-a' }, period: JUNE, compareTo: 'none', asOf: FIXTURE_AS_OF, territories: EAST, settings });
    expect(filtered).toMatchObject({ status: 'unsupported', supportedFilters: ['territory', 'rep', 'segment', 'specialty'] });
    expect((await engine.run({ metric: 'consent_coverage', dimension: 'week', filters: {}, period: JUNE, compareTo: 'none', asOf: FIXTURE_AS_OF, territories: EAST, settings })).status).toBe('unsupported');
  });
});

describe('traceability', () => {
  const combinations: [MetricName, DimensionName | null][] = metricNames.flatMap((metric) => [
    [metric, null] as [MetricName, DimensionName | null],
    [metric, 'territory'] as [MetricName, DimensionName | null],
    [metric, 'rep'] as [MetricName, DimensionName | null],
    [metric, 'week'] as [MetricName, DimensionName | null],
  ]);

  it('rerunning each returned SQL with its parameters, on a fresh connection, gives the same numbers', async () => {
    for (const [metric, dimension] of combinations) {
      const result = await engine.run({ metric, dimension, filters: {}, period: JUNE, compareTo: 'previous_period', asOf: FIXTURE_AS_OF, territories: EAST, settings });
      if (result.status !== 'answered') continue;
      expect(result.queries).toHaveLength(2);
      for (const query of result.queries) {
        expect(query.id).toBe(queryId(query));
        expect(query.sql).not.toMatch(/2026-|T-E1|rep-e/); // values are bound, never pasted into the text
        const rows = queryDatabase<{ grp: string | null; numerator: number | null; denominator: number | null; value: number | null }>(fixture.path, query.sql, query.parameters);
        expect(rows).toHaveLength(query.rows);
        for (const row of rows) {
          const shown = result.rows.find((candidate) => candidate.group === row.grp)![query.period];
          expect(shown).toEqual({ value: row.value, numerator: row.numerator, denominator: row.denominator, queryId: query.id });
        }
      }
    }
  });

  it('the same question gives the same query ids; another period another id', async () => {
    const first = await run('reach');
    const again = await run('reach');
    expect(again.queries.map((query) => query.id)).toEqual(first.queries.map((query) => query.id));
    expect(first.queries[0]!.id).not.toBe(first.queries[1]!.id);
    expect(first.queries[0]!.parameters).toMatchObject({ from: '2026-06-01T00:00:00.000Z', to: '2026-06-30T00:00:00.000Z', territories: '["T-E1","T-E2"]' });
  });
});

describe('query plans', () => {
  const plan = async (metric: MetricName, dimension?: DimensionName) => {
    const result = await run(metric, { compare: false, ...(dimension ? { dimension } : {}) });
    const query = result.queries[0]!;
    return (fixture.store.database.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.parameters) as { detail: string }[]).map((row) => row.detail).join('\n');
  };

  it('reads interactions from the covering index, or from the partial index of the rows each metric reads', async () => {
    // Engagements and the ladder: the rows that are not a send only.
    for (const metric of ['engagement_rate', 'cross_channel_progression'] as const) {
      expect([metric, await plan(metric)].join(': ')).toMatch(/SEARCH i USING COVERING INDEX interactions_not_sent \(hcp_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    }
    // Outbound contacts only: reach, frequency and over-contacted read nothing else.
    expect(await plan('reach')).toMatch(/SEARCH i USING COVERING INDEX interactions_outbound \(hcp_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(await plan('over_contacted')).toMatch(/SEARCH i USING COVERING INDEX interactions_outbound \(hcp_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(await plan('follow_up_rate')).toMatch(/USING (COVERING )?INDEX interactions_intents/);
    expect(await plan('follow_up_rate')).toMatch(/SEARCH f USING COVERING INDEX interactions_by_hcp_time \(hcp_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    // A primary rep: each covering rep's personal contacts counted from their partial index.
    // By rep the scope is materialised in HCP order: the per-HCP grouping still needs no sort (one sort: by rep).
    expect((await plan('engagement_rate', 'rep')).match(/USE TEMP B-TREE FOR GROUP BY/g)).toHaveLength(1);
    expect(await plan('dead_end_rate', 'rep')).toMatch(/SEARCH o USING COVERING INDEX interactions_personal_contacts \(hcp_id=\? AND actor_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(await plan('consent_coverage')).toMatch(/SEARCH c USING COVERING INDEX consents_by_hcp \(hcp_id=\?\)/);
    expect(await plan('medical_follow_up_rate')).toMatch(/USING (COVERING )?INDEX interactions_medical_questions/);
  });
});

describe('a rep filter with the rep dimension', () => {
  it('keeps to that rep, whatever the metric', async () => {
    for (const metric of ['reach', 'dead_end_rate', 'median_time_to_follow_up', 'consent_coverage'] as const) {
      expect([metric, (await run(metric, { dimension: 'rep', filters: { rep: 'rep-e2' }, compare: false })).rows.map((row) => row.group)]).toEqual([metric, ['rep-e2']]);
    }
  });
});

// Covering metrics by rep: each HCP counts for its primary rep only (performance-fixture.ts, addSharedTerritory:
// rep-sa and rep-sb share T-S; for June rep-sa owns h7, h9 and h10 (nobody's: the lower id), rep-sb h8).
describe('covering metrics by rep: each HCP counted for its primary rep', () => {
  let shared: PerformanceFixture;
  let sharedEngine: PerformanceMetrics;
  beforeAll(() => {
    shared = PerformanceFixture.build().addSharedTerritory();
    sharedEngine = new PerformanceMetrics(shared.store.database);
  });
  afterAll(() => shared.remove());

  const south = async (metric: MetricName, options: { dimension?: DimensionName | null; filters?: MetricFilters; territories?: string[] } = {}) => {
    const result = await sharedEngine.run({ metric, dimension: options.dimension === undefined ? 'rep' : options.dimension, filters: options.filters ?? {}, period: JUNE, compareTo: 'previous_period', asOf: FIXTURE_AS_OF, territories: options.territories ?? ['T-S'], settings });
    if (result.status !== 'answered') throw new Error(`unexpected ${result.status}: ${result.message}`);
    return result;
  };
  /** group → [numerator, denominator, value] of the current period (or of the previous one). */
  const now = (result: Answered) => Object.fromEntries(result.rows.filter((row) => row.current).map((row) => [row.group ?? 'none', [row.current!.numerator, row.current!.denominator, row.current!.value]]));
  const before = (result: Answered) => Object.fromEntries(result.rows.filter((row) => row.previous).map((row) => [row.group ?? 'none', [row.previous!.numerator, row.previous!.denominator, row.previous!.value]]));

  it('dead ends: s13 (h7), s16 (h9) and s17 (h10) are rep-sa’s, s14 (h8, followed by s15) rep-sb’s', async () => {
    const result = await south('dead_end_rate');
    expect(now(result)).toEqual({ 'rep-sa': [3, 3, 1], 'rep-sb': [0, 1, 0] });
    expect(result.rows.map((row) => row.label)).toEqual(['User rep-sa (rep-sa)', 'User rep-sb (rep-sb)']);
    expect(result.definition).toMatch(/primary rep/);
    expect(result.definition).not.toMatch(/same figure/);
    expect(now(await south('follow_up_rate'))).toEqual({ 'rep-sa': [0, 3, 0], 'rep-sb': [1, 1, 1] });
    // s14 (3 June 09:00) → s15 (5 June 09:00): 2 days.
    expect(now(await south('median_time_to_follow_up'))).toEqual({ 'rep-sb': [null, 1, 2] });
    // Each HCP counts once: the territory is the sum of its reps.
    expect(now(await south('dead_end_rate', { dimension: 'territory' }))).toEqual({ 'T-S': [3, 4, 0.75] });
  });

  it('a rep filter keeps the HCPs whose primary rep that rep is', async () => {
    expect(now(await south('dead_end_rate', { dimension: null, filters: { rep: 'rep-sa' } }))).toEqual({ none: [3, 3, 1] });
    expect(now(await south('dead_end_rate', { dimension: null, filters: { rep: 'rep-sb' } }))).toEqual({ none: [0, 1, 0] });
    expect(now(await south('dead_end_rate', { dimension: 'territory', filters: { rep: 'rep-sb' } }))).toEqual({ 'T-S': [0, 1, 0] });
    expect(now(await south('dead_end_rate', { filters: { rep: 'rep-sa' } }))).toEqual({ 'rep-sa': [3, 3, 1] });
  });

  it('each period is attributed with its own 180 days: in May rep-sa’s email of 15 December ties h8, so rep-sa owns it', async () => {
    // Consent in force at the end of the period: only h8 (c12).
    const result = await south('consent_coverage');
    expect(now(result)).toEqual({ 'rep-sa': [0, 3, 0], 'rep-sb': [1, 1, 1] });
    expect(before(result)).toEqual({ 'rep-sa': [1, 4, 0.25] });
  });

  it('contacts by a rep who does not cover the territory, and automated ones, do not make a primary rep', async () => {
    // rep-e1 visited h9 three times but does not cover T-S (h9 stays rep-sa's); h10 had only an automated email (rep-sa by the lower id).
    const engaged = await south('engagement_rate', { territories: ['T-S', 'T-E1'] });
    expect(now(engaged)).toEqual({ 'rep-e1': [3, 3, 1], 'rep-sa': [3, 3, 1], 'rep-sb': [1, 1, 1] });
  });

  it('the SQL of every covering metric by rep (and filtered by rep) reruns to the same numbers', async () => {
    for (const metric of metricNames.filter((name) => metricCatalog[name].rep === 'covering')) {
      for (const filters of [{}, { rep: 'rep-sb' }] as MetricFilters[]) {
        const result = await south(metric, { filters, territories: ['T-S', 'T-E1', 'T-E2'] });
        for (const query of result.queries) {
          expect(query.sql).not.toMatch(/2026-|T-S|rep-s/);
          const rows = queryDatabase<{ grp: string | null; numerator: number | null; denominator: number | null; value: number | null }>(shared.path, query.sql, query.parameters);
          expect(rows).toHaveLength(query.rows);
          for (const row of rows) {
            expect(result.rows.find((candidate) => candidate.group === row.grp)![query.period]).toEqual({ value: row.value, numerator: row.numerator, denominator: row.denominator, queryId: query.id });
          }
        }
      }
    }
  });
});
