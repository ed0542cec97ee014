import { describe, expect, it } from 'vitest';
import type { ConsentState } from './consent-policy.ts';
import { capGate, consentedAlternatives, consentGate, OUTREACH_CHANNELS } from './gates.ts';

const state = (channel: ConsentState['channel'], status: ConsentState['status'], recordId: string, productId: string | null = null): ConsentState => ({
  channel,
  purpose: 'promotional',
  productId,
  status,
  since: '2026-03-01T09:00:00.000Z',
  source: 'rep form',
  expiresAt: null,
  recordId,
});

describe('consentGate', () => {
  it('passes on a grant and names the record; fails on a revocation, an expiry or nothing', () => {
    const consents = [state('email', 'granted', 'c-email'), state('sms', 'revoked', 'c-sms'), state('whatsapp', 'expired', 'c-wa')];
    expect(consentGate(consents, 'email', 'promotional', null)).toMatchObject({ gate: 'consent', passed: true, records: ['c-email'] });
    expect(consentGate(consents, 'sms', 'promotional', null)).toMatchObject({ passed: false, records: ['c-sms'] });
    expect(consentGate(consents, 'whatsapp', 'promotional', null)).toMatchObject({ passed: false, records: ['c-wa'] });
    expect(consentGate(consents, 'phone', 'promotional', null)).toMatchObject({ passed: false, records: [] });
    // Another purpose is another consent.
    expect(consentGate(consents, 'email', 'medical', null).passed).toBe(false);
  });

  it('a later product-specific grant overrides an older general revocation, for that product only', () => {
    const consents = [
      { ...state('email', 'revoked', 'c-all'), since: '2026-01-01T00:00:00.000Z' },
      { ...state('email', 'granted', 'c-prod', 'prod-a'), since: '2026-02-01T00:00:00.000Z' },
    ];
    expect(consentGate(consents, 'email', 'promotional', 'prod-a')).toMatchObject({ passed: true, records: ['c-prod'] });
    expect(consentGate(consents, 'email', 'promotional', 'prod-b')).toMatchObject({ passed: false, records: ['c-all'] });
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
    const alternatives = consentedAlternatives(consents, 'sms', 'promotional', null);
    expect(alternatives.map((alternative) => alternative.channel)).toEqual(OUTREACH_CHANNELS.filter((channel) => channel !== 'sms'));
    expect(alternatives.every((alternative) => alternative.purpose === 'promotional' && /granted/.test(alternative.reason))).toBe(true);
  });

  it('leaves out revoked, expired and unrecorded channels', () => {
    const consents = [state('email', 'revoked', 'c1'), state('whatsapp', 'granted', 'c2'), state('phone', 'expired', 'c3')];
    expect(consentedAlternatives(consents, 'email', 'promotional', null).map((alternative) => alternative.channel)).toEqual(['whatsapp']);
    expect(consentedAlternatives(consents, 'email', 'medical', null)).toEqual([]);
  });
});
