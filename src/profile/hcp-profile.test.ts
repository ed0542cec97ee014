import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FULL_ACCESS, accessScopeFor, type AccessScope } from '../compliance/access-policy.ts';
import { DAY_MS } from '../core/dates.ts';
import { Consent } from '../domain/consent.ts';
import { FieldNote } from '../domain/field-note.ts';
import { Hcp } from '../domain/hcp.ts';
import { Interaction } from '../domain/interaction.ts';
import { Product } from '../domain/product.ts';
import { User } from '../domain/user.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { assembleProfile, lookupHcpProfile, type HcpProfile, type ProfileLookup, type ProfileOptions } from './hcp-profile.ts';

const AS_OF = '2026-11-20T18:00:00.000Z';

function ago(days: number): string {
  return new Date(Date.parse(AS_OF) - days * DAY_MS).toISOString();
}

const repScope = accessScopeFor(User.parse({ id: 'u-rep-ne', name: 'Rita Rep', role: 'rep', territories: ['T-NE'] }));
const mslScope = accessScopeFor(User.parse({ id: 'u-msl-ne', name: 'Sam MSL', role: 'msl', territories: ['T-NE'] }));
const medicalScope = accessScopeFor(User.parse({ id: 'u-med', name: 'Meg Medical', role: 'medical_affairs' }));

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omni-profile-'));
  store = openSqliteStore(join(dir, 'omni.db'));
  seed();
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function touch(fields: Partial<Interaction> & Pick<Interaction, 'id' | 'channel' | 'outcome' | 'occurredAt'>): void {
  store.interactions.upsert(Interaction.parse({ hcpId: 'hcp-1', actorId: 'u-rep-ne', productId: 'prod-k', ...fields }));
}

function seed(): void {
  store.products.upsert(Product.parse({ id: 'prod-k', brandName: 'KEYTRUDA', genericName: 'pembrolizumab', therapeuticArea: 'oncology' }));
  store.hcps.upsert(
    Hcp.parse({
      id: 'hcp-1',
      firstName: 'Maria',
      lastName: 'Reyes',
      credential: 'MD',
      specialty: 'Medical Oncology',
      territory: 'T-NE',
      segment: 'A',
      synthetic: true,
      source: 'synthetic',
    }),
  );
  store.hcps.upsert(Hcp.parse({ id: 'hcp-2', firstName: 'John', lastName: 'Chen', specialty: 'Hematology', territory: 'T-NE' }));
  store.hcps.upsert(Hcp.parse({ id: 'hcp-3', firstName: 'Amy', lastName: 'Chen', specialty: 'Oncology', territory: 'T-NE' }));
  store.hcps.upsert(Hcp.parse({ id: 'hcp-4', firstName: 'Paul', lastName: 'Okafor', specialty: 'Neurology', territory: 'T-SW' }));

  touch({ id: 'i-old', channel: 'email', outcome: 'sent', occurredAt: ago(400) });
  touch({ id: 'i-visit-200', channel: 'field_visit', outcome: 'completed', occurredAt: ago(200) });
  touch({ id: 'i-msl-100', channel: 'msl_meeting', outcome: 'completed', purpose: 'medical', actorId: 'u-msl-ne', occurredAt: ago(100) });
  touch({ id: 'i-phone-90', channel: 'phone', outcome: 'completed', occurredAt: ago(90) });
  touch({ id: 'i-email-60', channel: 'email', outcome: 'sent', actorId: 'system:marketing-automation', occurredAt: ago(60) });
  touch({ id: 'i-email-30', channel: 'email', outcome: 'sent', occurredAt: ago(30) });
  touch({ id: 'i-web-20', channel: 'webinar', outcome: 'attended', actorId: 'system:webinars', occurredAt: ago(20) });
  touch({ id: 'i-ask-6', channel: 'medical_inquiry', outcome: 'requested', purpose: 'medical', occurredAt: ago(6), topic: 'renal dosing' });
  touch({ id: 'i-future', channel: 'field_visit', outcome: 'completed', occurredAt: ago(-1) });

  const note = (fields: Partial<FieldNote> & Pick<FieldNote, 'id' | 'kind' | 'writtenAt'>) =>
    store.notes.upsert(FieldNote.parse({ hcpId: 'hcp-1', authorId: fields.kind === 'rep' ? 'u-rep-ne' : 'u-msl-ne', text: `note ${fields.id}`, ...fields }));
  note({ id: 'n-rep-10', kind: 'rep', writtenAt: ago(10) });
  note({ id: 'n-msl-5', kind: 'msl', writtenAt: ago(5) });
  note({ id: 'n-rep-future', kind: 'rep', writtenAt: ago(-1) });

  const consent = (fields: Partial<Consent> & Pick<Consent, 'id' | 'status' | 'recordedAt'>) =>
    store.consents.upsert(Consent.parse({ hcpId: 'hcp-1', channel: 'email', purpose: 'promotional', source: 'hcp portal', ...fields }));
  consent({ id: 'c-email-grant', status: 'granted', recordedAt: '2026-01-05T10:00:00.000Z' });
  consent({ id: 'c-email-revoke', status: 'revoked', recordedAt: '2026-11-10T10:00:00.000Z', source: 'unsubscribe link' });
  consent({ id: 'c-sms-grant', status: 'granted', recordedAt: '2026-11-25T10:00:00.000Z', channel: 'sms' });
}

