import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../core/dates.ts';
import { Consent } from '../domain/consent.ts';
import { Hcp, type HcpInput } from '../domain/hcp.ts';
import { Interaction } from '../domain/interaction.ts';
import { channels, outcomes, type Channel } from '../domain/vocabulary.ts';
import { computeSignals, signalNames, type HcpSignals, type Signal, type SignalName, type SignalSettings } from './signals.ts';

const AS_OF = '2026-11-20T18:00:00.000Z';
const REP_A = 'u-rep-a';
const REP_B = 'u-rep-b';
const MARKETING = 'system:marketing-automation';
const SETTINGS: SignalSettings = { deadEndDays: 14, caps: { contacts7Days: 3, contacts30Days: 8 } };

/** An ISO instant `days` days (plus `hours` hours) before AS_OF. */
function ago(days: number, hours = 0): string {
  return new Date(Date.parse(AS_OF) - days * DAY_MS - hours * 3_600_000).toISOString();
}

type TouchFields = Partial<Omit<Interaction, 'id'>> & Pick<Interaction, 'id' | 'channel' | 'outcome' | 'occurredAt'>;
const touch = (fields: TouchFields): Interaction => Interaction.parse({ hcpId: 'hcp-1', actorId: REP_A, productId: 'prod-k', ...fields });

const hcpWith = (fields: Partial<HcpInput> = {}): Hcp =>
  Hcp.parse({ id: 'hcp-1', firstName: 'Maria', lastName: 'Reyes', specialty: 'Medical Oncology', territory: 'T-NE', ...fields });

const productName = (productId: string | null) =>
  productId === 'prod-k' ? 'KEYTRUDA (pembrolizumab)' : productId === 'prod-o' ? 'OPDIVO (nivolumab)' : (productId ?? 'unspecified product');

function signalsFor(input: { interactions?: Interaction[]; consents?: Consent[]; hcp?: Hcp; settings?: SignalSettings; asOf?: string } = {}): HcpSignals {
  const interactions = [...(input.interactions ?? [])].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return computeSignals({
    hcp: input.hcp ?? hcpWith(),
    interactions,
    consents: input.consents ?? [],
    asOf: input.asOf ?? AS_OF,
    settings: input.settings ?? SETTINGS,
    productName,
  });
}

function common(signals: HcpSignals, name: SignalName): Signal {
  const found = signals.common.find((signal) => signal.name === name);
  if (!found) throw new Error(`no ${name} signal`);
  return found;
}

function forChannel(signals: HcpSignals, channel: Channel, name: 'channel_responsiveness' | 'channel_preference'): Signal {
  return signals.forChannel(channel).find((signal) => signal.name === name)!;
}

