import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../compliance/caller.ts';
import { createNbaDependencies } from '../container.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { explainRecommendation } from './explain-recommendation.ts';
import { recommendNextBestActions } from './next-best-actions.ts';
import { planTerritory } from './territory-plan.ts';

/**
 * "Why not email?" when the HCP's email grant does not meet their jurisdiction's rule: the blocked
 * action's consent gate, as logged and explained, names the record, the jurisdiction and the rule,
 * and the decision record keeps the policy's version and sha256. Planted on the demo world.
 */
let world: ReturnType<typeof createTemporaryDemoStore>;
let directory: string;
let rulesPath: string;
let rulesText: string;

beforeAll(() => {
  world = createTemporaryDemoStore('omni-why-not-rule-');
  directory = mkdtempSync(join(tmpdir(), 'omni-why-not-rules-'));
  rulesPath = join(directory, 'consent-jurisdictions.json');
  rulesText = JSON.stringify({
    version: 'consent-jurisdictions-test-3',
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
  });
  writeFileSync(rulesPath, rulesText);
});
afterAll(() => {
  world?.remove();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('why not email, under a jurisdiction rule', () => {
  it('the blocked approved email names the rule; the alternatives are the consented channels; the record keeps the policy version', () => {
    const { store } = world;
    const user = store.users.getById('u-rep-mw-1')!;
    const caller = callerFor(user);
    const hcp = store.hcps.listInTerritories(['T-MW'])[3]!;
    // Planted: the latest email grant, recorded through the preference centre, in a jurisdiction with a rule; and a field-visit grant.
    store.consents.upsert({ id: 'cs-test-why-email', hcpId: hcp.id, channel: 'email', purpose: 'promotional', productId: null, status: 'granted', recordedAt: '2026-11-19T10:00:00.000Z', source: 'preference center', expiresAt: null, jurisdiction: 'US-XX', synthetic: true });
    store.consents.upsert({ id: 'cs-test-why-visit', hcpId: hcp.id, channel: 'field_visit', purpose: 'promotional', productId: null, status: 'granted', recordedAt: '2026-11-19T10:00:00.000Z', source: 'signed consent form', expiresAt: null, jurisdiction: 'US-XX', synthetic: true });
    const deps = createNbaDependencies(store, { deadEndDays: 14 }, { consentRulesPath: rulesPath });

    const result = recommendNextBestActions(deps, caller, hcp.id, DEMO_AS_OF);
    const email = result.blocked.find((action) => action.kind === 'approved_email')!;
    expect(email).toBeDefined();
    const consent = email.gates.find((gate) => gate.gate === 'consent')!;
    expect(consent).toMatchObject({ passed: false, records: ['cs-test-why-email'], rule: { policy: 'consent-jurisdictions-test-3', id: 'test-us-xx-email-promotional', jurisdiction: 'US-XX', satisfied: false } });

    const record = deps.decisionLog.get(result.recommendationId)!;
    const sha256 = createHash('sha256').update(rulesText).digest('hex');
    expect(record.payload.consentRules).toEqual({ version: 'consent-jurisdictions-test-3', sha256 });

    const explanation = explainRecommendation(deps.decisionLog, result.recommendationId, { channel: 'email', kind: 'approved_email' }, { store, caller });
    expect(explanation.consentRules).toEqual({ version: 'consent-jurisdictions-test-3', sha256 });
    expect(explanation.asked).toMatchObject({ kind: 'approved_email', allowed: false });
    expect(explanation.asked!.answer).toContain('email consent (promotional) cs-test-why-email was recorded via preference center on 2026-11-19; US-XX needs an explicit opt-in on record');
    expect(explanation.asked!.answer).toContain('policy consent-jurisdictions-test-3, rule test-us-xx-email-promotional');
    expect(explanation.asked!.failedGates.some((gate) => gate.rule?.id === 'test-us-xx-email-promotional')).toBe(true);
    // The field visit (granted, no rule for it) is allowed, and among the compliant alternatives.
    expect(result.actions.map((action) => action.kind)).toContain('field_visit');
    expect(explanation.asked!.alternatives.some((alternative) => alternative.startsWith('field visit: field visit consent (promotional) granted'))).toBe(true);

    // A territory plan's record keeps the policy version too.
    const plan = planTerritory(deps, caller, DEMO_AS_OF, { limit: 3 });
    expect(deps.decisionLog.get(plan.planId)!.payload.consentRules).toEqual({ version: 'consent-jurisdictions-test-3', sha256 });
  });
});
