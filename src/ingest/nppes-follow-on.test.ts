import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentAnswer } from '../agent/agent.ts';
import { ScriptedModel } from '../agent/models/scripted-model.ts';
import { createAgent } from '../container.ts';
import { UNASSIGNED_TERRITORY } from '../domain/hcp.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { SHARED_DATA_DIR } from '../testing/shared-data.ts';
import { nppesImport } from './nppes-import.ts';
import { runImport } from './run-import.ts';

/** What follows the README's `omni import nppes` step on the demo database: every tool still answers. */
const CLEAN = join(SHARED_DATA_DIR, 'nppes', 'nppes_sample_5000_clean.csv');
const config = { deadEndDays: 14, chatModel: { kind: 'local' as const }, agentTimeoutMs: 60_000 };

let world: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
const count = (sql: string) => store.database.prepare(sql).pluck().get() as number;

beforeAll(() => {
  world = createTemporaryDemoStore('omni-nppes-follow-on-');
  store = world.store;
  expect(runImport(store, nppesImport, CLEAN)).toMatchObject({ committed: true, inserted: 5000 });
}, 120_000);
afterAll(() => world?.remove());

const ask = (userId: string, question: string, model?: ScriptedModel): Promise<AgentAnswer> =>
  createAgent(store, config, { now: () => new Date(DEMO_AS_OF), ...(model ? { model } : {}) }).ask({ user: store.users.getById(userId)!, question, threadId: `t-${userId}-${question.length}` });

describe('HCPs imported from NPPES', () => {
  it('are "unassigned" (a real territory value) and carry identity only, no behaviour', () => {
    expect(count("SELECT count(*) FROM hcps WHERE source = 'nppes'")).toBe(5000);
    expect(count(`SELECT count(*) FROM hcps WHERE source = 'nppes' AND territory = '${UNASSIGNED_TERRITORY}'`)).toBe(5000);
    expect(count("SELECT count(*) FROM hcps WHERE territory = ''")).toBe(0);
    expect(count("SELECT count(*) FROM hcps WHERE source = 'nppes' AND (segment IS NOT NULL OR tier IS NOT NULL OR influence_score IS NOT NULL OR preferred_channel IS NOT NULL OR patient_mix_tags <> '[]')")).toBe(0);
    for (const table of ['interactions', 'consents', 'field_notes']) {
      expect(count(`SELECT count(*) FROM ${table} WHERE hcp_id LIKE 'npi-%'`), table).toBe(0);
    }
  });

  it("leave medical affairs' question about safety signals answerable", async () => {
    const answer = await ask('u-medaffairs', 'any safety signals in the notes in the last 90 days?');
    const call = answer.toolCalls.find((candidate) => candidate.name === 'summarize_field_insights')!;
    expect(call.status).toBe('ok');
    expect(call.input).toMatchObject({ territory: null, period: 'last_90_days' });
    expect((call.output as { status: string }).status).toBe('summarized');
  });

  it('are accepted by the tools that filter by territory', async () => {
    const model = new ScriptedModel([
      {
        toolCalls: [
          { name: 'summarize_field_insights', arguments: { territory: UNASSIGNED_TERRITORY, period: 'last_90_days' } },
          { name: 'query_performance', arguments: { metric: 'engagement_rate', filters: { territory: [UNASSIGNED_TERRITORY] } } },
          { name: 'lookup_hcp_profile', arguments: { hcp: 'npi-1932106788' } },
        ],
      },
      { answer: 'done' },
    ]);
    const answer = await ask('u-admin', 'the unassigned HCPs', model);
    expect(answer.toolCalls.map((call) => [call.name, call.status, (call.output as { status: string }).status])).toEqual([
      ['summarize_field_insights', 'ok', 'summarized'],
      ['query_performance', 'ok', 'answered'],
      ['lookup_hcp_profile', 'ok', 'found'],
    ]);
    expect((answer.toolCalls[2]!.output as { hcp: { territory: string } }).hcp.territory).toBe(UNASSIGNED_TERRITORY);
  });

  it("are left out of the maturity read-out, which says how many it left out", async () => {
    const answer = await ask('u-admin', 'where are we on omnichannel maturity?');
    const call = answer.toolCalls.find((candidate) => candidate.name === 'assess_maturity')!;
    expect(call.status).toBe('ok');
    expect((call.output as { scope: unknown }).scope).toEqual({ territories: 'all', hcps: 600, leftOut: 5000 });
    expect(answer.answer).toContain('5000');
  });
});
