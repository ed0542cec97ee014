import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../container.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../../testing/demo-store.ts';
import type { Agent, AgentAnswer } from '../agent.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
let world: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let agent: Agent;

beforeAll(() => {
  world = createTemporaryDemoStore('omni-local-analytics-');
  store = world.store;
  agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 20_000 }, { now: () => new Date(DEMO_AS_OF) });
});
afterAll(() => world?.remove());

const ask = (userId: string, question: string): Promise<AgentAnswer> => agent.ask({ user: store.users.getById(userId)!, question });
const only = (answer: AgentAnswer, name: string) => {
  expect(answer.toolCalls.map((call) => [call.name, call.status])).toEqual([[name, 'ok']]);
  return answer.toolCalls[0]! as { input: any; output: any };
};

describe('the local model answers managers and medical affairs through the analytics tools', () => {
  it('"how\'s the Northeast doing on follow-ups vs last quarter?": the follow-up rate for T-NE against the quarter before, each number with its query', async () => {
    const answer = await ask('u-mgr-east', "how's the Northeast doing on follow-ups vs last quarter?");
    const { input, output } = only(answer, 'query_performance');
    expect(input).toMatchObject({ metric: 'follow_up_rate', filters: { territory: ['T-NE'] }, period: 'last_90_days', compareTo: 'previous_period' });
    expect(output.status).toBe('answered');
    const row = output.rows[0];
    expect(answer.answer).toContain(`${row.current.numerator}/${row.current.denominator}`);
    expect(answer.answer).toContain(row.current.queryId);
  });

  it('"which reps have the most dead ends?": dead-end rate by rep, highest first, only the manager\'s team', async () => {
    const answer = await ask('u-mgr-east', 'which reps have the most dead ends?');
    const { input, output } = only(answer, 'query_performance');
    expect(input).toMatchObject({ metric: 'dead_end_rate', dimension: 'rep' });
    const team = store.users.list().filter((user) => user.role === 'rep' && user.team === 'team-east').map((user) => user.id);
    expect(output.rows.length).toBeGreaterThan(0);
    for (const row of output.rows) expect(team).toContain(row.group);
    const listed = answer.answer.split('\n').filter((line) => line.startsWith('  - ')).map((line) => Number(/: ([\d.]+)%/.exec(line)![1]));
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
  });

  it('refuses a rep team performance: the tool says no and no numbers are shown', async () => {
    const answer = await ask('u-rep-ne-1', 'which reps have the most dead ends?');
    const { output } = only(answer, 'query_performance');
    expect(output.status).toBe('out_of_scope');
    expect(answer.answer).not.toMatch(/\d+\/\d+/);
  });

  it('"any safety signals in the notes this month?": every possible adverse event the tool flagged is in the answer', async () => {
    const answer = await ask('u-medaffairs', 'any safety signals in the notes this month?');
    const { input, output } = only(answer, 'summarize_field_insights');
    expect(input).toMatchObject({ topic: 'side effects', period: 'this_month' });
    expect(output.possibleAdverseEvents.total).toBeGreaterThan(0);
    for (const item of output.possibleAdverseEvents.items) expect(answer.answer).toContain(item.noteId);
  });

  it('"what are oncologists asking about since the congress?": oncology HCPs\' notes from the day of the latest congress, with their themes', async () => {
    const answer = await ask('u-medaffairs', 'what are oncologists asking about since the congress?');
    const { input, output } = only(answer, 'summarize_field_insights');
    const congress = store.database.prepare("SELECT max(occurred_at) FROM interactions WHERE channel = 'congress_booth' AND occurred_at < ?").pluck().get(DEMO_AS_OF) as string;
    expect(input).toMatchObject({ specialty: 'oncology', from: congress.slice(0, 10) });
    expect(output.themes.length).toBeGreaterThan(0);
    expect(answer.answer).toContain(`${output.notes.current} notes`);
  });

  it('"where are we on omnichannel maturity?": the stage per dimension, the overall stage and the next step, with a chart', async () => {
    const answer = await ask('u-admin', 'where are we on omnichannel maturity?');
    const { output } = only(answer, 'assess_maturity');
    expect(output.status).toBe('assessed');
    expect(answer.answer).toContain(output.overall.stageLabel);
    for (const dimension of output.dimensions) expect(answer.answer).toContain(dimension.label);
    expect(answer.charts).toHaveLength(1);
    expect(answer.charts[0]).toMatchObject({ tool: 'assess_maturity' });
    expect(answer.charts[0]!.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});

describe('the local model answers two metrics asked in one question', () => {
  it('"reach and frequency by territory, last 30": both metrics, each by territory, each answered (the turn keeps its first reading)', async () => {
    const answer = await ask('u-mgr-east', 'reach and frequency by territory, last 30');
    const calls = answer.toolCalls.filter((call) => call.name === 'query_performance').map((call) => call.input as { metric: string; dimension: string });
    expect(calls.map((call) => [call.metric, call.dimension])).toEqual([
      ['reach', 'territory'],
      ['frequency', 'territory'],
    ]);
    expect(answer.answer).toMatch(/^Reach/);
    expect(answer.answer).toMatch(/Frequency/);
  });
});
