import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import type { Caller } from '../compliance/caller.ts';
import type { ConsentRules } from '../compliance/consent-jurisdictions.ts';
import { DEFAULT_CONTENT_RULES } from '../compliance/content-provenance.ts';
import type { Hcp } from '../domain/hcp.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { draftFollowUp, type DraftDependencies } from './follow-up-draft.ts';

/** A draft on a channel whose grant does not meet the HCP's jurisdiction rule is refused by name (planted data, planted policy). */
let world: ReturnType<typeof createTemporaryDemoStore>;
let deps: DraftDependencies;
let rep: Caller;

const rules: ConsentRules = {
  version: 'consent-jurisdictions-test-5',
  description: '',
  sha256: 'f'.repeat(64),
  rules: [
    {
      id: 'test-us-xx-email-promotional',
      jurisdiction: 'US-XX',
      channel: 'email',
      purpose: 'promotional',
      requires: 'explicit_opt_in',
      explicitSources: ['signed consent form'],
      rule: 'promotional email needs a signed opt-in',
    },
  ],
};

beforeAll(() => {
  world = createTemporaryDemoStore('omni-draft-rule-');
  const { store } = world;
  deps = { store, decisionLog: new SqliteDecisionLog(store.database), weights: { caps: { contacts7Days: 1_000, contacts30Days: 1_000 } }, deadEndDays: 14, contentRules: DEFAULT_CONTENT_RULES, consentRules: rules };
  const user = store.users.getById('u-rep-mw-1')!;
  rep = { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
});
afterAll(() => world?.remove());

/** A T-MW HCP with a patient-support module for their specialty, and that module's id. */
function hcpWithModule(skip: number): { hcp: Hcp; moduleId: string } {
  const { store } = world;
  const modules = store.contentModules.listByKind('education').filter((candidate) => candidate.id.endsWith('-patient-support'));
  const fits = store.hcps.listInTerritories(['T-MW']).filter((hcp) => modules.some((module) => module.audienceSpecialties.includes(hcp.specialty)));
  const hcp = fits[skip]!;
  return { hcp, moduleId: modules.find((module) => module.audienceSpecialties.includes(hcp.specialty))!.id };
}

const plantEmail = (hcp: Hcp, id: string, source: string) =>
  world.store.consents.upsert({ id, hcpId: hcp.id, channel: 'email', purpose: 'promotional', productId: null, status: 'granted', recordedAt: '2026-11-19T10:00:00.000Z', source, expiresAt: null, jurisdiction: 'US-XX', synthetic: true });

describe('draftFollowUp under a jurisdiction rule', () => {
  it('refuses an email draft whose grant is not an explicit opt-in there, naming the rule, and logs nothing', () => {
    const { hcp, moduleId } = hcpWithModule(2);
    plantEmail(hcp, 'cs-test-draft-weak', 'preference center');
    const before = deps.decisionLog.count();
    const result = draftFollowUp(deps, rep, 'Jordan Ferreira', DEMO_AS_OF, { hcpId: hcp.id, channel: 'email', purpose: 'promotional', moduleIds: [moduleId] });
    expect(result).toMatchObject({ status: 'refused', reason: 'consent' });
    if (result.status !== 'refused') return;
    expect(result.message).toContain('cs-test-draft-weak was recorded via preference center on 2026-11-19; US-XX needs an explicit opt-in on record');
    expect(result.message).toContain('policy consent-jurisdictions-test-5, rule test-us-xx-email-promotional');
    expect(result.gates.find((gate) => !gate.passed)).toMatchObject({ records: ['cs-test-draft-weak'], rule: { id: 'test-us-xx-email-promotional', satisfied: false } });
    expect(result.alternatives.some((alternative) => alternative.startsWith('email'))).toBe(false);
    expect(result.alternatives.at(-1)).toMatch(/medical-information request/);
    expect(deps.decisionLog.count()).toBe(before);
  });

  it('drafts when the grant is an explicit opt-in, and the draft record keeps the policy version', () => {
    const { hcp, moduleId } = hcpWithModule(4);
    plantEmail(hcp, 'cs-test-draft-signed', 'signed consent form');
    const result = draftFollowUp(deps, rep, 'Jordan Ferreira', DEMO_AS_OF, { hcpId: hcp.id, channel: 'email', purpose: 'promotional', moduleIds: [moduleId] });
    expect(result.status, result.status === 'refused' ? result.message : '').toBe('drafted');
    if (result.status !== 'drafted') return;
    expect(result.gates.find((gate) => gate.gate === 'consent')).toMatchObject({ passed: true, records: ['cs-test-draft-signed'], rule: { satisfied: true } });
    expect(deps.decisionLog.get(result.draftId)!.payload.consentRules).toEqual({ version: 'consent-jurisdictions-test-5', sha256: 'f'.repeat(64) });
  });
});
