import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToolCallRecord } from '../agent/agent.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { createAgent } from '../container.ts';
import { isAppError } from '../core/app-error.ts';
import type { User } from '../domain/user.ts';
import { CLARIFIED_QUESTION } from '../testing/clarifying-question.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { AgentWorkerPool } from './agent-worker-pool.ts';

const config = { deadEndDays: 14, chatModel: { kind: 'local' as const }, agentTimeoutMs: 60_000 };

let demo: ReturnType<typeof createTemporaryDemoStore>;
let pool: AgentWorkerPool;
let rep: User;
let hcpName: string;

beforeAll(async () => {
  demo = createTemporaryDemoStore('omni-worker-pool-');
  rep = demo.store.users.getById('u-rep-ne-1')!;
  const hcp = demo.store.hcps.listInTerritories(rep.territories)[0]!;
  hcpName = `${hcp.firstName} ${hcp.lastName}`;
  pool = await AgentWorkerPool.start({ databasePath: demo.path, config, fixedNow: DEMO_AS_OF, workers: 2 });
}, 120_000);

afterAll(async () => {
  await pool?.close();
  demo?.remove();
});

describe('AgentWorkerPool', () => {
  it('answers a turn in a worker as the agent on the main thread does', async () => {
    const local = createAgent(demo.store, config, { now: () => new Date(DEMO_AS_OF) });
    const question = `brief me on ${hcpName}`;
    const streamed: ToolCallRecord[] = [];
    const [inWorker, onMain] = [await pool.ask({ user: rep, question, onToolCall: (call) => streamed.push(call) }), await local.ask({ user: rep, question })];
    expect(pool.size).toBe(2);
    expect(pool.modelId).toBe(local.modelId);
    expect(inWorker.toolCalls.map((call) => [call.name, call.status])).toEqual(onMain.toolCalls.map((call) => [call.name, call.status]));
    expect(inWorker.toolCalls.map((call) => call.input)).toEqual(onMain.toolCalls.map((call) => call.input));
    expect(inWorker.answer).toContain(hcpName.split(' ')[1]);
    expect(inWorker.citations.hcps).toEqual(onMain.citations.hcps);
    // Tool calls stream back from the worker as they finish, before the answer.
    expect(streamed.map((call) => call.name)).toEqual(inWorker.toolCalls.map((call) => call.name));
  });

  it('brings a clarifying answer\'s choices back from the worker, and a reply "1" in the thread picks the first', async () => {
    const local = createAgent(demo.store, config, { now: () => new Date(DEMO_AS_OF) });
    const inWorker = await pool.ask({ user: rep, question: CLARIFIED_QUESTION, threadId: 'pool-choices-1' });
    const onMain = await local.ask({ user: rep, question: CLARIFIED_QUESTION, threadId: 'pool-choices-2' });
    expect(inWorker.choices.length).toBeGreaterThan(1);
    expect(inWorker.choices).toEqual(onMain.choices);
    // The thread's state is in the database: whichever worker takes the reply reads the open choices.
    const [byNumber, byText] = await Promise.all([pool.ask({ user: rep, question: '1', threadId: 'pool-choices-1' }), local.ask({ user: rep, question: onMain.choices[0]!, threadId: 'pool-choices-2' })]);
    expect(byNumber.choices).toEqual([]);
    expect(byNumber.toolCalls.map(({ name, input }) => [name, input])).toEqual(byText.toolCalls.map(({ name, input }) => [name, input]));
    expect(byNumber.answer.split('\n')[0]).toBe(byText.answer.split('\n')[0]);
  });

  it('keeps one intact hash chain when turns in several workers log at once', async () => {
    const log = new SqliteDecisionLog(demo.store.database);
    const before = log.count();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => pool.ask({ user: rep, question: index % 2 === 0 ? 'who should I see this week?' : `what should I do next with ${hcpName}?` })));
    const planIds = answers.flatMap((answer) => answer.citations.recommendations);
    expect(planIds.length).toBeGreaterThanOrEqual(8);
    // Every recommendation a worker returned was written first, to the one shared log.
    for (const id of planIds) expect(log.get(id)?.actorId).toBe(rep.id);
    expect(log.count()).toBeGreaterThan(before);
    expect(log.verify()).toMatchObject({ intact: true });
  });

  it('without a fixed now, answers on the database\'s data clock: the demo\'s last day, now past', async () => {
    const demoPool = await AgentWorkerPool.start({ databasePath: demo.path, config, fixedNow: null, workers: 1 });
    try {
      const answer = await demoPool.ask({ user: rep, question: 'who should I see this week?' });
      expect(answer.asOf).toBe(`${DEMO_AS_OF.slice(0, 10)}T23:59:59.999Z`);
    } finally {
      await demoPool.close();
    }
  });

  it('keeps AppError codes across the thread boundary', async () => {
    const error = await pool.ask({ user: rep, question: 'x'.repeat(4_001) }).catch((caught: unknown) => caught);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('fails to start, with an AppError, over a file that is not a database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'omni-worker-bad-')), 'omni.db');
    writeFileSync(path, 'this is not an SQLite database, but it is long enough to have a header '.repeat(20));
    const error = await AgentWorkerPool.start({ databasePath: path, config, fixedNow: DEMO_AS_OF, workers: 1 }).catch((caught: unknown) => caught);
    expect(isAppError(error)).toBe(true);
    rmSync(dirname(path), { recursive: true, force: true });
  });
});
