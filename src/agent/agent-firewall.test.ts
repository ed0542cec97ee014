import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../compliance/caller.ts';
import { createAgent } from '../container.ts';
import type { Hcp } from '../domain/hcp.ts';
import type { User } from '../domain/user.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { agentTools, type ToolContext } from '../../tools/index.ts';
import type { Agent, ToolCallRecord } from './agent.ts';
import { ScriptedModel } from './models/scripted-model.ts';

/**
 * The promotional/medical firewall, per role and per tool, judged by what happened (tool-call
 * status, tool results, decision-log records), never by wording. The expected table is written out
 * here by hand: MSLs and medical affairs never get promotional drafts, content or next actions; reps
 * (and managers) never provide medical responses, they route them.
 */
const mayProvide: Record<Role, { promotional: boolean; medical: boolean }> = {
  rep: { promotional: true, medical: false },
  manager: { promotional: true, medical: false },
  msl: { promotional: false, medical: true },
  medical_affairs: { promotional: false, medical: true },
  admin: { promotional: true, medical: true },
};
const roles = Object.keys(mayProvide) as Role[];

let world: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let hcp: Hcp;
const users = {} as Record<Role, User>;

beforeAll(() => {
  world = createTemporaryDemoStore('omni-firewall-');
  store = world.store;
  // Every role's user who can see a Midwest HCP: its rep, MSL and manager, medical affairs, an admin.
  users.rep = store.users.getById('u-rep-mw-1')!;
  users.msl = store.users.list().find((user) => user.role === 'msl' && user.territories.includes('T-MW'))!;
  users.manager = store.users.list().find((user) => user.role === 'manager' && user.territories.includes('T-MW'))!;
  users.medical_affairs = store.users.list().find((user) => user.role === 'medical_affairs')!;
  users.admin = store.users.list().find((user) => user.role === 'admin')!;
  hcp = store.hcps.listInTerritories(['T-MW']).find((candidate) => candidate.specialty === 'Medical Oncology')!;
});
afterAll(() => world?.remove());

const agentWith = (model: ScriptedModel): Agent => createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 10_000 }, { model, now: () => new Date(DEMO_AS_OF) });
const logged = (kind: string) => store.database.prepare('SELECT count(*) FROM decision_log WHERE kind = ?').pluck().get(kind) as number;

async function callAs(role: Role, name: string, args: Record<string, unknown>): Promise<ToolCallRecord> {
  const model = new ScriptedModel([{ toolCalls: [{ name, arguments: args }] }, { answer: 'done' }]);
  const answer = await agentWith(model).ask({ user: users[role], question: `call ${name}` });
  expect(model.finished).toBe(true);
  return answer.toolCalls[0]!;
}

/** The tool context the agent would give, to run a tool past the agent's check (the domain must refuse on its own). */
function contextFor(role: Role): ToolContext {
  const agent = agentWith(new ScriptedModel([]));
  const deps = (agent as unknown as { deps: Omit<ToolContext, 'user' | 'caller' | 'asOf'> }).deps;
  return { ...deps, user: users[role], asOf: DEMO_AS_OF, caller: callerFor(users[role]) };
}

const tool = (name: string) => agentTools.find((candidate) => candidate.name === name)!;
const promotionalModule = () => store.contentModules.listByKind('education').find((module) => module.id.endsWith('-patient-support') && module.audienceSpecialties.includes(hcp.specialty))!.id;
const medicalModule = () => store.contentModules.listByKind('medical_response').find((module) => module.audienceSpecialties.includes(hcp.specialty))?.id ?? 'cm-keytruda-medical-response';

