import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Hcp } from '../domain/hcp.ts';
import { User } from '../domain/user.ts';
import { Interaction, isIntentSignal, isPersonalContact } from '../domain/interaction.ts';
import { Consent } from '../domain/consent.ts';
import { FieldNote } from '../domain/field-note.ts';
import { ContentModule } from '../domain/content-module.ts';
import type { Product } from '../domain/product.ts';
import { contentTextProblems, ContentProvenance, DEFAULT_CONTENT_RULES } from '../compliance/content-provenance.ts';
import { currentConsents } from '../compliance/consent-policy.ts';
import { loadConsentRules } from '../compliance/consent-jurisdictions.ts';
import { consentGate } from '../compliance/gates.ts';
import { DEMO_MLR_APPROVER, generateDemoWorld, loadDemoSeed, seedAnchorDay, seedEndingOn, type DemoSeed, type DemoSink } from './generate-demo.ts';

interface World {
  products: Product[];
  users: User[];
  hcps: Hcp[];
  consents: Consent[];
  interactions: Interaction[];
  notes: FieldNote[];
  modules: ContentModule[];
}

/** Map.groupBy arrives in Node 21; Omni runs on Node 20. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function collect(seedOverride?: number | DemoSeed): { world: World; digest: string } {
  const world: World = { products: [], users: [], hcps: [], consents: [], interactions: [], notes: [], modules: [] };
  const hash = createHash('sha256');
  const record = <T>(list: T[]) => (row: T) => {
    list.push(row);
    hash.update(JSON.stringify(row));
  };
  const sink: DemoSink = {
    product: record(world.products),
    user: record(world.users),
    hcp: record(world.hcps),
    consent: record(world.consents),
    interaction: record(world.interactions),
    note: record(world.notes),
    contentModule: record(world.modules),
  };
  const seed = loadDemoSeed();
  generateDemoWorld('demo', sink, seedOverride === undefined ? seed : typeof seedOverride === 'number' ? { ...seed, seed: seedOverride } : seedOverride);
  return { world, digest: hash.digest('hex') };
}

describe('the demo generator', () => {
  const first = collect();

  it('is deterministic: the same seed gives the same rows, another seed different ones', () => {
    expect(collect().digest).toBe(first.digest);
    expect(collect(7).digest).not.toBe(first.digest);
  });

  it('ends its year on any anchor day, at the seed\'s time of day, the same rows for the same day', () => {
    const seed = loadDemoSeed();
    expect(seedEndingOn(seed, seedAnchorDay(seed))).toEqual(seed);
    expect(() => seedEndingOn(seed, '2026-02-30')).toThrow(/YYYY-MM-DD/);
    const moved = seedEndingOn(seed, '2027-03-01');
    expect(moved.anchorDate).toBe('2027-03-01T18:00:00.000Z');
    const later = collect(moved);
    expect(collect(moved).digest).toBe(later.digest);
    expect(later.digest).not.toBe(first.digest);
    const times = later.world.interactions.map((row) => row.occurredAt).sort();
    expect(times.at(-1)! < moved.anchorDate).toBe(true);
    expect(Date.parse(moved.anchorDate) - Date.parse(times.at(-1)!)).toBeLessThan(86_400_000);
    expect(later.world.hcps).toEqual(first.world.hcps);
  });

  it('meets the default scale of the foundation issue', () => {
    const { world } = first;
    expect(world.hcps).toHaveLength(600);
    expect(world.products.length).toBeGreaterThanOrEqual(6);
    expect(world.interactions.length).toBeGreaterThanOrEqual(30_000);
    expect(new Set(world.interactions.map((row) => row.channel)).size).toBeGreaterThanOrEqual(8);
    expect(world.notes.length).toBeGreaterThanOrEqual(2_000);
    expect(world.consents.some((row) => row.status === 'revoked')).toBe(true);
    expect(new Set(world.hcps.map((hcp) => hcp.territory))).toEqual(new Set(['T-NE', 'T-MW', 'T-W']));
    const roles = new Set(world.users.map((user) => user.role));
    for (const role of ['rep', 'msl', 'medical_affairs', 'manager'] as const) expect(roles).toContain(role);
    const times = world.interactions.map((row) => row.occurredAt).sort();
    const spanDays = (Date.parse(times[times.length - 1]!) - Date.parse(times[0]!)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(350);
  });

  it('produces rows that pass the domain schemas, all flagged synthetic, with no NPI', () => {
    const { world } = first;
    for (const hcp of world.hcps) {
      expect(Hcp.parse(hcp)).toEqual(hcp);
      expect(hcp.npi).toBeNull();
      expect(hcp.synthetic).toBe(true);
    }
    for (const user of world.users) expect(User.parse(user).synthetic).toBe(true);
    for (const row of world.consents) expect(Consent.parse(row).synthetic).toBe(true);
    for (const row of world.notes) expect(FieldNote.parse(row).synthetic).toBe(true);
    // Modules built from real FDA label text are real labeling, so not flagged synthetic; all others are.
    for (const row of world.modules) expect(ContentModule.parse(row).synthetic).toBe(!row.id.startsWith('lbl-'));
    const labelModules = world.modules.filter((row) => row.id.startsWith('lbl-'));
    expect(labelModules.length).toBeGreaterThan(2_000);
    // A brand without a verified generic name never becomes approved content.
    expect(labelModules.filter((row) => row.status === 'approved' && row.genericName === row.brandName)).toEqual([]);
    for (const row of world.interactions.filter((_, index) => index % 50 === 0)) expect(Interaction.parse(row)).toEqual(row);
  });

  it('gives every module that was ever approved its provenance, and label text holds no hidden text or instruction', () => {
    const { world } = first;
    const userIds = new Set(world.users.map((user) => user.id));
    const provenance = new ContentProvenance(DEFAULT_CONTENT_RULES, (id) => userIds.has(id));
    const approved = world.modules.filter((row) => row.status === 'approved' || row.status === 'expired');
    expect(approved.length).toBeGreaterThan(150);
    for (const row of approved) expect(provenance.problems(row), row.id).toEqual([]);
    expect(new Set(approved.map((row) => row.approvedBy))).toEqual(new Set([DEMO_MLR_APPROVER]));
    // Drafts may link to brand sites (the reason some labels stay drafts is elsewhere), nothing more.
    for (const row of world.modules) {
      expect(contentTextProblems(row.body, DEFAULT_CONTENT_RULES).filter((problem) => !problem.startsWith('links to')), row.id).toEqual([]);
    }
  });

  it('keeps every reference valid and every id unique', () => {
    const { world } = first;
    const hcpIds = new Set(world.hcps.map((hcp) => hcp.id));
    const userIds = new Set(world.users.map((user) => user.id));
    const productIds = new Set(world.products.map((product) => product.id));
    const moduleIds = new Set(world.modules.map((module) => module.id));
    const broken = world.interactions.filter(
      (row) =>
        !hcpIds.has(row.hcpId) ||
        !(row.actorId.startsWith('system:') || userIds.has(row.actorId)) ||
        !(row.productId === null || productIds.has(row.productId)) ||
        !(row.contentModuleId === null || moduleIds.has(row.contentModuleId)),
    );
    expect(broken).toEqual([]);
    expect(world.notes.filter((note) => !userIds.has(note.authorId) || !hcpIds.has(note.hcpId))).toEqual([]);
    expect(new Set(world.interactions.map((row) => row.id)).size).toBe(world.interactions.length);
    expect(new Set(world.notes.map((row) => row.id)).size).toBe(world.notes.length);
    expect(new Set(world.consents.map((row) => row.id)).size).toBe(world.consents.length);
  });

  it('never contacts an HCP on a channel without consent in force at that moment', () => {
    const { world } = first;
    const byHcp = groupBy(world.consents, (consent) => consent.hcpId);
    const outbound = world.interactions.filter((row) => isPersonalContact(row) && row.channel !== 'medical_inquiry');
    expect(outbound.length).toBeGreaterThan(5_000);
    const withoutConsent = outbound.filter((contact) => {
      const purpose = contact.channel === 'msl_meeting' ? 'medical' : contact.purpose;
      const decisive = (byHcp.get(contact.hcpId) ?? [])
        // The demo's outreach goes out under the all-products consent (product-specific grants are tested below).
        .filter((consent) => consent.productId === null && consent.channel === contact.channel && consent.purpose === purpose && consent.recordedAt <= contact.occurredAt)
        .at(-1);
      return decisive?.status !== 'granted' || (decisive.expiresAt !== null && decisive.expiresAt <= contact.occurredAt);
    });
    expect(withoutConsent.map((contact) => contact.id)).toEqual([]);
  });

  it('has product-specific consents in the rule jurisdiction that change no gate outcome, some of them refused by name', () => {
    const { world } = first;
    const rules = loadConsentRules();
    const asOf = '2026-11-20T18:00:00.000Z';
    const productRecords = world.consents.filter((consent) => consent.productId !== null);
    expect(productRecords.length).toBeGreaterThan(5);
    const byHcp = groupBy(world.consents, (consent) => consent.hcpId);
    let refusedByRule = 0;
    for (const record of productRecords) {
      // Each is numbered after the HCP's other records and sits in a jurisdiction whose rule does not accept its source.
      expect(record.id).toMatch(/-p1$/);
      const ids = (byHcp.get(record.hcpId) ?? []).map((consent) => consent.id);
      expect(ids.at(-1)).toBe(record.id);
      expect(ids.slice().sort().at(-1)).toBe(record.id);
      const rule = rules.rules.find((candidate) => candidate.jurisdiction === record.jurisdiction && candidate.channel === record.channel && candidate.purpose === record.purpose);
      expect(rule?.explicitSources).not.toContain(record.source);
      // The gate for every product, with and without the product records: the same verdict.
      const events = byHcp.get(record.hcpId) ?? [];
      const withThem = currentConsents(events, asOf);
      const without = currentConsents(events.filter((consent) => consent.productId === null), asOf);
      for (const productId of [null, ...world.products.map((product) => product.id)]) {
        const gate = consentGate(withThem, 'email', 'promotional', productId, rules);
        expect(gate.passed).toBe(consentGate(without, 'email', 'promotional', productId, rules).passed);
        if (gate.rule?.satisfied === false) {
          refusedByRule++;
          expect(gate.reason).toContain(`${record.id} was recorded via ${record.source}`);
          expect(gate.reason).toContain(`rule ${rule!.id}`);
        }
      }
    }
    // Where the all-products email grant is not in force, the product grant is refused with the rule named.
    expect(refusedByRule).toBeGreaterThan(0);
  });

  it('plants the patterns the product exists to catch', () => {
    const { world } = first;
    const anchor = Date.parse(loadDemoSeed().anchorDate);
    const day = 86_400_000;
    const byHcp = groupBy(world.interactions, (row) => row.hcpId);
    let deadEnds = 0;
    let overContacted = 0;
    for (const rows of byHcp.values()) {
      const lastIntent = rows.filter(isIntentSignal).at(-1);
      const lastPersonal = rows.filter(isPersonalContact).at(-1);
      if (lastIntent && anchor - Date.parse(lastIntent.occurredAt) > 14 * day && (!lastPersonal || lastPersonal.occurredAt < lastIntent.occurredAt)) deadEnds++;
      const recentContacts = rows.filter((row) => isPersonalContact(row) && anchor - Date.parse(row.occurredAt) < 30 * day);
      if (recentContacts.length > 8 && new Set(recentContacts.map((row) => row.actorId)).size > 1) overContacted++;
    }
    expect(deadEnds).toBeGreaterThanOrEqual(30);
    expect(overContacted).toBeGreaterThanOrEqual(10);
    const open = world.interactions.filter(
      (row) =>
        row.channel === 'medical_inquiry' &&
        row.outcome === 'requested' &&
        !world.interactions.some((reply) => reply.hcpId === row.hcpId && reply.outcome === 'replied' && reply.channel === 'medical_inquiry' && reply.occurredAt > row.occurredAt),
    );
    expect(open.length).toBeGreaterThanOrEqual(20);
    const text = world.notes.map((note) => note.text).join('\n');
    for (const pattern of [/prior auth|step therapy|formulary|preferred tier/i, /Tecentriq|Skyrizi|Ocrevus|Trikafta|Rinvoq|Calquence/, /dos(e|ing)/i, /off-label|MIR/i, /developed|side effect|described .* in a patient/i]) {
      expect(text).toMatch(pattern);
    }
    const preferences = new Set(world.hcps.map((hcp) => hcp.preferredChannel));
    expect(preferences.size).toBeGreaterThanOrEqual(5);
  });

  it('shifts topic interest during the year for some HCPs', () => {
    const { world } = first;
    const byHcp = groupBy(world.interactions.filter((row) => row.channel === 'website'), (row) => row.hcpId);
    let shifted = 0;
    for (const rows of byHcp.values()) {
      if (rows.length < 6) continue;
      const top = (part: Interaction[]) => [...groupBy(part, (row) => row.topic)].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
      const half = Math.floor(rows.length / 2);
      if (top(rows.slice(0, half)) !== top(rows.slice(half))) shifted++;
    }
    expect(shifted).toBeGreaterThan(50);
  });
});
