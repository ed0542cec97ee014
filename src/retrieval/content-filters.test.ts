import { describe, expect, it } from 'vitest';
import { ContentModule } from '../domain/content-module.ts';
import { checkContentFilters, eligibleModules, type ContentFilters } from './content-filters.ts';

const module = (fields: Partial<ContentModule> = {}) =>
  ContentModule.parse({
    id: 'cm-x',
    version: 1,
    mlrCode: 'MLR-1',
    title: 'Title',
    body: 'Body.',
    kind: 'claim',
    audienceSpecialties: ['Medical Oncology'],
    allowedChannels: ['email', 'field_visit'],
    purpose: 'promotional',
    market: 'US',
    approvedAt: '2026-01-01',
    expiresAt: '2027-01-01',
    status: 'approved',
    ...fields,
  });

const filters: ContentFilters = { asOf: '2026-06-01', market: 'US', specialty: 'Medical Oncology', channel: 'email', purpose: 'promotional' };

describe('checkContentFilters', () => {
  it('passes an approved, current module and says why for every filter', () => {
    const decision = checkContentFilters(module(), filters);
    expect(decision.passed).toBe(true);
    expect(decision.reasons).toEqual([
      'approved 2026-01-01, valid until 2027-01-01',
      'market US',
      'audience includes Medical Oncology',
      'approved for email',
      'purpose promotional',
    ]);
  });

  it.each([
    ['withdrawn', { status: 'withdrawn' as const }, 'status is withdrawn'],
    ['draft', { status: 'draft' as const }, 'status is draft'],
    ['expired by status and date', { status: 'expired' as const, approvedAt: '2025-01-01', expiresAt: '2026-05-01' }, 'expired on 2026-05-01'],
    ['marked expired without an expiry date', { status: 'expired' as const, expiresAt: null }, 'status is expired'],
    ['not yet approved', { approvedAt: '2026-07-01', expiresAt: '2027-07-01' }, 'not approved until 2026-07-01'],
    ['expired', { approvedAt: '2025-01-01', expiresAt: '2026-06-01' }, 'expired on 2026-06-01'],
    ['another market', { market: 'EU' }, 'market EU, not US'],
    ['another audience', { audienceSpecialties: ['Dermatology'] }, 'audience Dermatology does not include Medical Oncology'],
    ['another channel', { allowedChannels: ['field_visit' as const] }, 'not approved for email'],
    ['medical-only on a promotional search', { purpose: 'medical' as const }, 'purpose medical, not promotional'],
  ])('refuses a module that is %s', (_, fields, reason) => {
    expect(checkContentFilters(module(fields), filters)).toEqual({ passed: false, reasons: [reason] });
  });

  it('gives medical searches medical modules only, and promotional searches promotional and event modules', () => {
    expect(checkContentFilters(module({ purpose: 'medical' }), { ...filters, purpose: 'medical' }).passed).toBe(true);
    expect(checkContentFilters(module({ purpose: 'promotional' }), { ...filters, purpose: 'medical' }).passed).toBe(false);
    expect(checkContentFilters(module({ purpose: 'events' }), filters).passed).toBe(true);
  });

  it('treats an empty audience as every specialty', () => {
    expect(checkContentFilters(module({ audienceSpecialties: [] }), { ...filters, specialty: 'Neurology' }).passed).toBe(true);
  });
});

describe('expired modules', () => {
  it('pass only as of a day inside their approval window', () => {
    const expired = module({ status: 'expired', approvedAt: '2025-01-01', expiresAt: '2026-01-01' });
    expect(checkContentFilters(expired, { ...filters, asOf: '2025-06-01' }).passed).toBe(true);
    expect(checkContentFilters(expired, { ...filters, asOf: '2026-01-01' }).passed).toBe(false);
  });
});

describe('eligibleModules', () => {
  it('keeps the version approved as of the date asked', () => {
    const first = module({ version: 1, approvedAt: '2025-01-01', expiresAt: '2026-03-01' });
    const second = module({ version: 2, approvedAt: '2026-03-01', expiresAt: '2027-03-01' });
    expect(eligibleModules([first, second], { ...filters, asOf: '2025-06-01' }).get('cm-x')?.version).toBe(1);
    expect(eligibleModules([first, second], { ...filters, asOf: '2026-06-01' }).get('cm-x')?.version).toBe(2);
    expect(eligibleModules([first, second], { ...filters, asOf: '2024-06-01' }).size).toBe(0);
  });
});
