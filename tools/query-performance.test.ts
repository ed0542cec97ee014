import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolParameters } from '../src/core/define-tool.ts';
import { FIXTURE_AS_OF, JUNE, PerformanceFixture } from '../src/analytics/performance-fixture.ts';
import { PerformanceMetrics } from '../src/analytics/performance-metrics.ts';
import { loadNbaWeights } from '../src/nba/weights.ts';
import { queryDatabase } from '../src/testing/query-database.ts';
import { queryPerformanceTool } from './query-performance.ts';
import type { ToolContext } from './tool-context.ts';

let fixture: PerformanceFixture;
let performance: PerformanceMetrics;
beforeAll(() => {
  fixture = PerformanceFixture.build();
  performance = new PerformanceMetrics(fixture.store.database);
});
afterAll(() => fixture.remove());

/** What the tool reads from its context: the caller (from the signed-in user), "now", the NBA settings and the engine. */
function contextFor(userId: string): ToolContext {
  return {
    user: fixture.store.users.getById(userId)!,
    caller: fixture.caller(userId),
    asOf: FIXTURE_AS_OF,
    store: fixture.store,
    nba: { deadEndDays: 14, weights: loadNbaWeights() },
    analytics: { performance },
  } as unknown as ToolContext;
}

async function ask(userId: string, input: Record<string, unknown>) {
  const parsed = queryPerformanceTool.input.parse({ period: JUNE, ...input });
  return queryPerformanceTool.output.parse(await queryPerformanceTool.execute(parsed, contextFor(userId)));
}

describe('query_performance', () => {
  it("answers a manager for their team, with the queries behind every number", async () => {
    const output = await ask('mgr-east', { metric: 'follow_up_rate', dimension: 'territory' });
    expect(output.status).toBe('answered');
    if (output.status !== 'answered') return;
    expect(output.rows.map((row) => [row.group, row.current?.value, row.previous?.value])).toEqual([
      ['T-E1', 0.5, 0],
      ['T-E2', 1, 1],
    ]);
    expect(output.queries.map((query) => query.period)).toEqual(['current', 'previous']);
    // Traceable: the SQL and parameters in the answer, rerun on their own, give the numbers shown.
    const [currentQuery] = output.queries;
    const rerun = queryDatabase<{ grp: string; value: number }>(fixture.path, currentQuery!.sql, currentQuery!.parameters);
    expect(rerun.map((row) => [row.grp, row.value])).toEqual([
      ['T-E1', 0.5],
      ['T-E2', 1],
    ]);
    expect(output.rows[0]!.current!.queryId).toBe(currentQuery!.id);
  });

  it('a manager asking about another team gets a refusal, not empty numbers', async () => {
    expect(await ask('mgr-east', { metric: 'reach', filters: { territory: ['T-W'] } })).toEqual({ status: 'out_of_scope', message: "T-W is not among your team's territories (T-E1, T-E2)." });
    expect(await ask('mgr-east', { metric: 'dead_end_rate', filters: { rep: 'rep-w' } })).toEqual({ status: 'out_of_scope', message: 'User rep-w (rep-w) is not on your team.' });
    expect(await ask('mgr-west', { metric: 'reach', filters: { territory: ['T-W', 'T-E1'] } })).toMatchObject({ status: 'out_of_scope' });
    expect(await ask('mgr-east', { metric: 'reach', filters: { rep: 'nobody' } })).toMatchObject({ status: 'not_found' });
  });

  it("a manager's numbers cover their team only; an admin's everyone", async () => {
    const west = await ask('mgr-west', { metric: 'reach', dimension: 'territory' });
    expect(west.status === 'answered' && west.rows.map((row) => [row.group, row.current?.numerator, row.current?.denominator])).toEqual([['T-W', 1, 1]]);
    const east = await ask('mgr-east', { metric: 'reach', dimension: 'rep' });
    expect(east.status === 'answered' && east.rows.map((row) => row.group)).toEqual(['rep-e1', 'rep-e2']);
    const all = await ask('admin', { metric: 'reach', dimension: 'territory' });
    expect(all.status === 'answered' && all.rows.map((row) => row.group)).toEqual(['T-E1', 'T-E2', 'T-W']);
    expect(await ask('mgr-east', { metric: 'reach', filters: { territory: ['T-E2'], rep: 'rep-e2' } })).toMatchObject({ status: 'answered', rows: [{ current: { value: 1 } }] });
  });

  it('reps and MSLs cannot query team performance; medical affairs only the medical follow-up rate', async () => {
    for (const userId of ['rep-e1', 'msl-e1']) {
      const output = await ask(userId, { metric: 'reach' });
      expect(output).toMatchObject({ status: 'out_of_scope' });
      expect(output.status === 'out_of_scope' && output.message).toMatch(/team performance is for managers/i);
    }
    expect(await ask('rep-e1', { metric: 'reach', filters: { rep: 'rep-e1' } })).toMatchObject({ status: 'out_of_scope' });
    expect(await ask('medaff', { metric: 'reach' })).toMatchObject({ status: 'out_of_scope', message: expect.stringMatching(/medical follow-up rate/) });
    expect(await ask('medaff', { metric: 'medical_follow_up_rate' })).toMatchObject({ status: 'answered', rows: [{ current: { numerator: 1, denominator: 2 } }] });
  });

  it('an unsupported breakdown and an impossible period are answers', async () => {
    expect(await ask('mgr-east', { metric: 'over_contacted', dimension: 'channel' })).toMatchObject({ status: 'unsupported', supportedDimensions: ['territory', 'rep', 'segment', 'specialty', 'week', 'month'] });
    expect(await ask('mgr-east', { metric: 'reach', period: { from: '2026-07-01', to: '2026-07-31' } })).toMatchObject({ status: 'invalid', message: expect.stringMatching(/after now/) });
  });

  it('compares with the period asked for, or with none', async () => {
    const output = await ask('mgr-east', { metric: 'reach', compareTo: 'none' });
    expect(output).toMatchObject({ status: 'answered', comparedWith: null, rows: [{ previous: null, change: null }] });
    expect(output.status === 'answered' && output.queries).toHaveLength(1);
    const yearBefore = await ask('mgr-east', { metric: 'reach', compareTo: 'previous_year' });
    expect(yearBefore).toMatchObject({ comparedWith: { from: '2025-06-01T00:00:00.000Z' }, rows: [{ previous: { numerator: 0, denominator: 5 } }] });
  });

  it('takes typed input only: enums for metric and dimension, no unknown keys, no SQL', () => {
    expect(() => queryPerformanceTool.input.parse({ metric: 'revenue' })).toThrow();
    expect(() => queryPerformanceTool.input.parse({ metric: 'reach', dimension: 'hcp' })).toThrow();
    expect(() => queryPerformanceTool.input.parse({ metric: 'reach', sql: 'SELECT 1' })).toThrow();
    expect(() => queryPerformanceTool.input.parse({ metric: 'reach', filters: { region: 'NE' } })).toThrow();
    expect(queryPerformanceTool.input.parse({ metric: 'reach' })).toEqual({ metric: 'reach', dimension: null, filters: {}, period: 'last_30_days', compareTo: 'previous_period' });
    const parameters = toolParameters(queryPerformanceTool);
    expect(JSON.stringify(parameters)).toContain('median_time_to_follow_up');
    expect(queryPerformanceTool.description.length).toBeLessThan(3_000);
  });

  it('a value bound as a parameter cannot change the statement', async () => {
    const output = await ask('admin', { metric: 'reach', filters: { territory: ["T-E1') OR 1=1 --"] } });
    expect(output).toMatchObject({ status: 'answered', rows: [{ current: { numerator: 0, denominator: 0, value: null } }] });
  });
});