function options(scope: AccessScope = FULL_ACCESS, extra: Partial<ProfileOptions> = {}): ProfileOptions {
  return { asOf: AS_OF, scope, ...extra };
}

function found(lookup: ProfileLookup): HcpProfile {
  if (lookup.status !== 'found') throw new Error(`expected a profile, got ${JSON.stringify(lookup)}`);
  return lookup.profile;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('lookupHcpProfile: finding the HCP', () => {
  it('finds an HCP by id (surrounding whitespace ignored)', () => {
    expect(found(lookupHcpProfile(store, 'hcp-1', options())).hcp).toMatchObject({ id: 'hcp-1', firstName: 'Maria', lastName: 'Reyes' });
    expect(found(lookupHcpProfile(store, '  hcp-2 ', options())).hcp.id).toBe('hcp-2');
  });

  it('finds an HCP by unique full name', () => {
    expect(found(lookupHcpProfile(store, 'Maria Reyes', options())).hcp.id).toBe('hcp-1');
    expect(found(lookupHcpProfile(store, 'John Chen', options())).hcp.id).toBe('hcp-2');
  });

  it('finds an HCP by the display name tools print, credential included', () => {
    expect(found(lookupHcpProfile(store, 'Maria Reyes, MD', options())).hcp.id).toBe('hcp-1');
    expect(found(lookupHcpProfile(store, 'Dr. John Chen, PA-C', options())).hcp.id).toBe('hcp-2');
  });

  it('an exact full name wins over a wider prefix match', () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-9', firstName: 'Mariana', lastName: 'Reyesova', specialty: 'Oncology', territory: 'T-NE' }));
    expect(found(lookupHcpProfile(store, 'Maria Reyes', options())).hcp.id).toBe('hcp-1');
    const prefix = lookupHcpProfile(store, 'Mar Rey', options());
    expect(prefix.status === 'ambiguous' && ids(prefix.candidates)).toEqual(['hcp-1', 'hcp-9']);
  });

  it("finds a last name with an apostrophe or a space by itself (O'Connell, Van Dyke)", () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-7', firstName: 'Michael', lastName: "O'Connell", specialty: 'Oncology', territory: 'T-NE' }));
    store.hcps.upsert(Hcp.parse({ id: 'hcp-8', firstName: 'Anna', lastName: 'Van Dyke', specialty: 'Oncology', territory: 'T-NE' }));
    expect(found(lookupHcpProfile(store, "O'Connell", options())).hcp.id).toBe('hcp-7');
    expect(found(lookupHcpProfile(store, "Dr. O'Connell", options())).hcp.id).toBe('hcp-7');
    expect(found(lookupHcpProfile(store, 'van dyke', options())).hcp.id).toBe('hcp-8');
  });

  it('a last name shared by two HCPs is ambiguous and lists both', () => {
    const lookup = lookupHcpProfile(store, 'Chen', options());
    expect(lookup.status).toBe('ambiguous');
    if (lookup.status !== 'ambiguous') return;
    expect(lookup.query).toBe('Chen');
    expect(ids(lookup.candidates).sort()).toEqual(['hcp-2', 'hcp-3']);
  });

  it('a name that matches nobody is not found', () => {
    expect(lookupHcpProfile(store, ' Nobody Here ', options())).toEqual({ status: 'not_found', query: 'Nobody Here' });
    expect(lookupHcpProfile(store, 'hcp-404', options())).toEqual({ status: 'not_found', query: 'hcp-404' });
  });

  it('an HCP outside a rep territory is out of scope by id', () => {
    expect(lookupHcpProfile(store, 'hcp-4', options(repScope))).toEqual({ status: 'out_of_scope', query: 'hcp-4', territories: ['T-NE'] });
    // Full access sees it.
    expect(found(lookupHcpProfile(store, 'hcp-4', options())).hcp.id).toBe('hcp-4');
  });

  it('an HCP outside a rep territory is not found by name: the search is scoped', () => {
    expect(lookupHcpProfile(store, 'Paul Okafor', options(repScope)).status).toBe('not_found');
    expect(lookupHcpProfile(store, 'Okafor', options(repScope)).status).toBe('not_found');
    expect(found(lookupHcpProfile(store, 'Okafor', options())).hcp.id).toBe('hcp-4');
    expect(found(lookupHcpProfile(store, 'Okafor', options(medicalScope))).hcp.id).toBe('hcp-4');
  });

  it('an ambiguous name within a rep scope lists only the HCPs the rep may see', () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-5', firstName: 'Li', lastName: 'Chen', specialty: 'Oncology', territory: 'T-SW' }));
    const all = lookupHcpProfile(store, 'Chen', options());
    expect(all.status === 'ambiguous' && ids(all.candidates).sort()).toEqual(['hcp-2', 'hcp-3', 'hcp-5']);
    const scoped = lookupHcpProfile(store, 'Chen', options(repScope));
    expect(scoped.status === 'ambiguous' && ids(scoped.candidates).sort()).toEqual(['hcp-2', 'hcp-3']);
  });

  it.each(['Dr. Reyes', 'reyes', 'REYES', 'Dr Maria Reyes', 'dr. maria reyes', 'Mar Rey', 'maria'])('"%s" finds Maria Reyes', (query) => {
    expect(found(lookupHcpProfile(store, query, options())).hcp.id).toBe('hcp-1');
  });
});