/** A small deterministic generator, so the property test below is the same every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('computeSignals: ranges', () => {
  it('names every signal once in the common list and keeps every value in [0, 1], empty history included', () => {
    const empty = signalsFor({ hcp: hcpWith({ segment: null, tier: null, influenceScore: null, preferredChannel: null }) });
    const channelOnly: SignalName[] = ['channel_responsiveness', 'channel_preference'];
    expect(empty.common.map((signal) => signal.name).sort()).toEqual(signalNames.filter((name) => !channelOnly.includes(name)).sort());
    for (const signal of empty.common) {
      expect(signal.value, signal.name).toBeGreaterThanOrEqual(0);
      expect(signal.value, signal.name).toBeLessThanOrEqual(1);
      expect(signal.sentence.length, signal.name).toBeGreaterThan(0);
    }
    expect(empty.interest).toBeNull();
    expect(common(empty, 'days_since_visit').value).toBe(1);
    expect(common(empty, 'baseline').value).toBe(1);
  });

  it('keeps every value in [0, 1] for 200 random histories, however busy', () => {
    const random = lcg(20261120);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 200; round++) {
      const interactions: Interaction[] = [];
      const count = Math.floor(random() * 120);
      for (let index = 0; index < count; index++) {
        interactions.push(
          touch({
            id: `i-${round}-${index}`,
            channel: pick(channels),
            outcome: pick(outcomes),
            actorId: pick([REP_A, REP_B, MARKETING, 'u-msl']),
            purpose: pick(['promotional', 'medical', 'events'] as const),
            productId: pick(['prod-k', 'prod-o', null]),
            topic: pick(['', 'renal dosing', 'efficacy in NSCLC']),
            occurredAt: ago(random() * 400 - 5),
          }),
        );
      }
      const hcp = hcpWith({
        segment: pick(['A', 'B', 'C', 'D', null] as const),
        tier: pick([1, 2, 3, 4, 5, null]),
        influenceScore: pick([0, 37, 100, null]),
        preferredChannel: pick([...channels, null]),
      });
      const result = signalsFor({ interactions, hcp, settings: { deadEndDays: 1 + Math.floor(random() * 30), caps: { contacts7Days: 1 + Math.floor(random() * 4), contacts30Days: 1 + Math.floor(random() * 10) } } });
      const all = [...result.common, ...channels.flatMap((channel) => result.forChannel(channel))];
      for (const signal of all) {
        expect(Number.isFinite(signal.value), `${signal.name} in round ${round}`).toBe(true);
        expect(signal.value, `${signal.name} in round ${round}`).toBeGreaterThanOrEqual(0);
        expect(signal.value, `${signal.name} in round ${round}`).toBeLessThanOrEqual(1);
      }
      // Evidence only ever names rows that were handed in.
      const ids = new Set(interactions.map((interaction) => interaction.id));
      for (const signal of all) for (const id of signal.evidence) expect(ids.has(id), `${signal.name} cites ${id}`).toBe(true);
    }
  });

  it('maps segment, tier and influence onto [0, 1] (A and tier 1 highest)', () => {
    const top = signalsFor({ hcp: hcpWith({ segment: 'A', tier: 1, influenceScore: 100 }) });
    expect([common(top, 'segment').value, common(top, 'tier').value, common(top, 'influence').value]).toEqual([1, 1, 1]);
    const bottom = signalsFor({ hcp: hcpWith({ segment: 'D', tier: 5, influenceScore: 0 }) });
    expect([common(bottom, 'segment').value, common(bottom, 'tier').value, common(bottom, 'influence').value]).toEqual([0, 0, 0]);
    const middle = signalsFor({ hcp: hcpWith({ segment: 'C', tier: 3, influenceScore: 42 }) });
    expect([common(middle, 'segment').value, common(middle, 'tier').value, common(middle, 'influence').value]).toEqual([0.33, 0.5, 0.42]);
  });
});

describe('computeSignals: dead ends and follow-ups', () => {
  const webinar = touch({ id: 'i-web-10', channel: 'webinar', outcome: 'attended', actorId: 'system:webinars', occurredAt: ago(10) });

  it('calls an intent 10 days old a follow-up due with a 14-day window, and a dead end with a 7-day window', () => {
    const within = signalsFor({ interactions: [webinar] });
    expect(common(within, 'follow_up_due')).toMatchObject({ value: 1, evidence: ['i-web-10'] });
    expect(common(within, 'dead_end')).toMatchObject({ value: 0, evidence: [] });
    expect(common(within, 'follow_up_due').sentence).toMatch(/^Follow-up due: attended the KEYTRUDA \(pembrolizumab\) webinar 10 days ago; 4 days left/);

    const past = signalsFor({ interactions: [webinar], settings: { ...SETTINGS, deadEndDays: 7 } });
    expect(common(past, 'dead_end')).toMatchObject({ value: 1, evidence: ['i-web-10'] });
    expect(common(past, 'follow_up_due')).toMatchObject({ value: 0, evidence: [] });
    expect(common(past, 'dead_end').sentence).toMatch(/^Dead end: .*10 days ago; no follow-up by anyone since \(window 7 days\)/);
  });

  it('closes the dead end once any rep follows up in person, and not for an automated email', () => {
    const automated = touch({ id: 'i-auto', channel: 'email', outcome: 'sent', actorId: MARKETING, occurredAt: ago(5) });
    expect(common(signalsFor({ interactions: [webinar, automated], settings: { ...SETTINGS, deadEndDays: 7 } }), 'dead_end').value).toBe(1);
    const visit = touch({ id: 'i-visit', channel: 'field_visit', outcome: 'completed', actorId: REP_B, occurredAt: ago(5) });
    const answered = signalsFor({ interactions: [webinar, visit], settings: { ...SETTINGS, deadEndDays: 7 } });
    expect(common(answered, 'dead_end').value).toBe(0);
    expect(common(answered, 'follow_up_due').value).toBe(0);
  });

  it('reports an open medical question with the inquiry as evidence until it is answered', () => {
    const ask = touch({ id: 'i-ask', channel: 'medical_inquiry', outcome: 'requested', purpose: 'medical', actorId: 'system:medical-information', occurredAt: ago(4), topic: 'renal dosing' });
    const open = signalsFor({ interactions: [ask] });
    expect(common(open, 'open_medical_question')).toMatchObject({ value: 1, evidence: ['i-ask'] });
    expect(common(open, 'open_medical_question').sentence).toContain('renal dosing');
    const reply = touch({ id: 'i-reply', channel: 'medical_inquiry', outcome: 'replied', purpose: 'medical', actorId: 'u-msl', occurredAt: ago(1) });
    expect(common(signalsFor({ interactions: [ask, reply] }), 'open_medical_question')).toMatchObject({ value: 0, evidence: [] });
  });
});

describe('computeSignals: fatigue across reps and channels', () => {
  const contacts = [
    touch({ id: 'c-visit-a-2', channel: 'field_visit', outcome: 'completed', actorId: REP_A, occurredAt: ago(2) }),
    touch({ id: 'c-email-b-3', channel: 'email', outcome: 'sent', actorId: REP_B, occurredAt: ago(3) }),
    touch({ id: 'c-auto-5', channel: 'email', outcome: 'sent', actorId: MARKETING, occurredAt: ago(5) }),
    touch({ id: 'c-detail-b-20', channel: 'remote_detail', outcome: 'completed', actorId: REP_B, occurredAt: ago(20) }),
    touch({ id: 'c-phone-a-25', channel: 'phone', outcome: 'completed', actorId: REP_A, occurredAt: ago(25) }),
    touch({ id: 'c-visit-a-31', channel: 'field_visit', outcome: 'completed', actorId: REP_A, occurredAt: ago(31) }),
  ];
  // Things the HCP did, and a contact after asOf: none of these is a contact now.
  const notContacts = [
    touch({ id: 'n-open', channel: 'email', outcome: 'opened', actorId: REP_B, occurredAt: ago(3, -1) }),
    touch({ id: 'n-web', channel: 'webinar', outcome: 'attended', actorId: 'system:webinars', occurredAt: ago(4) }),
    touch({ id: 'n-future', channel: 'field_visit', outcome: 'completed', actorId: REP_B, occurredAt: ago(-1) }),
  ];

  it('counts contacts by two reps and automation on three channels together, 7 and 30 days', () => {
    const result = signalsFor({ interactions: [...contacts, ...notContacts] });
    expect(result.contacts).toEqual({
      last7Days: 3,
      last30Days: 5,
      evidence7Days: ['c-auto-5', 'c-email-b-3', 'c-visit-a-2'],
      evidence30Days: ['c-phone-a-25', 'c-detail-b-20', 'c-auto-5', 'c-email-b-3', 'c-visit-a-2'],
    });
    expect(common(result, 'fatigue_7_days')).toMatchObject({ value: 1, evidence: result.contacts.evidence7Days });
    expect(common(result, 'fatigue_30_days')).toMatchObject({ value: 0.625, evidence: result.contacts.evidence30Days });
    expect(common(result, 'fatigue_30_days').sentence).toBe('5 contacts in the last 30 days from 3 senders (cap 8).');
    expect(common(result, 'fatigue_7_days').sentence).toBe('3 contacts in the last 7 days across all reps and channels (cap 3).');
  });

  it('would not reach the 7-day cap with either rep alone', () => {
    for (const rep of [REP_A, REP_B]) {
      const own = contacts.filter((interaction) => interaction.actorId === rep);
      const result = signalsFor({ interactions: own });
      expect(result.contacts.last7Days, rep).toBeLessThan(SETTINGS.caps.contacts7Days);
      expect(common(result, 'fatigue_7_days').value, rep).toBeLessThan(1);
    }
  });
});

describe('computeSignals: intent recency and interest', () => {
  const intent = (id: string, days: number, extra: Partial<TouchFields> = {}) =>
    touch({ id, channel: 'content_download', outcome: 'downloaded', actorId: 'system:website', occurredAt: ago(days), ...extra });

  it('halves an intent every 14 days, adds intents up to 1, and forgets them after 90 days', () => {
    expect(common(signalsFor({ interactions: [intent('d-0', 0)] }), 'intent_recent').value).toBe(1);
    expect(common(signalsFor({ interactions: [intent('d-14', 14)] }), 'intent_recent').value).toBe(0.5);
    expect(common(signalsFor({ interactions: [intent('d-28', 28)] }), 'intent_recent').value).toBe(0.25);
    const two = signalsFor({ interactions: [intent('d-28', 28), intent('d-14', 14)] });
    expect(common(two, 'intent_recent')).toMatchObject({ value: 0.75, evidence: ['d-28', 'd-14'] });
    expect(common(two, 'intent_recent').sentence).toMatch(/^2 intent signals in 90 days, the latest 14 days ago \(content download\)/);
    const many = signalsFor({ interactions: [intent('d-1', 1), intent('d-2', 2), intent('d-3', 3)] });
    expect(common(many, 'intent_recent').value).toBe(1);
    expect(common(signalsFor({ interactions: [intent('d-91', 91)] }), 'intent_recent')).toMatchObject({ value: 0, evidence: [] });
    // An email open is engagement, not intent; a click is intent.
    const open = touch({ id: 'e-open', channel: 'email', outcome: 'opened', occurredAt: ago(1) });
    expect(common(signalsFor({ interactions: [open] }), 'intent_recent').value).toBe(0);
  });

  it('points the follow-up at the product and topic of the intent owed one, not the most-engaged product', () => {
    const engaged = [0, 1, 2, 3, 4, 5].map((days) => touch({ id: `o-open-${days}`, channel: 'email', outcome: 'opened', productId: 'prod-o', topic: 'adjuvant melanoma', occurredAt: ago(days + 1) }));
    const owed = intent('k-download', 20, { productId: 'prod-k', topic: 'renal dosing' });
    const result = signalsFor({ interactions: [...engaged, owed] });
    expect(common(result, 'dead_end').evidence).toEqual(['k-download']);
    expect(result.interest).toEqual({ productId: 'prod-k', topic: 'renal dosing' });
    // product_interest itself still reports the most-engaged product.
    expect(common(result, 'product_interest').sentence).toMatch(/^Most engaged with OPDIVO \(nivolumab\) \(adjuvant melanoma\)/);
    expect([...common(result, 'product_interest').evidence].sort()).toEqual(engaged.map((interaction) => interaction.id).sort());

    // Once a rep has followed up, the follow-up subject falls back to the most-engaged product.
    const visit = touch({ id: 'visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(10) });
    expect(signalsFor({ interactions: [...engaged, owed, visit] }).interest).toEqual({ productId: 'prod-o', topic: 'adjuvant melanoma' });
  });

  it('follows the latest of several unanswered intents', () => {
    const older = intent('k-old', 30, { productId: 'prod-k', topic: 'renal dosing' });
    const newer = touch({ id: 'o-web', channel: 'webinar', outcome: 'attended', actorId: 'system:webinars', productId: 'prod-o', topic: 'adjuvant melanoma', occurredAt: ago(18) });
    const result = signalsFor({ interactions: [older, newer] });
    expect(common(result, 'dead_end').evidence).toEqual(['k-old', 'o-web']);
    expect(result.interest).toEqual({ productId: 'prod-o', topic: 'adjuvant melanoma' });
  });

  it('weighs product interest by recency (30-day half-life) and caps it at 1', () => {
    const single = signalsFor({ interactions: [touch({ id: 'dl', channel: 'content_download', outcome: 'downloaded', occurredAt: ago(30) })] });
    // 0.5 ** (30 / 30) / 3
    expect(common(single, 'product_interest').value).toBe(0.167);
    const lots = Array.from({ length: 8 }, (_, index) => touch({ id: `open-${index}`, channel: 'email', outcome: 'opened', occurredAt: ago(index) }));
    expect(common(signalsFor({ interactions: lots }), 'product_interest').value).toBe(1);
  });
});

describe('computeSignals: visits and channels', () => {
  it('scales days since the last completed field visit over 90 days, 1 with none', () => {
    const visit = (id: string, days: number) => touch({ id, channel: 'field_visit', outcome: 'completed', occurredAt: ago(days) });
    const recent = signalsFor({ interactions: [visit('v-120', 120), visit('v-45', 45)] });
    expect(common(recent, 'days_since_visit')).toMatchObject({ value: 0.5, evidence: ['v-45'] });
    expect(common(recent, 'days_since_visit').sentence).toBe('Last field visit 45 days ago.');
    expect(common(signalsFor({ interactions: [visit('v-120', 120)] }), 'days_since_visit')).toMatchObject({ value: 1, evidence: ['v-120'] });
    expect(common(signalsFor({ interactions: [visit('v-400', 400)] }), 'days_since_visit')).toMatchObject({ value: 1, evidence: [] });
    // A remote detail is not a field visit.
    const detail = touch({ id: 'rd', channel: 'remote_detail', outcome: 'completed', occurredAt: ago(1) });
    expect(common(signalsFor({ interactions: [detail] }), 'days_since_visit').value).toBe(1);
  });

  it('measures email responsiveness as responses per email sent in the last 180 days', () => {
    const sent = [10, 20, 30, 40].map((days) => touch({ id: `sent-${days}`, channel: 'email', outcome: 'sent', actorId: MARKETING, occurredAt: ago(days) }));
    const opens = [19, 39].map((days) => touch({ id: `open-${days}`, channel: 'email', outcome: 'opened', actorId: MARKETING, occurredAt: ago(days) }));
    const old = [
      touch({ id: 'old-sent', channel: 'email', outcome: 'sent', occurredAt: ago(200) }),
      touch({ id: 'old-open', channel: 'email', outcome: 'opened', occurredAt: ago(199) }),
    ];
    const visit = touch({ id: 'visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(3) });
    const result = signalsFor({ interactions: [...sent, ...opens, ...old, visit] });
    const email = forChannel(result, 'email', 'channel_responsiveness');
    expect(email.value).toBe(0.5);
    expect(email.sentence).toBe('email: 2 responses to 4 sent in 180 days.');
    expect([...email.evidence].sort()).toEqual([...sent, ...opens].map((interaction) => interaction.id).sort());
    // Met channels: how often it happened, four times in 180 days is fully responsive.
    expect(forChannel(result, 'field_visit', 'channel_responsiveness')).toMatchObject({ value: 0.25, evidence: ['visit'] });
    expect(forChannel(result, 'remote_detail', 'channel_responsiveness')).toMatchObject({ value: 0, evidence: [] });
  });

  // Suspected defect (reported): an email that is opened and then clicked counts as two responses, so
  // one engaged email out of two reads as 100% responsive.
  it('counts one email opened and clicked as one response, not two', () => {
    const interactions = [
      touch({ id: 'sent-1', channel: 'email', outcome: 'sent', actorId: MARKETING, occurredAt: ago(10) }),
      touch({ id: 'open-1', channel: 'email', outcome: 'opened', actorId: MARKETING, occurredAt: ago(9) }),
      touch({ id: 'click-1', channel: 'email', outcome: 'clicked', actorId: MARKETING, occurredAt: ago(9, -1) }),
      touch({ id: 'sent-2', channel: 'email', outcome: 'sent', actorId: MARKETING, occurredAt: ago(5) }),
    ];
    expect(forChannel(signalsFor({ interactions }), 'email', 'channel_responsiveness').value).toBe(0.5);
  });

  it('marks the stated channel preference on that channel only', () => {
    const result = signalsFor({ hcp: hcpWith({ preferredChannel: 'email' }) });
    expect(forChannel(result, 'email', 'channel_preference')).toMatchObject({ value: 1, sentence: 'Stated preference: email.' });
    expect(forChannel(result, 'field_visit', 'channel_preference')).toMatchObject({ value: 0, sentence: 'Stated preference: email.' });
    expect(forChannel(signalsFor(), 'email', 'channel_preference')).toMatchObject({ value: 0, sentence: 'No stated channel preference.' });
  });

  // Suspected defect (reported): the 180-day window also drops medical questions asked earlier and
  // never answered; the profile (computeOpenSignals over a year) still shows them open.
  it('keeps a medical question asked 200 days ago and never answered open', () => {
    const ask = touch({ id: 'i-ask-200', channel: 'medical_inquiry', outcome: 'requested', purpose: 'medical', actorId: 'system:medical-information', occurredAt: ago(200), topic: 'renal dosing' });
    expect(common(signalsFor({ interactions: [ask] }), 'open_medical_question')).toMatchObject({ value: 1, evidence: ['i-ask-200'] });
  });

  it('ignores what happens after asOf and is pure (same rows, same signals)', () => {
    const future = [
      touch({ id: 'f-web', channel: 'webinar', outcome: 'attended', occurredAt: ago(-2) }),
      touch({ id: 'f-visit', channel: 'field_visit', outcome: 'completed', occurredAt: ago(-1) }),
    ];
    const result = signalsFor({ interactions: future });
    for (const signal of result.common) expect(signal.evidence, signal.name).toEqual([]);
    const rows = [touch({ id: 'w', channel: 'webinar', outcome: 'attended', occurredAt: ago(20) }), touch({ id: 's', channel: 'email', outcome: 'sent', occurredAt: ago(2) })];
    const consents = [Consent.parse({ id: 'c1', hcpId: 'hcp-1', channel: 'email', purpose: 'promotional', status: 'granted', recordedAt: ago(100), source: 'web form' })];
    const first = signalsFor({ interactions: rows, consents });
    const second = signalsFor({ interactions: rows, consents });
    expect(second.common).toEqual(first.common);
    expect(second.forChannel('email')).toEqual(first.forChannel('email'));
  });
});
