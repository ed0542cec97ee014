import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../core/dates.ts';
import { Consent } from '../domain/consent.ts';
import { Interaction } from '../domain/interaction.ts';
import { computeOpenSignals, type OpenSignal, type OpenSignalKind, type SignalOptions } from './open-signals.ts';

const AS_OF = '2026-11-20T18:00:00.000Z';
const REP = 'u-rep-1';
const REP_2 = 'u-rep-2';
const SYSTEM = 'system:marketing-automation';

/** An ISO instant `days` days (plus `hours` hours) before AS_OF. Negative days are after AS_OF. */
function ago(days: number, hours = 0): string {
  return new Date(Date.parse(AS_OF) - days * DAY_MS - hours * 3_600_000).toISOString();
}

type InteractionFields = Partial<Omit<Interaction, 'id'>> & Pick<Interaction, 'id' | 'channel' | 'outcome' | 'occurredAt'>;

function touch(fields: InteractionFields): Interaction {
  return Interaction.parse({ hcpId: 'hcp-1', actorId: REP, productId: 'prod-k', ...fields });
}

type ConsentFields = Partial<Consent> & Pick<Consent, 'id' | 'status' | 'recordedAt'>;

function consent(fields: ConsentFields): Consent {
  return Consent.parse({ hcpId: 'hcp-1', channel: 'email', purpose: 'promotional', source: 'hcp portal', ...fields });
}

const productName = (productId: string | null): string =>
  productId === 'prod-k' ? 'KEYTRUDA (pembrolizumab)' : productId === 'prod-o' ? 'OPDIVO (nivolumab)' : (productId ?? 'unspecified product');

function signals(input: {
  interactions?: Interaction[];
  consents?: Consent[];
  segment?: string | null;
  options?: Partial<SignalOptions>;
  asOf?: string;
}): OpenSignal[] {
  const interactions = [...(input.interactions ?? [])].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return computeOpenSignals({
    interactions,
    consents: input.consents ?? [],
    segment: input.segment ?? null,
    asOf: input.asOf ?? AS_OF,
    options: input.options,
    productName,
  });
}

const ofKind = (list: OpenSignal[], kind: OpenSignalKind) => list.filter((signal) => signal.kind === kind);

const webinar = (id: string, daysAgo: number, extra: Partial<InteractionFields> = {}) =>
  touch({ id, channel: 'webinar', outcome: 'attended', actorId: SYSTEM, occurredAt: ago(daysAgo), ...extra });