describe('assembleProfile: what the profile holds', () => {
  it('lists recent interactions newest first, without those after asOf', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options()));
    expect(ids(profile.recentInteractions)).toEqual(['i-ask-6', 'i-web-20', 'i-email-30', 'i-email-60', 'i-phone-90', 'i-msl-100', 'i-visit-200', 'i-old']);
    expect(profile.asOf).toBe(AS_OF);
  });

  it('limits recent interactions to the newest ones', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options(FULL_ACCESS, { recentInteractionLimit: 3 })));
    expect(ids(profile.recentInteractions)).toEqual(['i-ask-6', 'i-web-20', 'i-email-30']);
  });

  it('limits recent interactions also when fewer than the limit fall in the last year', () => {
    // 7 in the last 12 months, 8 in all: the older one fills the list up to the limit.
    const profile = found(lookupHcpProfile(store, 'hcp-1', options(FULL_ACCESS, { recentInteractionLimit: 8 })));
    expect(ids(profile.recentInteractions)).toHaveLength(8);
    const limited = found(lookupHcpProfile(store, 'hcp-1', options(FULL_ACCESS, { recentInteractionLimit: 7 })));
    expect(ids(limited.recentInteractions)).toEqual(['i-ask-6', 'i-web-20', 'i-email-30', 'i-email-60', 'i-phone-90', 'i-msl-100', 'i-visit-200']);
  });

  it('counts channel activity over 90 and 365 days, most active channel first', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options()));
    expect(profile.channelActivity[0]).toEqual({ channel: 'email', last90Days: 2, last365Days: 2, lastAt: ago(30) });
    const byChannel = Object.fromEntries(profile.channelActivity.map((activity) => [activity.channel, activity]));
    expect(Object.keys(byChannel).sort()).toEqual(['email', 'field_visit', 'medical_inquiry', 'msl_meeting', 'phone', 'webinar']);
    // The visit after asOf is not counted; the one 200 days ago is.
    expect(byChannel.field_visit).toEqual({ channel: 'field_visit', last90Days: 0, last365Days: 1, lastAt: ago(200) });
    // Exactly 90 days ago is outside the 90-day window.
    expect(byChannel.phone).toEqual({ channel: 'phone', last90Days: 0, last365Days: 1, lastAt: ago(90) });
    expect(byChannel.msl_meeting).toMatchObject({ last90Days: 0, last365Days: 1 });
    expect(byChannel.webinar).toMatchObject({ last90Days: 1, last365Days: 1, lastAt: ago(20) });
    expect(byChannel.medical_inquiry).toMatchObject({ last90Days: 1, last365Days: 1, lastAt: ago(6) });
  });

  it('shows medical affairs only medical-purpose interactions', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options(medicalScope)));
    expect(ids(profile.recentInteractions)).toEqual(['i-ask-6', 'i-msl-100']);
    expect(profile.channelActivity.map((activity) => activity.channel).sort()).toEqual(['medical_inquiry', 'msl_meeting']);
    expect(profile.recentInteractions.every((interaction) => interaction.purpose === 'medical')).toBe(true);
  });

  it('never gives a rep MSL notes; an MSL gets both kinds, newest first', () => {
    const rep = found(lookupHcpProfile(store, 'hcp-1', options(repScope)));
    expect(ids(rep.recentNotes)).toEqual(['n-rep-10']);
    const msl = found(lookupHcpProfile(store, 'hcp-1', options(mslScope)));
    expect(ids(msl.recentNotes)).toEqual(['n-msl-5', 'n-rep-10']);
  });

  it('quotes notes with personal data redacted and products kept', () => {
    store.notes.upsert(
      FieldNote.parse({
        id: 'n-private', hcpId: 'hcp-1', authorId: 'u-rep-ne', kind: 'rep', writtenAt: ago(1),
        text: 'Dr. Reyes asked about KEYTRUDA (pembrolizumab). Her patient Velmora Quistani (DOB 3/4/1961, MRN 00482913) called from 617-555-0142 about card ending 4821.',
      }),
    );
    const note = found(lookupHcpProfile(store, 'hcp-1', options(repScope))).recentNotes.find((candidate) => candidate.id === 'n-private')!;
    expect(note.text).toBe(
      'Dr. [name] asked about KEYTRUDA (pembrolizumab). Her patient [name] (DOB [redacted date of birth], MRN [redacted MRN]) called from [redacted phone] about card ending [redacted account].',
    );
  });

  it('flags the recent notes that describe a possible adverse event, from their redacted text', () => {
    store.notes.upsert(
      FieldNote.parse({ id: 'n-ae', hcpId: 'hcp-1', authorId: 'u-rep-ne', kind: 'rep', writtenAt: ago(0.5), text: 'Dr. Reyes said her patient Velmora Quistani developed a severe rash two weeks after starting KEYTRUDA.' }),
    );
    const profile = found(lookupHcpProfile(store, 'hcp-1', options(repScope)));
    expect(profile.adverseEventFlags).toEqual([{ noteId: 'n-ae', phrase: 'severe rash', cue: 'developed' }]);
    expect(JSON.stringify(profile.adverseEventFlags)).not.toContain('Quistani');
  });

  it('gives the current consents as of asOf', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options()));
    expect(profile.consents.map((state) => [state.channel, state.status, state.recordId])).toEqual([['email', 'revoked', 'c-email-revoke']]);
  });

  it('computes the open signals with product display names', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options()));
    expect(profile.signals.map((signal) => signal.kind)).toEqual(['dead_end', 'open_medical_question', 'consent_revoked', 'no_recent_visit']);
    expect(profile.signals[0]?.sentence).toBe(
      'Dead end: attended the KEYTRUDA (pembrolizumab) webinar 20 days ago; no follow-up by anyone since (window 14 days).',
    );
    expect(profile.signals[1]?.evidence).toEqual(['i-ask-6']);
    expect(profile.signals[3]?.sentence).toBe('No field visit for 200 days (segment A expects one every 45 days).');
  });

  it('passes signal options through', () => {
    const profile = found(lookupHcpProfile(store, 'hcp-1', options(FULL_ACCESS, { signalOptions: { deadEndDays: 30 } })));
    expect(profile.signals[0]?.kind).toBe('follow_up_due');
  });

  it('an asOf in the past hides later interactions, notes and consents', () => {
    const asOf = '2026-11-01T00:00:00.000Z';
    const profile = found(lookupHcpProfile(store, 'hcp-1', { asOf, scope: FULL_ACCESS }));
    expect(profile.asOf).toBe(asOf);
    expect(ids(profile.recentInteractions)).toEqual(['i-web-20', 'i-email-30', 'i-email-60', 'i-phone-90', 'i-msl-100', 'i-visit-200', 'i-old']);
    expect(profile.channelActivity.map((activity) => activity.channel)).not.toContain('medical_inquiry');
    expect(profile.consents.map((state) => [state.channel, state.status, state.recordId])).toEqual([['email', 'granted', 'c-email-grant']]);
    expect(profile.signals.map((signal) => signal.kind)).not.toContain('consent_revoked');
    expect(profile.signals.map((signal) => signal.kind)).not.toContain('open_medical_question');
    expect(ids(profile.recentNotes)).toEqual([]);
  });

  it('an asOf in the future shows the later records', () => {
    const asOf = '2026-11-26T00:00:00.000Z';
    const profile = found(lookupHcpProfile(store, 'hcp-1', { asOf, scope: FULL_ACCESS }));
    expect(ids(profile.recentInteractions)[0]).toBe('i-future');
    expect(ids(profile.recentNotes)[0]).toBe('n-rep-future');
    expect(profile.consents.map((state) => [state.channel, state.status])).toEqual([
      ['email', 'revoked'],
      ['sms', 'granted'],
    ]);
  });

  it('an HCP with no records gets an empty profile', () => {
    const hcp = store.hcps.getById('hcp-2')!;
    const profile = assembleProfile(store, hcp, options());
    expect(profile).toEqual({ hcp, asOf: AS_OF, consents: [], recentInteractions: [], channelActivity: [], recentNotes: [], adverseEventFlags: [], signals: [] });
  });

  // Regression: the scope's purposes are filtered in SQL, so older medical rows are not crowded out.
  it('shows medical affairs its medical interaction even under many newer promotional ones', () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-6', firstName: 'Lena', lastName: 'Ortiz', specialty: 'Oncology', territory: 'T-NE' }));
    touch({ id: 'm-med', hcpId: 'hcp-6', channel: 'msl_meeting', outcome: 'completed', purpose: 'medical', occurredAt: ago(40) });
    for (let day = 1; day <= 6; day++) touch({ id: `m-promo-${day}`, hcpId: 'hcp-6', channel: 'email', outcome: 'sent', occurredAt: ago(day) });
    const profile = found(lookupHcpProfile(store, 'hcp-6', options(medicalScope, { recentInteractionLimit: 2 })));
    expect(profile.channelActivity.map((activity) => activity.channel)).toEqual(['msl_meeting']);
    expect(ids(profile.recentInteractions)).toEqual(['m-med']);
  });

  // Regression: note kinds are filtered in SQL, so newer MSL notes cannot crowd out a rep's own.
  it('shows a rep their older rep note even under many newer MSL notes', () => {
    for (let day = 1; day <= 3; day++) {
      store.notes.upsert(FieldNote.parse({ id: `n-msl-new-${day}`, hcpId: 'hcp-1', authorId: 'u-msl-ne', kind: 'msl', writtenAt: ago(day), text: 'msl' }));
    }
    const profile = found(lookupHcpProfile(store, 'hcp-1', options(repScope, { recentNoteLimit: 1 })));
    expect(ids(profile.recentNotes)).toEqual(['n-rep-10']);
  });
});

describe('signals in a scoped profile', () => {
  it('gives a medical-only view its medical signals, while a rep sees the commercial dead end', () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-7', firstName: 'Iris', lastName: 'Lindqvist', specialty: 'Oncology', territory: 'T-NE', segment: 'A' }));
    touch({ id: 's-webinar', hcpId: 'hcp-7', actorId: 'system:marketing-automation', channel: 'webinar', outcome: 'attended', purpose: 'events', occurredAt: ago(30) });
    touch({ id: 's-question', hcpId: 'hcp-7', actorId: 'system:medical-information', channel: 'medical_inquiry', outcome: 'requested', purpose: 'medical', occurredAt: ago(10) });
    const kinds = (profile: HcpProfile) => profile.signals.map((signal) => signal.kind).sort();
    const medical = found(lookupHcpProfile(store, 'hcp-7', options(medicalScope)));
    expect(kinds(medical)).toEqual(['open_medical_question']);
    const rep = found(lookupHcpProfile(store, 'hcp-7', options(repScope)));
    expect(kinds(rep)).toEqual(['dead_end', 'no_recent_visit', 'open_medical_question']);
  });
});
