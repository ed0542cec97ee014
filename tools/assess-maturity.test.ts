import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyticsContext } from '../src/container.ts';
import { toolParameters } from '../src/core/define-tool.ts';
import { FIXTURE_AS_OF, MaturityFixture } from '../src/maturity/maturity-fixture.ts';
import { createMaturityEngine } from '../src/maturity/sqlite-maturity-source.ts';
import { AssessedMaturity, assessMaturityTool } from './assess-maturity.ts';
import type { ToolContext } from './tool-context.ts';

const fixtures: MaturityFixture[] = [];
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.remove();
});

function world(): MaturityFixture {
  const created = new MaturityFixture();
  fixtures.push(created);
  for (let h = 0; h < 3; h++) {
    const east = created.hcp(`hcp-e${h}`, { territory: 'T-NE' });
    created.ix(east, 40, 'website', 'opened', { actor: 'system:website' });
    created.ix(east, 30, 'field_visit', 'completed');
    created.ix(east, 20, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy' });
    created.ix(created.hcp(`hcp-w${h}`, { territory: 'T-W' }), 30, 'field_visit', 'completed');
  }
  return created;
}

/** What the tool reads from its context: the caller (from the signed-in user), "now" and the maturity engine. */
function contextFor(fixture: MaturityFixture, userId: string): ToolContext {
  const user = fixture.store.users.getById(userId)!;
  return {
    user,
    caller: fixture.caller(userId),
    asOf: FIXTURE_AS_OF,
    store: fixture.store,
    analytics: { maturity: createMaturityEngine(fixture.store) },
  } as unknown as ToolContext;
}

async function run(fixture: MaturityFixture, userId: string, input: unknown = {}) {
  const parsed = assessMaturityTool.input.parse(input);
  return assessMaturityTool.output.parse(await assessMaturityTool.execute(parsed, contextFor(fixture, userId)));
}

describe('assess_maturity', () => {
  it("gives a manager their team's read-out in the output schema, with evidence per dimension", async () => {
    const fixture = world();
    const output = await run(fixture, 'u-mgr-east');
    expect(output.status).toBe('assessed');
    const assessed = AssessedMaturity.parse(output);
    expect(assessed.scope).toEqual({ territories: ['T-NE'], hcps: 3, leftOut: 0 });
    expect(assessed.period.days).toBe(180);
    expect(assessed.dimensions).toHaveLength(7);
    const data = assessed.dimensions.find((dimension) => dimension.dimension === 'data')!;
    expect(data).toMatchObject({ stage: 'ai_driven', evidence: { queries: ['interactions'] } });
    expect(data.metrics[0]).toMatchObject({ name: 'unified_view_share', numerator: 3, denominator: 3, value: 1 });
    expect(data.evidence.examples[0]!.ids).toEqual(['hcp-e0', 'hcp-e1', 'hcp-e2']);
    expect(assessed.queries.decisions).toMatch(/FROM decision_log/);
    expect(assessed.dimensions.find((dimension) => dimension.dimension === 'testing')).toMatchObject({ stage: 'unknown', stageLabel: 'Unknown' });
    expect(assessed.overall.stage).not.toBe('unknown');
    expect(assessed.nextStep?.sentence).toMatch(/Today: .* needs .* of at least/);
  });

  it('gives an admin every territory, and takes a period', async () => {
    const fixture = world();
    const output = AssessedMaturity.parse(await run(fixture, 'u-admin', { periodDays: 90 }));
    expect(output.scope).toEqual({ territories: 'all', hcps: 6, leftOut: 0 });
    expect(output.period.days).toBe(90);
  });

  it('refuses reps, MSLs and medical affairs with a normal result, not an error', async () => {
    const fixture = world();
    for (const user of ['u-rep-ne', 'u-msl-ne', 'u-medaffairs']) {
      expect(await run(fixture, user)).toEqual({ status: 'out_of_scope', message: 'the omnichannel maturity read-out is for managers and admins' });
    }
  });

  it('refuses unknown arguments and periods out of range at the schema', () => {
    expect(assessMaturityTool.input.safeParse({ territories: ['T-W'] }).success).toBe(false);
    expect(assessMaturityTool.input.safeParse({ periodDays: 5 }).success).toBe(false);
    expect(toolParameters(assessMaturityTool)).toMatchObject({ type: 'object', properties: { periodDays: { type: 'integer' } } });
  });

  it('is wired into the analytics context the agent builds', () => {
    const fixture = world();
    const assessment = createAnalyticsContext(fixture.store).maturity.assess(fixture.caller('u-mgr-west'), FIXTURE_AS_OF);
    expect(assessment.scope).toEqual({ territories: ['T-W'], hcps: 3, leftOut: 0 });
  });
});
