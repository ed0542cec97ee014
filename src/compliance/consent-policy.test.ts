import { describe, expect, it } from 'vitest';
import { Consent } from '../domain/consent.ts';
import { currentConsents } from './consent-policy.ts';

const AS_OF = '2026-11-20T18:00:00.000Z';

type ConsentFields = Partial<Consent> & Pick<Consent, 'id' | 'status' | 'recordedAt'>;

function consent(fields: ConsentFields): Consent {
  return Consent.parse({ hcpId: 'hcp-1', channel: 'email', purpose: 'promotional', source: 'hcp portal', ...fields });
}

describe('currentConsents', () => {
  it('the latest record per channel, purpose and product decides', () => {
    const states = currentConsents(
      [
        consent({ id: 'c1', status: 'granted', recordedAt: '2026-01-05T10:00:00.000Z' }),
        consent({ id: 'c2', status: 'revoked', recordedAt: '2026-06-01T10:00:00.000Z', source: 'unsubscribe link' }),
        consent({ id: 'c3', status: 'granted', recordedAt: '2026-09-15T10:00:00.000Z', source: 'rep form', jurisdiction: 'US-CA' }),
      ],
      AS_OF,
    );
    expect(states).toEqual([
      {
        channel: 'email',
        purpose: 'promotional',
        productId: null,
        status: 'granted',
        since: '2026-09-15T10:00:00.000Z',
        source: 'rep form',
        expiresAt: null,
        recordId: 'c3',
        // The deciding record's jurisdiction, for the consent gate's jurisdiction rules.
        jurisdiction: 'US-CA',
      },
    ]);
  });

  it('the latest record decides whatever order the records come in', () => {
    const records = [
      consent({ id: 'c-late', status: 'revoked', recordedAt: '2026-10-01T10:00:00.000Z' }),
      consent({ id: 'c-early', status: 'granted', recordedAt: '2026-02-01T10:00:00.000Z' }),
    ];
    expect(currentConsents(records, AS_OF).map((state) => [state.recordId, state.status])).toEqual([['c-late', 'revoked']]);
  });

  it('a revocation counts from the moment it is recorded', () => {
    const records = [
      consent({ id: 'c-grant', status: 'granted', recordedAt: '2026-01-05T10:00:00.000Z' }),
      consent({ id: 'c-revoke', status: 'revoked', recordedAt: '2026-11-10T12:00:00.000Z' }),
    ];
    const before = currentConsents(records, '2026-11-10T11:59:59.000Z');
    expect(before.map((state) => [state.recordId, state.status, state.since])).toEqual([['c-grant', 'granted', '2026-01-05T10:00:00.000Z']]);
    const after = currentConsents(records, '2026-11-10T12:00:01.000Z');
    expect(after.map((state) => [state.recordId, state.status, state.since])).toEqual([['c-revoke', 'revoked', '2026-11-10T12:00:00.000Z']]);
    const atTheMoment = currentConsents(records, '2026-11-10T12:00:00.000Z');
    expect(atTheMoment.map((state) => state.status)).toEqual(['revoked']);
  });

  it('a grant past its expiry is expired, since the expiry', () => {
    const states = currentConsents(
      [consent({ id: 'c1', status: 'granted', recordedAt: '2025-11-01T09:00:00.000Z', expiresAt: '2026-11-01T00:00:00.000Z' })],
      AS_OF,
    );
    expect(states).toEqual([
      {
        channel: 'email',
        purpose: 'promotional',
        productId: null,
        status: 'expired',
        since: '2026-11-01T00:00:00.000Z',
        source: 'hcp portal',
        expiresAt: '2026-11-01T00:00:00.000Z',
        recordId: 'c1',
        jurisdiction: 'US',
      },
    ]);
  });

  it('a grant not yet at its expiry is granted, since it was recorded', () => {
    const records = [consent({ id: 'c1', status: 'granted', recordedAt: '2025-11-01T09:00:00.000Z', expiresAt: '2026-12-01T00:00:00.000Z' })];
    expect(currentConsents(records, AS_OF).map((state) => [state.status, state.since, state.expiresAt])).toEqual([
      ['granted', '2025-11-01T09:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ]);
    // The same grant read one second before, at, and after its expiry.
    expect(currentConsents(records, '2026-11-30T23:59:59.000Z').map((state) => state.status)).toEqual(['granted']);
    expect(currentConsents(records, '2026-12-01T00:00:00.000Z').map((state) => state.status)).toEqual(['expired']);
    expect(currentConsents(records, '2026-12-02T00:00:00.000Z').map((state) => [state.status, state.since])).toEqual([
      ['expired', '2026-12-01T00:00:00.000Z'],
    ]);
  });

  it('a revocation carrying a past expiry stays revoked', () => {
    const records = [consent({ id: 'c1', status: 'revoked', recordedAt: '2026-05-01T09:00:00.000Z', expiresAt: '2026-06-01T00:00:00.000Z' })];
    expect(currentConsents(records, AS_OF).map((state) => [state.status, state.since])).toEqual([['revoked', '2026-05-01T09:00:00.000Z']]);
  });

  it('ignores records after asOf', () => {
    const records = [
      consent({ id: 'c-grant', status: 'granted', recordedAt: '2026-05-01T10:00:00.000Z' }),
      consent({ id: 'c-future', status: 'revoked', recordedAt: '2026-11-21T10:00:00.000Z' }),
      consent({ id: 'c-sms-future', status: 'granted', recordedAt: '2026-12-01T10:00:00.000Z', channel: 'sms' }),
    ];
    expect(currentConsents(records, AS_OF).map((state) => [state.recordId, state.status])).toEqual([['c-grant', 'granted']]);
  });

  it('returns nothing when there are no records (or none yet)', () => {
    expect(currentConsents([], AS_OF)).toEqual([]);
    expect(currentConsents([consent({ id: 'c1', status: 'granted', recordedAt: '2026-12-01T00:00:00.000Z' })], AS_OF)).toEqual([]);
  });

  it('keeps a product-specific consent separate from the all-products consent', () => {
    const states = currentConsents(
      [
        consent({ id: 'c-all', status: 'granted', recordedAt: '2026-01-05T10:00:00.000Z' }),
        consent({ id: 'c-prod', status: 'revoked', recordedAt: '2026-08-05T10:00:00.000Z', productId: 'prod-k' }),
      ],
      AS_OF,
    );
    expect(states.map((state) => [state.recordId, state.productId, state.status])).toEqual([
      ['c-all', null, 'granted'],
      ['c-prod', 'prod-k', 'revoked'],
    ]);
  });

  it('keeps purposes and channels separate and sorts by channel, then purpose', () => {
    const states = currentConsents(
      [
        consent({ id: 'c-sms', status: 'granted', recordedAt: '2026-01-01T10:00:00.000Z', channel: 'sms' }),
        consent({ id: 'c-email-research', status: 'granted', recordedAt: '2026-01-02T10:00:00.000Z', purpose: 'market_research' }),
        consent({ id: 'c-visit', status: 'granted', recordedAt: '2026-01-03T10:00:00.000Z', channel: 'field_visit' }),
        consent({ id: 'c-email-promo', status: 'revoked', recordedAt: '2026-01-04T10:00:00.000Z' }),
        consent({ id: 'c-email-events', status: 'granted', recordedAt: '2026-01-05T10:00:00.000Z', purpose: 'events' }),
      ],
      AS_OF,
    );
    expect(states.map((state) => `${state.channel}/${state.purpose}`)).toEqual([
      'email/events',
      'email/market_research',
      'email/promotional',
      'field_visit/promotional',
      'sms/promotional',
    ]);
    expect(states.find((state) => state.purpose === 'promotional' && state.channel === 'email')?.status).toBe('revoked');
  });
});