describe('query_performance: "which reps have the most dead ends?" where reps share a territory', () => {
  it('counts each HCP for its primary rep, so the two reps of T-S get their own figures', async () => {
    const shared = PerformanceFixture.build().addSharedTerritory();
    try {
      const engine = new PerformanceMetrics(shared.store.database);
      const context = { user: shared.store.users.getById('mgr-south')!, caller: shared.caller('mgr-south'), asOf: FIXTURE_AS_OF, store: shared.store, nba: { deadEndDays: 14, weights: loadNbaWeights() }, analytics: { performance: engine } } as unknown as ToolContext;
      const parsed = queryPerformanceTool.input.parse({ metric: 'dead_end_rate', dimension: 'rep', period: JUNE, compareTo: 'none' });
      const output = queryPerformanceTool.output.parse(await queryPerformanceTool.execute(parsed, context));
      expect(output.status === 'answered' && output.rows.map((row) => [row.group, row.label, row.current?.numerator, row.current?.denominator])).toEqual([
        ['rep-sa', 'User rep-sa (rep-sa)', 3, 3],
        ['rep-sb', 'User rep-sb (rep-sb)', 0, 1],
      ]);
      if (output.status !== 'answered') return;
      const rerun = queryDatabase<{ grp: string | null; numerator: number }>(shared.path, output.queries[0]!.sql, output.queries[0]!.parameters);
      expect(rerun.map((row) => [row.grp, row.numerator])).toEqual([['rep-sa', 3], ['rep-sb', 0]]);
    } finally {
      shared.remove();
    }
  });
});
