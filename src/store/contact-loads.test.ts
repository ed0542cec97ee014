import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { channels, outcomes } from '../domain/vocabulary.ts';
import { Interaction, isOutboundContact } from '../domain/interaction.ts';
import { migrations } from './migrations.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

/**
 * Migration 10: every outbound contact carries its HCP's contact load (outbound contacts less than 7
 * and 30 days back, up to and including it), kept true by the repository's upsert (new rows, out of
 * order, re-imports that move a row or change its kind) and by the trigger on delete.
 * Checked against the NBA engine's definition (isOutboundContact, ages in whole days below 7 / 30)
 * worked out here in TypeScript after every write.
 */
const DAY_MS = 86_400_000;
const START = Date.parse('2026-03-01T00:00:00.000Z');

interface Stored {
  id: string;
  hcp_id: string;
  actor_id: string;
  channel: string;
  outcome: string;
  occurred_at: string;
  contacts_7_days: number | null;
  contacts_30_days: number | null;
}

function storedRows(store: SqliteStore): Stored[] {
  return store.database.prepare('SELECT id, hcp_id, actor_id, channel, outcome, occurred_at, contacts_7_days, contacts_30_days FROM interactions ORDER BY id').all() as Stored[];
}

/** The loads as the NBA engine would count them at each outbound contact; null for other rows. */
function expectedLoads(rows: readonly Stored[]): Map<string, [number, number] | null> {
  const toActivity = (row: Stored) => ({ channel: row.channel, outcome: row.outcome, actorId: row.actor_id }) as Parameters<typeof isOutboundContact>[0];
  const contacts = rows.filter((row) => isOutboundContact(toActivity(row)));
  const loads = new Map<string, [number, number] | null>(rows.map((row) => [row.id, null]));
  for (const row of contacts) {
    const at = Date.parse(row.occurred_at);
    const ages = contacts.filter((other) => other.hcp_id === row.hcp_id && Date.parse(other.occurred_at) <= at).map((other) => at - Date.parse(other.occurred_at));
    loads.set(row.id, [ages.filter((age) => age < 7 * DAY_MS).length, ages.filter((age) => age < 30 * DAY_MS).length]);
  }
  return loads;
}

