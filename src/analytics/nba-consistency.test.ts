import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../core/dates.ts';
import { SeededRandom } from '../core/seeded-random.ts';
import { Hcp } from '../domain/hcp.ts';
import { Interaction, isIntentSignal, isOutboundContact } from '../domain/interaction.ts';
import type { Channel, Outcome } from '../domain/vocabulary.ts';
import { computeOpenSignals } from '../nba/open-signals.ts';
import { PerformanceFixture } from './performance-fixture.ts';
import { PerformanceMetrics } from './performance-metrics.ts';

/**
 * The metrics must count dead ends and over-contacted HCPs exactly as the NBA engine flags them
 * (computeOpenSignals). Random activity for 40 HCPs, one per territory so each territory row is one
 * HCP, with contacts placed exactly on the window edges; the engine is asked at each moment that matters.
 */
const AS_OF = '2026-06-30T12:00:00.000Z';
const PERIOD = { from: '2026-05-01', to: '2026-06-29' };
const PERIOD_START = Date.parse('2026-05-01T00:00:00.000Z');
const PERIOD_END = Date.parse('2026-06-30T00:00:00.000Z');
const DEAD_END_DAYS = 14;
const CAPS = { contacts7Days: 3, contacts30Days: 8 };
const HCPS = 40;

const kinds: [Channel, Outcome, string][] = [
  ['webinar', 'attended', 'system:marketing-automation'],
  ['content_download', 'downloaded', 'system:website'],
  ['email', 'clicked', 'rep-1'],
  ['email', 'sent', 'rep-1'],
  ['email', 'sent', 'system:marketing-automation'],
  ['sms', 'sent', 'system:sms'],
  ['whatsapp', 'sent', 'system:whatsapp'],
  ['field_visit', 'completed', 'rep-1'],
  ['phone', 'completed', 'rep-1'],
  ['website', 'opened', 'system:website'],
];

let fixture: PerformanceFixture;
const activity = new Map<string, Interaction[]>();

beforeAll(() => {
  fixture = new PerformanceFixture();
  const random = new SeededRandom(7);
  const start = PERIOD_START - 40 * DAY_MS;
  fixture.store.transaction(() => {
    for (let h = 0; h < HCPS; h++) {
      const hcpId = `h${String(h).padStart(2, '0')}`;
      fixture.store.hcps.upsert(Hcp.parse({ id: hcpId, firstName: 'Test', lastName: hcpId, specialty: 'Oncology', territory: `T-${hcpId}`, segment: 'B', source: 'synthetic' }));
      const rows: Interaction[] = [];
      const add = (at: number, [channel, outcome, actorId]: [Channel, Outcome, string]) =>
        rows.push(Interaction.parse({ id: `${hcpId}-${rows.length}`, hcpId, actorId, channel, outcome, occurredAt: new Date(at).toISOString(), productId: 'prod-a' }));
      const count = random.int(2, 24);
      for (let n = 0; n < count; n++) {
        const at = start + random.int(0, Math.floor((Date.parse(AS_OF) - start) / 60_000)) * 60_000;
        const kind = random.pick(kinds);
        add(at, kind);
        // Edges: a personal contact exactly at the intent, or exactly when its window closes; a burst of contacts exactly 7 days apart.
        if (isIntentSignal({ channel: kind[0], outcome: kind[1] }) && random.chance(0.3)) add(random.chance(0.5) ? at : at + (DEAD_END_DAYS + 1) * DAY_MS, ['phone', 'completed', 'rep-1']);
        if (random.chance(0.1)) for (const offset of [0, 1, 2, 7]) add(at + offset * DAY_MS, ['email', 'sent', 'rep-1']);
      }
      // Two HCPs exactly on the 7-day edge: contacts 0, 1, 2 and 7 days apart (never more than 3 within
      // 7 days), and 0, 1, 2 and 7 days less a millisecond (4 within 7 days).
      if (h < 2) {
        rows.length = 0;
        const base = PERIOD_START + 10 * DAY_MS;
        for (const offset of [0, DAY_MS, 2 * DAY_MS, 7 * DAY_MS - (h === 0 ? 0 : 1)]) add(base + offset, ['email', 'sent', 'rep-1']);
      }
      rows.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
      for (const row of rows) fixture.store.interactions.upsert(row);
      activity.set(hcpId, rows);
    }
  });
});
afterAll(() => fixture.remove());

async function byTerritory(metric: 'dead_end_rate' | 'over_contacted') {
  const engine = new PerformanceMetrics(fixture.store.database);
  const result = await engine.run({ metric, dimension: 'territory', filters: {}, period: PERIOD, compareTo: 'none', asOf: AS_OF, territories: undefined, settings: { deadEndDays: DEAD_END_DAYS, caps: CAPS } });
  if (result.status !== 'answered') throw new Error(result.message);
  return new Map(result.rows.map((row) => [row.group!.slice(2), row.current]));
}

const openSignals = (rows: readonly Interaction[], asOf: string) =>
  computeOpenSignals({ interactions: rows, consents: [], segment: null, asOf, options: { deadEndDays: DEAD_END_DAYS, maxContacts7Days: CAPS.contacts7Days, maxContacts30Days: CAPS.contacts30Days }, productName: () => 'X' });

describe('the metrics agree with the NBA engine', () => {
  it('an intent is a dead end exactly when the engine flags it once its window has passed', async () => {
    const metrics = await byTerritory('dead_end_rate');
    let deadEnds = 0;
    for (const [hcpId, rows] of activity) {
      let dead = 0;
      let followed = 0;
      for (const intent of rows.filter((row) => isIntentSignal(row))) {
        const at = Date.parse(intent.occurredAt);
        if (at < PERIOD_START || at >= PERIOD_END) continue;
        const closes = at + (DEAD_END_DAYS + 1) * DAY_MS;
        if (closes <= Date.parse(AS_OF)) {
          const flagged = openSignals(rows, new Date(closes).toISOString()).some((signal) => signal.kind === 'dead_end' && signal.evidence.includes(intent.id));
          if (flagged) dead++;
          else followed++;
        } else if (!openSignals(rows, AS_OF).some((signal) => signal.evidence.includes(intent.id))) {
          followed++; // already answered although its window is still open
        }
      }
      deadEnds += dead;
      const row = metrics.get(hcpId);
      expect([hcpId, row?.numerator ?? 0, row?.denominator ?? 0]).toEqual([hcpId, dead, dead + followed]);
    }
    expect(deadEnds).toBeGreaterThan(5);
  });

  it('an HCP is over-contacted exactly when the engine flags them at one of their contacts in the period', async () => {
    const metrics = await byTerritory('over_contacted');
    let over = 0;
    for (const [hcpId, rows] of activity) {
      const contactsInPeriod = rows.filter((row) => {
        const at = Date.parse(row.occurredAt);
        return at >= PERIOD_START && at < PERIOD_END && isOutboundContact(row);
      });
      const flagged = contactsInPeriod.some((contact) => openSignals(rows, contact.occurredAt).some((signal) => signal.kind === 'over_contacted'));
      if (flagged) over++;
      const row = metrics.get(hcpId);
      if (hcpId === 'h00' || hcpId === 'h01') expect([hcpId, flagged]).toEqual([hcpId, hcpId === 'h01']);
      expect([hcpId, row?.numerator ?? 0]).toEqual([hcpId, flagged ? 1 : 0]);
      expect(row?.denominator ?? 0).toBe(contactsInPeriod.length > 0 ? 1 : 0);
    }
    expect(over).toBeGreaterThan(3);
  });
});
