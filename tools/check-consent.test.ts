import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsContext, createNbaDependencies } from '../src/container.ts';
import type { Consent } from '../src/domain/consent.ts';
import type { Hcp } from '../src/domain/hcp.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../src/testing/demo-store.ts';
import { callerFor } from '../src/compliance/caller.ts';
import { checkConsentTool } from './check-consent.ts';
import type { ToolContext } from './tool-context.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
let world: ReturnType<typeof createTemporaryDemoStore>;
let directory: string;
let rulesPath: string;

/** A planted policy: promotional email in US-XX needs a signed form or a web form. */
const policy = {
  version: 'consent-jurisdictions-test-7',
  description: 'test policy',
  rules: [
    {
      id: 'test-us-xx-email-promotional',
      jurisdiction: 'US-XX',
      channel: 'email',
      purpose: 'promotional',
      requires: 'explicit_opt_in',
      explicitSources: ['signed consent form', 'web form'],
      rule: 'promotional email needs an express, documented opt-in',
    },
  ],
};

beforeAll(() => {
  world = createTemporaryDemoStore('omni-check-consent-');
  directory = mkdtempSync(join(tmpdir(), 'omni-check-consent-rules-'));
  rulesPath = join(directory, 'consent-jurisdictions.json');
  writeFileSync(rulesPath, JSON.stringify(policy));
});
afterAll(() => {
  world?.remove();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const REP = 'u-rep-mw-1';
function contextFor(userId: string): ToolContext {
  const { store } = world;
  const user = store.users.getById(userId)!;
  const nba = createNbaDependencies(store, { deadEndDays: 14 }, { consentRulesPath: rulesPath });
  return { user, caller: callerFor(user), asOf: DEMO_AS_OF, store, nba, content: nba.content, decisionLog: nba.decisionLog, analytics: createAnalyticsContext(store) };
}
const check = async (input: Record<string, unknown>) => (await checkConsentTool.execute(checkConsentTool.input.parse(input), contextFor(REP))) as any;

/** The rep's HCPs, one per test, so that planted records never meet. */
let next = 0;
const nextHcp = (): Hcp => world.store.hcps.listInTerritories(['T-MW'])[next++ * 5]!;

/** Plants a consent record (in US-XX unless told), recorded a day before "now" unless told. */
function plant(hcp: Hcp, fields: Partial<Consent> & Pick<Consent, 'id'>): void {
  world.store.consents.upsert({
    hcpId: hcp.id,
    channel: 'email',
    purpose: 'promotional',
    productId: null,
    status: 'granted',
    recordedAt: '2026-11-19T10:00:00.000Z',
    source: 'web form',
    expiresAt: null,
    jurisdiction: 'US-XX',
    synthetic: true,
    ...fields,
  });
}

describe('check_consent with jurisdiction rules', () => {
  it('a grant recorded through a weaker source is a "no" naming the record, the jurisdiction and the rule, with the consented alternatives', async () => {
    const hcp = nextHcp();
    plant(hcp, { id: 'cs-test-weak-email', source: 'preference center' });
    plant(hcp, { id: 'cs-test-phone', channel: 'phone', source: 'verbal consent recorded by rep' });
    const output = await check({ hcpId: hcp.id, channel: 'email' });
    expect(output).toMatchObject({
      status: 'answered',
      allowed: false,
      record: { id: 'cs-test-weak-email', status: 'granted', source: 'preference center', jurisdiction: 'US-XX', productId: null },
      jurisdictionRule: { policyVersion: 'consent-jurisdictions-test-7', id: 'test-us-xx-email-promotional', jurisdiction: 'US-XX', requires: 'explicit_opt_in', satisfied: false },
    });
    expect(output.reason).toContain('email consent (promotional) cs-test-weak-email was recorded via preference center on 2026-11-19; US-XX needs an explicit opt-in on record');
    expect(output.reason).toContain('policy consent-jurisdictions-test-7, rule test-us-xx-email-promotional');
    // The alternatives are the channels in force, the phone grant (no rule for phone) among them; never email.
    expect(output.alternatives.map((alternative: any) => alternative.channel)).toContain('phone');
    expect(output.alternatives.map((alternative: any) => alternative.channel)).not.toContain('email');
    expect(output.medicalInformationRoute).toMatch(/medical-information request/);
  });

  it('a grant through an explicit source passes and says which rule it met; a channel without a rule has none', async () => {
    const hcp = nextHcp();
    plant(hcp, { id: 'cs-test-signed-email', source: 'signed consent form' });
    const output = await check({ hcpId: hcp.id, channel: 'email' });
    expect(output).toMatchObject({ allowed: true, record: { id: 'cs-test-signed-email' }, jurisdictionRule: { id: 'test-us-xx-email-promotional', satisfied: true }, alternatives: [] });
    plant(hcp, { id: 'cs-test-sms', channel: 'sms', source: 'preference center' });
    expect(await check({ hcpId: hcp.id, channel: 'sms' })).toMatchObject({ allowed: true, record: { id: 'cs-test-sms' }, jurisdictionRule: null });
  });

  it('the demo jurisdictions without a rule read as before (the planted rule is for US-XX only)', async () => {
    const hcp = nextHcp();
    plant(hcp, { id: 'cs-test-ca-email', source: 'preference center', jurisdiction: 'US-CA' });
    expect(await check({ hcpId: hcp.id, channel: 'email' })).toMatchObject({ allowed: true, record: { id: 'cs-test-ca-email', jurisdiction: 'US-CA' }, jurisdictionRule: null });
  });

  it('a product-specific grant answers for its product only; a product-specific revocation blocks its product only', async () => {
    const [first, second] = world.store.products.list();
    const hcp = nextHcp();
    plant(hcp, { id: 'cs-test-all-out', status: 'revoked', source: 'unsubscribe link', recordedAt: '2026-11-01T10:00:00.000Z' });
    plant(hcp, { id: 'cs-test-prod-in', productId: first!.id, source: 'web form' });
    expect(await check({ hcpId: hcp.id, channel: 'email', productId: first!.id })).toMatchObject({ allowed: true, record: { id: 'cs-test-prod-in', productId: first!.id } });
    expect(await check({ hcpId: hcp.id, channel: 'email', productId: second!.id })).toMatchObject({ allowed: false, record: { id: 'cs-test-all-out' } });
    expect(await check({ hcpId: hcp.id, channel: 'email' })).toMatchObject({ allowed: false, record: { id: 'cs-test-all-out' } });

    const other = nextHcp();
    plant(other, { id: 'cs-test-all-in', source: 'signed consent form', recordedAt: '2026-11-01T10:00:00.000Z' });
    plant(other, { id: 'cs-test-prod-out', productId: first!.id, status: 'revoked', source: 'unsubscribe link' });
    const blocked = await check({ hcpId: other.id, channel: 'email', productId: first!.id });
    expect(blocked).toMatchObject({ allowed: false, record: { id: 'cs-test-prod-out', status: 'revoked', productId: first!.id } });
    expect(blocked.reason).toMatch(/revoked on 2026-11-19 via unsubscribe link/);
    expect(await check({ hcpId: other.id, channel: 'email', productId: second!.id })).toMatchObject({ allowed: true, record: { id: 'cs-test-all-in' } });
    expect(await check({ hcpId: other.id, channel: 'email' })).toMatchObject({ allowed: true, record: { id: 'cs-test-all-in' } });
  });

  it('a weak product grant after a general opt-out does not pass, and the rule is named', async () => {
    const [first] = world.store.products.list();
    const hcp = nextHcp();
    plant(hcp, { id: 'cs-test-all-out-2', status: 'revoked', source: 'unsubscribe link', recordedAt: '2026-11-01T10:00:00.000Z' });
    plant(hcp, { id: 'cs-test-prod-verbal', productId: first!.id, source: 'verbal consent recorded by rep' });
    const output = await check({ hcpId: hcp.id, channel: 'email', productId: first!.id });
    expect(output).toMatchObject({ allowed: false, record: { id: 'cs-test-prod-verbal' }, jurisdictionRule: { id: 'test-us-xx-email-promotional', satisfied: false } });
    expect(output.reason).toContain(`for ${first!.id} cs-test-prod-verbal was recorded via verbal consent recorded by rep`);
  });
});
