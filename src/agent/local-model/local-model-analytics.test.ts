import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../container.ts';
import { stageIds } from '../../maturity/thresholds.ts';
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

  it('"are docs angry about keytruda pricing": notes holding "pricing" first; none does, so that is said and the whole KEYTRUDA summary follows', async () => {
    const answer = await ask('u-medaffairs', 'are docs angry about keytruda pricing');
    expect(answer.toolCalls.map((call) => [call.name, (call.input as any).topic])).toEqual([
      ['summarize_field_insights', 'pricing'],
      ['summarize_field_insights', null],
    ]);
    const [searched, whole] = answer.toolCalls as { input: any; output: any }[];
    expect(searched!.output.notes.current).toBe(0);
    expect(whole!.input.product).toBe('prod-keytruda');
    expect(answer.answer).toMatch(/^No note in this period mentions "pricing"/);
    expect(answer.answer).toContain(`${whole!.output.notes.current} notes`);
  });

  it('"xeljanz boxed warning concerns from the field, last 90": the notes that speak of it, counted, in one call', async () => {
    const answer = await ask('u-medaffairs', 'xeljanz boxed warning concerns from the field, last 90');
    const { input, output } = only(answer, 'summarize_field_insights');
    expect(input).toMatchObject({ product: 'prod-xeljanz', topic: 'boxed warning', period: 'last_90_days' });
    expect(output.notes.current).toBeGreaterThan(0);
    expect(answer.answer.split('\n')[0]).toBe(`${output.notes.current} note${output.notes.current === 1 ? ' mentions' : 's mention'} "boxed warning" in this period:`);
  });

  it('"biggest themes over the past year": the themes come before a long list of possible adverse events, which is still listed in full', async () => {
    const answer = await ask('u-medaffairs', 'biggest themes over the past year');
    const { output } = only(answer, 'summarize_field_insights');
    expect(output.possibleAdverseEvents.total).toBeGreaterThan(10);
    expect(answer.answer.indexOf('Themes, largest first')).toBeLessThan(answer.answer.indexOf('Possible adverse events'));
    for (const item of output.possibleAdverseEvents.items) expect(answer.answer).toContain(item.noteId);
  });

  it('"email open rate ytd vs same time last year" before the data starts: the missing comparison is said, not dropped', async () => {
    const answer = await ask('u-mgr-east', 'org-wide email open rate ytd vs same time last year');
    const { input, output } = only(answer, 'query_performance');
    expect(input).toMatchObject({ metric: 'email_open_rate', period: 'year_to_date', compareTo: 'previous_year' });
    expect(output.rows.every((row: any) => row.previous === null || row.previous.value === null)).toBe(true);
    expect(answer.answer).toContain(`No comparison: nothing was recorded to count from ${output.comparedWith.from.slice(0, 10)} to ${output.comparedWith.to.slice(0, 10)}`);
  });

  it('"dead ends in the last 6 wks": six weeks of days, not the 30-day default', async () => {
    const answer = await ask('u-mgr-east', 'how many intent signals went nowhere in the last 6 wks');
    const { input } = only(answer, 'query_performance');
    expect(input).toMatchObject({ metric: 'dead_end_rate', period: { from: '2026-10-10', to: '2026-11-20' } });
  });

  it('"what is each region hearing": one summary per region the user sees, each with every possible adverse event it flagged', async () => {
    const answer = await ask('u-medaffairs', 'what is each region hearing, trailing 30');
    expect(answer.toolCalls.map((call) => (call.input as any).territory)).toEqual(['T-NE', 'T-MW', 'T-W']);
    expect(answer.answer).toMatch(/^Field notes by region, /);
    for (const call of answer.toolCalls as { output: any }[]) {
      expect(answer.answer).toContain(`${call.output.notes.current} notes on ${call.output.notes.hcps} HCPs`);
      for (const item of call.output.possibleAdverseEvents.items) expect(answer.answer).toContain(item.noteId);
    }
  });

  it('"unanswered medical questions, by product": counts per product, saying they come from the questions listed', async () => {
    const answer = await ask('u-medaffairs', 'list of unanswered medical questions, by product');
    const { output } = only(answer, 'summarize_field_insights');
    expect(answer.answer).toContain(`among the ${output.unansweredQuestions.items.length} listed of ${output.unansweredQuestions.total}`);
    const keytruda = output.unansweredQuestions.items.filter((item: any) => item.product?.startsWith('KEYTRUDA')).length;
    expect(answer.answer).toMatch(new RegExp(`- KEYTRUDA: \\d+ notes, \\d+ possible AEs, ${keytruda} unanswered questions`));
  });

  it('"what\'s dragging it down" after a maturity assessment: the dimensions at the lowest stage first, not the capability menu', async () => {
    const user = store.users.getById('u-mgr-east')!;
    const threadId = 'analytics-maturity-weakest';
    await agent.ask({ user, question: 'where are we on omnichannel maturity', threadId });
    const answer = await agent.ask({ user, question: "what's dragging it down", threadId });
    const { output } = only(answer, 'assess_maturity');
    const measured = output.dimensions.filter((dimension: any) => dimension.stage !== 'unknown');
    const lowest = Math.min(...measured.map((dimension: any) => stageIds.indexOf(dimension.stage)));
    const weakest = measured.filter((dimension: any) => stageIds.indexOf(dimension.stage) === lowest).map((dimension: any) => dimension.label);
    expect(answer.answer.split('\n')[0]).toBe(`Holding the stage down: ${weakest.map((label: string) => `${label} (${measured.find((dimension: any) => dimension.label === label).stageLabel})`).join(', ')}.`);
  });

  it('"abuse or overdose mentions on tecfidera": each word looked up, each said found or not, then the whole summary', async () => {
    const answer = await ask('u-medaffairs', 'abuse or overdose mentions on tecfidera');
    expect(answer.toolCalls.map((call) => (call.input as any).topic)).toEqual(['abuse', 'overdose', null]);
    const [abuse, overdose] = answer.toolCalls as { output: any }[];
    const said = (word: string, count: number) => (count === 0 ? `No note in this period mentions "${word}".` : `${count} note${count === 1 ? ' mentions' : 's mention'} "${word}"`);
    expect(answer.answer.startsWith(said('abuse', abuse!.output.notes.current))).toBe(true);
    expect(answer.answer).toContain(said('overdose', overdose!.output.notes.current));
    expect(answer.answer).toContain('What the notes do say:');
  });

  it('a weekly series longer than a screen shows its latest weeks and says how many earlier ones there are', async () => {
    const answer = await ask('u-mgr-east', 'follow up rate week by week, ytd');
    const { output } = only(answer, 'query_performance');
    expect(output.rows.length).toBeGreaterThan(12);
    const last = output.rows.at(-1);
    expect(answer.answer).toContain(`- ${last.label}:`);
    expect(answer.answer).toContain(`… ${output.rows.length - 12} earlier weeks before these.`);
    expect(answer.answer).not.toContain(`- ${output.rows[0].label}:`);
  });

  it('names emerging themes by what they are about, with their counts, not by their ids', async () => {
    const answer = await ask('u-medaffairs', 'what is the field hearing about keytruda');
    const { output } = only(answer, 'summarize_field_insights');
    expect(output.emergingThemes.length).toBeGreaterThan(0);
    const line = answer.answer.split('\n').find((text) => text.startsWith('Emerging (new or growing fast):'))!;
    expect(line).toBeDefined();
    expect(line).not.toMatch(/theme-\d/);
    const first = output.themes.find((theme: any) => theme.id === output.emergingThemes[0]);
    expect(line).toContain(`${first.concernLabel ?? first.label} (${first.notes} notes`);
  });
});