describe('computeOpenSignals: intent and follow-up', () => {
  it('reports a webinar attended 20 days ago with no personal contact since as one dead end', () => {
    const result = signals({ interactions: [webinar('i-web', 20)] });
    expect(result).toEqual([
      {
        kind: 'dead_end',
        sentence: 'Dead end: attended the KEYTRUDA (pembrolizumab) webinar 20 days ago; no follow-up by anyone since (window 14 days).',
        at: ago(20),
        evidence: ['i-web'],
      },
    ]);
  });

  it('a completed field visit 3 days after the webinar closes it', () => {
    const result = signals({
      interactions: [webinar('i-web', 20), touch({ id: 'i-visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(17) })],
    });
    expect(ofKind(result, 'dead_end')).toEqual([]);
    expect(ofKind(result, 'follow_up_due')).toEqual([]);
  });

  it('a personal contact before the intent does not answer it', () => {
    const result = signals({
      interactions: [touch({ id: 'i-visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(25) }), webinar('i-web', 20)],
    });
    expect(ofKind(result, 'dead_end').map((signal) => signal.evidence)).toEqual([['i-web']]);
  });

  it('an intent 5 days ago is a follow-up due, with the days left in the window', () => {
    const download = touch({ id: 'i-dl', channel: 'content_download', outcome: 'downloaded', actorId: SYSTEM, occurredAt: ago(5) });
    const result = signals({ interactions: [download] });
    expect(result).toEqual([
      {
        kind: 'follow_up_due',
        sentence: 'Follow-up due: downloaded KEYTRUDA (pembrolizumab) content 5 days ago; 9 days left in the follow-up window.',
        at: ago(5),
        evidence: ['i-dl'],
      },
    ]);
  });

  it('an intent exactly deadEndDays old is still due (0 days left), one day more is a dead end', () => {
    expect(ofKind(signals({ interactions: [webinar('i-web', 14)] }), 'follow_up_due')[0]?.sentence).toContain('0 days left');
    expect(ofKind(signals({ interactions: [webinar('i-web', 15)] }), 'dead_end')).toHaveLength(1);
  });

  it('an intent older than lookbackDays is history: nothing', () => {
    expect(signals({ interactions: [webinar('i-old', 91)] })).toEqual([]);
    expect(signals({ interactions: [webinar('i-old', 40)], options: { lookbackDays: 30 } })).toEqual([]);
    // ...and inside the window it is reported.
    expect(ofKind(signals({ interactions: [webinar('i-old', 90)] }), 'dead_end')).toHaveLength(1);
  });

  it('a system marketing email after the intent is not a follow-up', () => {
    const result = signals({
      interactions: [webinar('i-web', 20), touch({ id: 'i-auto', channel: 'email', outcome: 'sent', actorId: SYSTEM, occurredAt: ago(10) })],
    });
    expect(ofKind(result, 'dead_end').map((signal) => signal.evidence)).toEqual([['i-web']]);
  });

  it('a rep email sent after the intent is a follow-up', () => {
    const result = signals({
      interactions: [webinar('i-web', 20), touch({ id: 'i-rep-mail', channel: 'email', outcome: 'sent', actorId: REP, occurredAt: ago(10) })],
    });
    expect(ofKind(result, 'dead_end')).toEqual([]);
    expect(ofKind(result, 'follow_up_due')).toEqual([]);
  });

  it('deadEndDays decides between dead_end and follow_up_due', () => {
    const web = [webinar('i-web', 20)];
    expect(signals({ interactions: web, options: { deadEndDays: 30 } })).toEqual([
      expect.objectContaining({
        kind: 'follow_up_due',
        sentence: 'Follow-up due: attended the KEYTRUDA (pembrolizumab) webinar 20 days ago; 10 days left in the follow-up window.',
      }),
    ]);
    const recent = [webinar('i-web', 5)];
    expect(signals({ interactions: recent, options: { deadEndDays: 3 } })).toEqual([
      expect.objectContaining({
        kind: 'dead_end',
        sentence: 'Dead end: attended the KEYTRUDA (pembrolizumab) webinar 5 days ago; no follow-up by anyone since (window 3 days).',
      }),
    ]);
  });

  it('several unanswered intents give one signal, dated from the first, with all of them as evidence', () => {
    const click = touch({ id: 'i-click', channel: 'email', outcome: 'clicked', actorId: SYSTEM, occurredAt: ago(8), productId: 'prod-o' });
    const result = signals({ interactions: [webinar('i-web', 20), click] });
    expect(result).toHaveLength(1);
    expect(result[0]).toEqual({
      kind: 'dead_end',
      sentence:
        'Dead end: attended the KEYTRUDA (pembrolizumab) webinar 20 days ago (and 1 more intent signal since); no follow-up by anyone since (window 14 days).',
      at: ago(20),
      evidence: ['i-web', 'i-click'],
    });
  });

  it('says "1 day" in the singular', () => {
    expect(signals({ interactions: [webinar('i-web', 1)] })[0]?.sentence).toBe(
      'Follow-up due: attended the KEYTRUDA (pembrolizumab) webinar 1 day ago; 13 days left in the follow-up window.',
    );
  });
});

describe('computeOpenSignals: open medical questions', () => {
  const question = touch({
    id: 'i-ask',
    channel: 'medical_inquiry',
    outcome: 'requested',
    purpose: 'medical',
    occurredAt: ago(6),
    topic: 'dosing in renal impairment',
  });

  it('a medical inquiry requested with no reply is open', () => {
    expect(signals({ interactions: [question] })).toEqual([
      {
        kind: 'open_medical_question',
        sentence:
          'Open medical question: KEYTRUDA (pembrolizumab) on dosing in renal impairment, asked 6 days ago via medical inquiry; not answered yet.',
        at: ago(6),
        evidence: ['i-ask'],
        about: { productId: question.productId, topic: 'dosing in renal impairment' },
      },
    ]);
  });

  it('a later reply for the same product closes it', () => {
    const reply = touch({ id: 'i-reply', channel: 'medical_inquiry', outcome: 'replied', actorId: 'u-msl-1', purpose: 'medical', occurredAt: ago(2) });
    expect(ofKind(signals({ interactions: [question, reply] }), 'open_medical_question')).toEqual([]);
  });

  it('a reply for another product leaves it open', () => {
    const reply = touch({
      id: 'i-reply',
      channel: 'medical_inquiry',
      outcome: 'replied',
      actorId: 'u-msl-1',
      purpose: 'medical',
      occurredAt: ago(2),
      productId: 'prod-o',
    });
    expect(ofKind(signals({ interactions: [question, reply] }), 'open_medical_question').map((signal) => signal.evidence)).toEqual([['i-ask']]);
  });

  it('a reply before the question does not answer it', () => {
    const reply = touch({ id: 'i-reply', channel: 'medical_inquiry', outcome: 'replied', actorId: 'u-msl-1', purpose: 'medical', occurredAt: ago(9) });
    expect(ofKind(signals({ interactions: [reply, question] }), 'open_medical_question')).toHaveLength(1);
  });

  it('a call-center request counts as a question too', () => {
    const call = touch({ id: 'i-call', channel: 'call_center', outcome: 'requested', purpose: 'medical', occurredAt: ago(3) });
    expect(ofKind(signals({ interactions: [call] }), 'open_medical_question')[0]?.sentence).toBe(
      'Open medical question: KEYTRUDA (pembrolizumab), asked 3 days ago via call center; not answered yet.',
    );
  });
});

describe('computeOpenSignals: contact load', () => {
  const mail = (id: string, daysAgo: number, actorId = REP) => touch({ id, channel: 'email', outcome: 'sent', actorId, occurredAt: ago(daysAgo) });

  it('more contacts in 7 days than the cap is over-contacted, counting distinct senders', () => {
    const result = signals({ interactions: [mail('m1', 6), mail('m2', 4, SYSTEM), mail('m3', 2), mail('m4', 1, REP_2)] });
    expect(ofKind(result, 'over_contacted')).toEqual([
      {
        kind: 'over_contacted',
        sentence: 'Over-contacted: 4 contacts in the last 7 days (cap 3) and 4 in the last 30 (cap 8), from 3 senders.',
        at: ago(1),
        evidence: ['m1', 'm2', 'm3', 'm4'],
      },
    ]);
  });

  it('exactly the 7-day cap is not over-contacted', () => {
    expect(ofKind(signals({ interactions: [mail('m1', 6), mail('m2', 4), mail('m3', 2)] }), 'over_contacted')).toEqual([]);
  });

  it('a contact exactly 7 days ago falls outside the 7-day window', () => {
    expect(ofKind(signals({ interactions: [mail('m0', 7), mail('m1', 6), mail('m2', 4), mail('m3', 2)] }), 'over_contacted')).toEqual([]);
  });

  it('more contacts in 30 days than the cap is over-contacted even when no week is over its cap', () => {
    // 9 contacts, at most 2 in any 7 days.
    const days = [28, 25, 21, 18, 14, 11, 8, 4, 1];
    const result = ofKind(signals({ interactions: days.map((day, index) => mail(`m${index}`, day)) }), 'over_contacted');
    expect(result).toHaveLength(1);
    expect(result[0]?.sentence).toBe('Over-contacted: 2 contacts in the last 7 days (cap 3) and 9 in the last 30 (cap 8), from 1 sender.');
    expect(result[0]?.evidence).toHaveLength(9);
  });

  it('exactly the 30-day cap is not over-contacted', () => {
    const days = [28, 25, 21, 18, 14, 11, 8, 4];
    expect(ofKind(signals({ interactions: days.map((day, index) => mail(`m${index}`, day)) }), 'over_contacted')).toEqual([]);
  });

  it('inbound touches (opens, clicks, attendance) are not contacts', () => {
    const inbound = [1, 2, 3, 4, 5].map((day) => touch({ id: `o${day}`, channel: 'email', outcome: 'opened', actorId: SYSTEM, occurredAt: ago(day) }));
    expect(ofKind(signals({ interactions: inbound }), 'over_contacted')).toEqual([]);
  });

  it('the caps are configurable', () => {
    const result = signals({ interactions: [mail('m1', 3), mail('m2', 2)], options: { maxContacts7Days: 1 } });
    expect(ofKind(result, 'over_contacted')[0]?.sentence).toBe(
      'Over-contacted: 2 contacts in the last 7 days (cap 1) and 2 in the last 30 (cap 8), from 1 sender.',
    );
  });
});

describe('computeOpenSignals: consent', () => {
  it('a consent revoked within the lookback names the date and the source', () => {
    const result = signals({
      consents: [
        consent({ id: 'c-grant', status: 'granted', recordedAt: '2026-03-01T09:00:00.000Z' }),
        consent({ id: 'c-revoke', status: 'revoked', recordedAt: '2026-11-10T09:30:00.000Z', source: 'unsubscribe link' }),
      ],
    });
    expect(result).toEqual([
      {
        kind: 'consent_revoked',
        sentence: 'Email consent (promotional) revoked on 2026-11-10 via unsubscribe link.',
        at: '2026-11-10T09:30:00.000Z',
        evidence: ['c-revoke'],
      },
    ]);
  });

  it('revoked and then granted again is not reported', () => {
    const result = signals({
      consents: [
        consent({ id: 'c-revoke', status: 'revoked', recordedAt: ago(20) }),
        consent({ id: 'c-regrant', status: 'granted', recordedAt: ago(5) }),
      ],
    });
    expect(result).toEqual([]);
  });

  it('a revocation older than lookbackDays is not reported', () => {
    expect(signals({ consents: [consent({ id: 'c-revoke', status: 'revoked', recordedAt: ago(100) })] })).toEqual([]);
  });

  it('a revocation recorded after asOf is not reported', () => {
    expect(signals({ consents: [consent({ id: 'c-revoke', status: 'revoked', recordedAt: ago(-1) })] })).toEqual([]);
  });

  it('a re-grant for another channel does not cancel the revocation', () => {
    const result = signals({
      consents: [
        consent({ id: 'c-revoke', status: 'revoked', recordedAt: ago(20), channel: 'sms' }),
        consent({ id: 'c-email', status: 'granted', recordedAt: ago(5) }),
      ],
    });
    expect(result.map((signal) => [signal.kind, signal.sentence])).toEqual([['consent_revoked', `SMS consent (promotional) revoked on ${ago(20).slice(0, 10)} via hcp portal.`]]);
  });
});

describe('computeOpenSignals: visits for important HCPs', () => {
  const visit = touch({ id: 'i-visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(60) });

  it('segment A with the last visit 60 days ago has no recent visit', () => {
    expect(signals({ interactions: [visit], segment: 'A' })).toEqual([
      {
        kind: 'no_recent_visit',
        sentence: 'No field visit for 60 days (segment A expects one every 45 days).',
        at: ago(60),
        evidence: ['i-visit'],
      },
    ]);
  });

  it('segment B allows 75 days, segments C and D are not checked', () => {
    expect(signals({ interactions: [visit], segment: 'B' })).toEqual([]);
    expect(signals({ interactions: [visit], segment: 'C' })).toEqual([]);
    expect(signals({ interactions: [visit], segment: 'D' })).toEqual([]);
    expect(signals({ interactions: [visit], segment: null })).toEqual([]);
  });

  it('segment A with no visit at all says so', () => {
    expect(signals({ interactions: [], segment: 'A' })).toEqual([
      { kind: 'no_recent_visit', sentence: 'No field visit on record (segment A).', at: AS_OF, evidence: [] },
    ]);
  });

  it('a visit that did not take place does not count', () => {
    const planned = touch({ id: 'i-planned', channel: 'field_visit', outcome: 'requested', occurredAt: ago(10) });
    expect(ofKind(signals({ interactions: [visit, planned], segment: 'A' }), 'no_recent_visit').map((signal) => signal.evidence)).toEqual([['i-visit']]);
  });
});

describe('computeOpenSignals: asOf', () => {
  it('ignores interactions after asOf', () => {
    const laterVisit = touch({ id: 'i-visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(-2) });
    const laterWebinar = webinar('i-later', -1);
    const laterMails = [1, 2, 3, 4].map((hour) =>
      touch({ id: `m${hour}`, channel: 'email', outcome: 'sent', occurredAt: ago(0, -hour) }),
    );
    const result = signals({ interactions: [webinar('i-web', 20), laterVisit, laterWebinar, ...laterMails], segment: 'A' });
    expect(result.map((signal) => signal.kind)).toEqual(['dead_end', 'no_recent_visit']);
    expect(result[0]?.evidence).toEqual(['i-web']);
  });

  it('an interaction at exactly asOf counts', () => {
    const now = touch({ id: 'i-now', channel: 'field_visit', outcome: 'completed', occurredAt: AS_OF });
    expect(signals({ interactions: [webinar('i-web', 20), now], segment: 'A' })).toEqual([]);
  });

  it('the same history read at an earlier asOf gives the earlier picture', () => {
    const history = [webinar('i-web', 20), touch({ id: 'i-visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(10) })];
    expect(signals({ interactions: history })).toEqual([]);
    const earlier = signals({ interactions: history, asOf: ago(15) });
    expect(earlier).toEqual([expect.objectContaining({ kind: 'follow_up_due', evidence: ['i-web'] })]);
    expect(earlier[0]?.sentence).toContain('5 days ago; 9 days left');
  });
});