function expectLoadsTrue(store: SqliteStore, step: string): void {
  const rows = storedRows(store);
  const expected = expectedLoads(rows);
  for (const row of rows) {
    const stored = row.contacts_7_days === null && row.contacts_30_days === null ? null : [row.contacts_7_days, row.contacts_30_days];
    expect(stored, `${step}: ${row.id} (${row.hcp_id} ${row.channel}/${row.outcome} by ${row.actor_id} at ${row.occurred_at})`).toEqual(expected.get(row.id));
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function contact(id: string, hcpId: string, occurredAt: string, kind: { channel?: string; outcome?: string; actorId?: string } = {}): Interaction {
  return Interaction.parse({
    id,
    hcpId,
    actorId: kind.actorId ?? 'u-rep-1',
    channel: kind.channel ?? 'field_visit',
    outcome: kind.outcome ?? 'completed',
    occurredAt,
    productId: null,
    purpose: 'promotional',
  });
}

describe('stored contact loads (migration 10)', () => {
  it('counts contacts less than 7 and 30 days back, same instant included, to the millisecond', () => {
    const store = openSqliteStore(':memory:');
    try {
      const t = Date.parse('2026-05-10T09:00:00.000Z');
      store.interactions.upsert(contact('a', 'h1', iso(t - 30 * DAY_MS))); // exactly 30 days before c: out of c's 30 days
      store.interactions.upsert(contact('b', 'h1', iso(t - 7 * DAY_MS))); // exactly 7 days: out of c's 7 days
      store.interactions.upsert(contact('b2', 'h1', iso(t - 7 * DAY_MS + 1))); // 7 days less 1 ms: in
      store.interactions.upsert(contact('c', 'h1', iso(t)));
      store.interactions.upsert(contact('c2', 'h1', iso(t), { channel: 'email', outcome: 'sent', actorId: 'system:marketing' })); // same instant, automated email
      store.interactions.upsert(contact('d', 'h1', iso(t), { channel: 'email', outcome: 'opened' })); // not a contact
      store.interactions.upsert(contact('e', 'h2', iso(t))); // another HCP
      const loads = Object.fromEntries(storedRows(store).map((row) => [row.id, [row.contacts_7_days, row.contacts_30_days]]));
      expect(loads).toEqual({ a: [1, 1], b: [1, 2], b2: [2, 3], c: [3, 4], c2: [3, 4], d: [null, null], e: [1, 1] });
      expectLoadsTrue(store, 'edges');
    } finally {
      store.close();
    }
  });

  it('stay true through out-of-order inserts, changes of HCP, time and kind, re-imports and deletes', () => {
    const store = openSqliteStore(':memory:');
    try {
      const random = new SeededRandom(7);
      const kinds = [
        { channel: 'field_visit', outcome: 'completed' },
        { channel: 'email', outcome: 'sent' },
        { channel: 'email', outcome: 'opened' },
        { channel: 'whatsapp', outcome: 'sent' },
        { channel: 'medical_inquiry', outcome: 'replied' },
        { channel: 'webinar', outcome: 'attended' },
      ];
      const actors = ['u-rep-1', 'u-rep-2', 'system:marketing'];
      const hcps = ['h1', 'h2', 'h3'];
      // Times on a coarse grid of hours plus exact 7- and 30-day steps, so ties and edges happen often.
      const time = () => iso(START + Math.floor(random.next() * 24) * 7 * DAY_MS / 4 + (random.next() < 0.3 ? 0 : Math.floor(random.next() * 3) * 3_600_000) - (random.next() < 0.1 ? 1 : 0));
      const ids: string[] = [];
      for (let step = 0; step < 300; step++) {
        const roll = random.next();
        if (roll < 0.6 || ids.length < 5) {
          const id = `i${step}`;
          ids.push(id);
          store.interactions.upsert(contact(id, random.pick(hcps), time(), { ...random.pick(kinds), actorId: random.pick(actors) }));
        } else if (roll < 0.85) {
          // Re-import an id with a changed HCP, time, kind or actor (or all the same).
          const id = random.pick(ids);
          const current = storedRows(store).find((row) => row.id === id)!;
          const change = Math.floor(random.next() * 5);
          store.interactions.upsert(
            contact(id, change === 0 ? random.pick(hcps) : current.hcp_id, change === 1 ? time() : current.occurred_at, {
              ...(change === 2 ? random.pick(kinds) : { channel: current.channel, outcome: current.outcome }),
              actorId: change === 3 ? random.pick(actors) : current.actor_id,
            }),
          );
        } else {
          const id = random.pick(ids);
          store.database.prepare('DELETE FROM interactions WHERE id = ?').run(id);
          ids.splice(ids.indexOf(id), 1);
        }
        expectLoadsTrue(store, `step ${step}`);
      }
      expect(storedRows(store).filter((row) => (row.contacts_7_days ?? 0) > 1).length, 'the walk should build up real loads').toBeGreaterThan(20);
    } finally {
      store.close();
    }
  });

  it('are recounted once at the end of a transaction, for everything written in it; a rolled-back one owes nothing', () => {
    const store = openSqliteStore(':memory:');
    try {
      const random = new SeededRandom(3);
      const hcps = ['h1', 'h2', 'h3', 'h4'];
      const time = () => iso(START + Math.floor(random.next() * 40) * DAY_MS / 2 - (random.next() < 0.1 ? 1 : 0));
      let next = 0;
      const write = () => {
        const id = next > 10 && random.next() < 0.3 ? `i${Math.floor(random.next() * next)}` : `i${next++}`;
        store.interactions.upsert(contact(id, random.pick(hcps), time(), random.next() < 0.2 ? { channel: 'email', outcome: 'opened' } : {}));
      };
      for (let batch = 0; batch < 12; batch++) {
        store.transaction(() => {
          for (let index = 0; index < 25; index++) write();
          // A nested transaction: its writes are recounted with the outer one's.
          store.transaction(() => write());
        });
        expectLoadsTrue(store, `batch ${batch}`);
      }
      const before = storedRows(store);
      expect(() =>
        store.transaction(() => {
          for (let index = 0; index < 10; index++) write();
          throw new Error('import failed');
        }),
      ).toThrow('import failed');
      expect(storedRows(store)).toEqual(before);
      write();
      expectLoadsTrue(store, 'after the rollback');
    } finally {
      store.close();
    }
  });

  it('are filled in for the rows already there when the migration runs', () => {
    // A database at migration 9 with contacts, then migrated: the UPDATE ... FROM window sets the loads.
    const database = new Database(':memory:');
    try {
      for (const migration of migrations.slice(0, 9)) database.exec(migration);
      const insert = database.prepare('INSERT INTO interactions (id, hcp_id, actor_id, channel, outcome, purpose, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const random = new SeededRandom(11);
      for (let index = 0; index < 400; index++) {
        const channel = random.pick(channels);
        const outcome = random.pick(outcomes);
        const at = iso(START + Math.floor(random.next() * 60) * DAY_MS / 2 - (random.next() < 0.1 ? 1 : 0));
        insert.run(`i${index}`, `h${Math.floor(random.next() * 4)}`, random.next() < 0.2 ? 'system:marketing' : 'u-rep-1', channel, outcome, 'promotional', at);
      }
      database.exec(migrations[9]!);
      const rows = database.prepare('SELECT id, hcp_id, actor_id, channel, outcome, occurred_at, contacts_7_days, contacts_30_days FROM interactions ORDER BY id').all() as Stored[];
      const expected = expectedLoads(rows);
      expect(rows.filter((row) => row.contacts_7_days !== null).length).toBeGreaterThan(20);
      for (const row of rows) {
        expect(row.contacts_7_days === null ? null : [row.contacts_7_days, row.contacts_30_days], row.id).toEqual(expected.get(row.id));
      }
    } finally {
      database.close();
    }
  });
});