describe('the firewall per role, tool and purpose', () => {
  const cells = roles.flatMap((role) => (['promotional', 'medical'] as const).flatMap((purpose) => ['draft_followup', 'search_approved_content'].map((name) => ({ role, purpose, name }))));

  it.each(cells)('$role / $name / $purpose', async ({ role, purpose, name }) => {
    const kind = name === 'draft_followup' ? 'draft' : 'content_suggestion';
    const args =
      name === 'draft_followup'
        ? { hcpId: hcp.id, channel: 'email', purpose, moduleIds: [purpose === 'promotional' ? promotionalModule() : medicalModule()] }
        : { query: 'safety information and patient support', hcpId: hcp.id, purpose };
    const before = logged(kind);
    const record = await callAs(role, name, args);
    if (mayProvide[role][purpose]) {
      // Past the firewall: the tool ran (consent or content may still say no, for their own reasons).
      expect(record.status).toBe('ok');
      expect(record.output).not.toMatchObject({ status: 'not_allowed' });
      expect(record.output).not.toMatchObject({ reason: 'not_allowed' });
      return;
    }
    // The agent refused before execute: recorded in the tool call, nothing logged or shown.
    expect(record.status).toBe('not_allowed');
    expect(record.output).toMatchObject({ status: 'not_allowed' });
    expect(logged(kind)).toBe(before);
    // And the domain refuses again on its own, when the agent's check is bypassed.
    const direct = (await tool(name).execute(tool(name).input.parse(args), contextFor(role))) as { status: string; reason?: string };
    expect(direct.status === 'not_allowed' || direct.reason === 'not_allowed').toBe(true);
    expect(logged(kind)).toBe(before);
  });

  it.each(roles)('%s: next best actions hold only what the table allows, as the decision log records them', async (role) => {
    const record = await callAs(role, 'get_next_best_actions', { hcpId: hcp.id });
    expect(record.status).toBe('ok');
    const recommendationId = (record.output as { recommendationId: string }).recommendationId;
    const logged = store.database.prepare('SELECT payload FROM decision_log WHERE id = ?').pluck().get(recommendationId) as string;
    const payload = JSON.parse(logged) as { recommended: { kind: string; purpose: string | null }; actions: { kind: string; purpose: string | null; allowed: boolean; gates: { gate: string; passed: boolean }[] }[] };
    const access = (action: (typeof payload.actions)[number]) => action.gates.find((gate) => gate.gate === 'access')!.passed;
    for (const action of payload.actions) {
      if (action.purpose === 'promotional' || action.purpose === 'events') {
        expect(access(action), `${role} ${action.kind}`).toBe(mayProvide[role].promotional);
        if (!mayProvide[role].promotional) expect(action.allowed).toBe(false);
      } else if (action.purpose === 'medical') {
        // Routing a medical question (MSL handoff, medical-information route) is open to every role.
        expect(access(action), `${role} ${action.kind}`).toBe(true);
      }
    }
    if (!mayProvide[role].promotional) expect(['promotional', 'events']).not.toContain(payload.recommended.purpose);
  });

  it.each(roles)('%s: a tool not declared for the role is refused before it runs', async (role) => {
    const calls: [string, Record<string, unknown>][] = [
      ['summarize_field_insights', {}],
      ['assess_maturity', {}],
      ['query_performance', { metric: 'email_open_rate' }],
    ];
    for (const [name, args] of calls) {
      const record = await callAs(role, name, args);
      const declared = tool(name).access.roles.includes(role);
      expect(record.status, `${role} ${name}`).toBe(declared ? 'ok' : 'not_allowed');
      if (!declared) expect(record.output).toMatchObject({ status: 'not_allowed' });
    }
  });

  it('every tool declares who may use it and for which purposes', () => {
    for (const candidate of agentTools) {
      expect(candidate.access.roles.length, candidate.name).toBeGreaterThan(0);
      expect(candidate.access.purposes.length, candidate.name).toBeGreaterThan(0);
    }
    // Only the tools that provide one purpose per call read it from the input.
    expect(agentTools.filter((candidate) => candidate.access.purposeOf).map((candidate) => candidate.name).sort()).toEqual(['draft_followup', 'search_approved_content']);
  });
});
