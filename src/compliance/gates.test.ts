import { describe, expect, it } from 'vitest';
import type { ConsentState } from './consent-policy.ts';
import type { ConsentRules } from './consent-jurisdictions.ts';
import { capGate, consentedAlternatives, consentGate, OUTREACH_CHANNELS } from './gates.ts';

/** A planted policy: one explicit opt-in rule for promotional email in US-XX (the repository's file is tested in consent-jurisdictions.test.ts). */
const rules: ConsentRules = {
  version: 'consent-jurisdictions-test-1',
  description: 'test policy',
  sha256: '0'.repeat(64),
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
const noRules: ConsentRules = { ...rules, version: 'none', rules: [] };

const state = (channel: ConsentState['channel'], status: ConsentState['status'], recordId: string, productId: string | null = null): ConsentState => ({
  channel,
  purpose: 'promotional',
  productId,
  status,
  since: '2026-03-01T09:00:00.000Z',
  source: 'rep form',
  expiresAt: null,
  recordId,
  jurisdiction: 'US-CA',
});

describe('consentGate', () => {
  it('passes on a grant and names the record; fails on a revocation, an expiry or nothing', () => {
    const consents = [state('email', 'granted', 'c-email'), state('sms', 'revoked', 'c-sms'), state('whatsapp', 'expired', 'c-wa')];
    expect(consentGate(consents, 'email', 'promotional', null, noRules)).toMatchObject({ gate: 'consent', passed: true, records: ['c-email'] });
    expect(consentGate(consents, 'sms', 'promotional', null, noRules)).toMatchObject({ passed: false, records: ['c-sms'] });
    expect(consentGate(consents, 'whatsapp', 'promotional', null, noRules)).toMatchObject({ passed: false, records: ['c-wa'] });
    expect(consentGate(consents, 'phone', 'promotional', null, noRules)).toMatchObject({ passed: false, records: [] });
    // Another purpose is another consent.
    expect(consentGate(consents, 'email', 'medical', null, noRules).passed).toBe(false);
  });

  it('a later product-specific grant overrides an older general revocation, for that product only', () => {
    const consents = [
      { ...state('email', 'revoked', 'c-all'), since: '2026-01-01T00:00:00.000Z' },
      { ...state('email', 'granted', 'c-prod', 'prod-a'), since: '2026-02-01T00:00:00.000Z' },
    ];
    expect(consentGate(consents, 'email', 'promotional', 'prod-a', noRules)).toMatchObject({ passed: true, records: ['c-prod'] });
    expect(consentGate(consents, 'email', 'promotional', 'prod-b', noRules)).toMatchObject({ passed: false, records: ['c-all'] });
  });
});

describe('consentGate: product-specific consent', () => {
  it('a product-specific grant applies to that product only, never to the all-products question', () => {
    const consents = [state('email', 'granted', 'c-prod', 'prod-a')];
    expect(consentGate(consents, 'email', 'promotional', 'prod-a', noRules)).toMatchObject({ passed: true, records: ['c-prod'] });
    expect(consentGate(consents, 'email', 'promotional', 'prod-b', noRules)).toMatchObject({ passed: false, records: [] });
    expect(consentGate(consents, 'email', 'promotional', null, noRules)).toMatchObject({ passed: false, records: [] });
  });

  it('a later product-specific revocation blocks that product only; the general grant holds for the others', () => {
    const consents = [
      { ...state('email', 'granted', 'c-all'), since: '2026-01-01T00:00:00.000Z' },
      { ...state('email', 'revoked', 'c-prod-out', 'prod-a'), since: '2026-02-01T00:00:00.000Z' },
    ];
    expect(consentGate(consents, 'email', 'promotional', 'prod-a', noRules)).toMatchObject({ passed: false, records: ['c-prod-out'], reason: expect.stringMatching(/revoked on 2026-02-01/) });
    expect(consentGate(consents, 'email', 'promotional', 'prod-b', noRules)).toMatchObject({ passed: true, records: ['c-all'] });
    expect(consentGate(consents, 'email', 'promotional', null, noRules)).toMatchObject({ passed: true, records: ['c-all'] });
  });
});

describe('consentGate: jurisdiction rules', () => {
  const inXx = (fields: Partial<ConsentState>): ConsentState => ({ ...state('email', 'granted', 'cs-000123-04'), jurisdiction: 'US-XX', ...fields });

  it('passes a grant recorded through an explicit source, and says which rule it met', () => {
    const gate = consentGate([inXx({ source: 'Signed Consent Form' })], 'email', 'promotional', null, rules);
    expect(gate).toMatchObject({ passed: true, records: ['cs-000123-04'], rule: { policy: 'consent-jurisdictions-test-1', id: 'test-us-xx-email-promotional', jurisdiction: 'US-XX', satisfied: true } });
    expect(gate.reason).toMatch(/granted on 2026-03-01 via Signed Consent Form, an explicit opt-in as US-XX requires \(policy consent-jurisdictions-test-1, rule test-us-xx-email-promotional\)/);
  });

  it('fails a grant recorded through a weaker source, naming the record, the jurisdiction and the rule', () => {
    const gate = consentGate([inXx({ source: 'preference center' })], 'email', 'promotional', null, rules);
    expect(gate).toMatchObject({ gate: 'consent', passed: false, records: ['cs-000123-04'], rule: { id: 'test-us-xx-email-promotional', jurisdiction: 'US-XX', satisfied: false } });
    expect(gate.reason).toBe(
      'email consent (promotional) cs-000123-04 was recorded via preference center on 2026-03-01; US-XX needs an explicit opt-in on record ' +
        '(signed consent form or web form) (policy consent-jurisdictions-test-1, rule test-us-xx-email-promotional: promotional email needs an express, documented opt-in)',
    );
  });

  it('leaves other jurisdictions, channels and purposes as they were', () => {
    const weak = { source: 'preference center' };
    expect(consentGate([inXx({ ...weak, jurisdiction: 'US-CA' })], 'email', 'promotional', null, rules)).toEqual(consentGate([inXx({ ...weak, jurisdiction: 'US-CA' })], 'email', 'promotional', null, noRules));
    expect(consentGate([inXx({ ...weak, jurisdiction: 'US-CA' })], 'email', 'promotional', null, rules)).toMatchObject({ passed: true });
    expect(consentGate([inXx({ ...weak, channel: 'sms' })], 'sms', 'promotional', null, rules)).toMatchObject({ passed: true });
    expect(consentGate([inXx({ ...weak, purpose: 'events' })], 'email', 'events', null, rules)).toMatchObject({ passed: true });
    expect(consentGate([inXx({ ...weak, channel: 'sms' })], 'sms', 'promotional', null, rules).rule).toBeUndefined();
    // A revocation or an expiry reads as before: the rule is about what counts as a grant.
    expect(consentGate([inXx({ status: 'revoked', source: 'unsubscribe link' })], 'email', 'promotional', null, rules)).toEqual({
      gate: 'consent',
      passed: false,
      reason: 'email consent (promotional) revoked on 2026-03-01 via unsubscribe link',
      records: ['cs-000123-04'],
    });
  });

  it('a weak product grant takes nothing away: an older explicit all-products grant still decides', () => {
    const consents = [
      inXx({ recordId: 'c-all', source: 'signed consent form', since: '2026-01-01T00:00:00.000Z' }),
      inXx({ recordId: 'c-prod', productId: 'prod-a', source: 'verbal consent recorded by rep', since: '2026-02-01T00:00:00.000Z' }),
    ];
    expect(consentGate(consents, 'email', 'promotional', 'prod-a', rules)).toMatchObject({ passed: true, records: ['c-all'], rule: { satisfied: true } });
  });

  it('a weak product grant after a general revocation does not pass, and the reason names the product and the rule', () => {
    const consents = [
      inXx({ recordId: 'c-all', status: 'revoked', source: 'unsubscribe link', since: '2026-01-01T00:00:00.000Z' }),
      inXx({ recordId: 'c-prod', productId: 'prod-a', source: 'verbal consent recorded by rep', since: '2026-02-01T00:00:00.000Z' }),
    ];
    const gate = consentGate(consents, 'email', 'promotional', 'prod-a', rules);
    expect(gate).toMatchObject({ passed: false, records: ['c-prod'], rule: { id: 'test-us-xx-email-promotional', satisfied: false } });
    expect(gate.reason).toMatch(/^email consent \(promotional\) for prod-a c-prod was recorded via verbal consent recorded by rep on 2026-02-01; US-XX needs an explicit opt-in/);
    // An explicit product grant after the revocation passes, for that product only.
    const explicit = [consents[0]!, { ...consents[1]!, source: 'web form' }];
    expect(consentGate(explicit, 'email', 'promotional', 'prod-a', rules)).toMatchObject({ passed: true, records: ['c-prod'] });
    expect(consentGate(explicit, 'email', 'promotional', 'prod-b', rules)).toMatchObject({ passed: false, records: ['c-all'] });
  });

  it('the alternatives offered are the channels that pass under the rules: a weak email grant is no alternative', () => {
    const consents = [inXx({ recordId: 'c-email', source: 'preference center' }), inXx({ recordId: 'c-phone', channel: 'phone', source: 'verbal consent recorded by rep' }), inXx({ recordId: 'c-sms', channel: 'sms', status: 'revoked' })];
    expect(consentedAlternatives(consents, 'sms', 'promotional', null, rules).map((alternative) => alternative.channel)).toEqual(['phone']);
    expect(consentedAlternatives(consents, 'sms', 'promotional', null, noRules).map((alternative) => alternative.channel)).toEqual(['email', 'phone']);
  });
});

describe('capGate', () => {
  const caps = { contacts7Days: 3, contacts30Days: 8 };
  it('fails when one more contact breaks either cap, with the contacts behind it', () => {
    expect(capGate({ last7Days: 2, last30Days: 7, evidence7Days: ['i1', 'i2'], evidence30Days: [] }, caps).passed).toBe(true);
    expect(capGate({ last7Days: 3, last30Days: 3, evidence7Days: ['i1', 'i2', 'i3'], evidence30Days: ['x'] }, caps)).toMatchObject({ passed: false, records: ['i1', 'i2', 'i3'] });
    expect(capGate({ last7Days: 0, last30Days: 8, evidence7Days: [], evidence30Days: ['j1'] }, caps)).toMatchObject({ passed: false, records: ['j1'] });
  });
});

describe('consentedAlternatives', () => {
  it('offers every other consented outreach channel, in one order, never the channel asked about', () => {
    // Granted on every outreach channel, listed in reverse: the order comes from OUTREACH_CHANNELS, not the records.
    const consents = [...OUTREACH_CHANNELS].reverse().map((channel) => state(channel, 'granted', `c-${channel}`));
    const alternatives = consentedAlternatives(consents, 'sms', 'promotional', null, noRules);
    expect(alternatives.map((alternative) => alternative.channel)).toEqual(OUTREACH_CHANNELS.filter((channel) => channel !== 'sms'));
    expect(alternatives.every((alternative) => alternative.purpose === 'promotional' && /granted/.test(alternative.reason))).toBe(true);
  });

  it('leaves out revoked, expired and unrecorded channels', () => {
    const consents = [state('email', 'revoked', 'c1'), state('whatsapp', 'granted', 'c2'), state('phone', 'expired', 'c3')];
    expect(consentedAlternatives(consents, 'email', 'promotional', null, noRules).map((alternative) => alternative.channel)).toEqual(['whatsapp']);
    expect(consentedAlternatives(consents, 'email', 'medical', null, noRules)).toEqual([]);
  });
});
