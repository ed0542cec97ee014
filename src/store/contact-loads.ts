import type Database from 'better-sqlite3';

/**
 * Each outbound contact's load, stored with it (migration 10): the outbound contacts of its HCP in
 * the 7 and 30 days up to and including it (less than 7 (30) days back, same-instant contacts
 * included), as the NBA engine counts them against its frequency caps. The over-contacted metric
 * reads them instead of running a window over 60 days of contacts (npm run bench).
 *
 * A write changes the loads of its HCP's contacts from its time on (at most 30 days on). The
 * repository notes each such (HCP, time) and the loads are recounted from there: at the end of a
 * SqliteStore.transaction for everything written in it (one statement), or straight away for a write
 * outside one. A delete is recounted by migration 10's trigger. No trigger on insert or update:
 * SQLite would then run every upsert with a trigger program and a statement journal, and imports
 * lost a third of their speed to that (measured while building this).
 */

/** isOutboundContact over a row's columns (prefix 'OLD.', 'i.' or '' for bare columns). sql-fragments.test.ts keeps it equal to the metrics' predicate. */
export function outboundColumnsSql(prefix: string): string {
  const column = (name: string) => `${prefix}${name}`;
  const person = `NOT (substr(${column('actor_id')}, 1, 7) = 'system:')`;
  return (
    `(CASE ${column('outcome')} WHEN 'sent' THEN ${column('channel')} IN ('email', 'sms') OR (${column('channel')} = 'whatsapp' AND ${person})` +
    ` WHEN 'completed' THEN ${column('channel')} IN ('field_visit', 'remote_detail', 'msl_meeting', 'phone') AND ${person}` +
    ` WHEN 'replied' THEN ${column('channel')} = 'medical_inquiry' AND ${person} ELSE 0 END)`
  );
}

/**
 * An UPDATE that sets the loads of outbound contacts from a window over their HCP's contacts in time
 * order: a contact's load is the count within 7 (30) days less 1 ms before it, up to its own time
 * (RANGE over whole milliseconds, so exact; same-instant contacts are peers, so included).
 * `contacts` selects outbound rows as (row, hcp_id, at, recount_from): every contact a recounted one
 * can see (its 30 days before), and only rows at or after recount_from are written, and only where a
 * load differs.
 */
export function recountLoadsSql(contacts: string): string {
  const window = (days: number) => `count(*) OVER (PARTITION BY hcp_id ORDER BY ms RANGE BETWEEN ${days * 86_400_000 - 1} PRECEDING AND CURRENT ROW)`;
  return (
    `UPDATE interactions SET contacts_7_days = loads.contacts_7_days, contacts_30_days = loads.contacts_30_days\n` +
    `  FROM (\n` +
    `    SELECT row, at, recount_from, ${window(7)} AS contacts_7_days, ${window(30)} AS contacts_30_days\n` +
    `    FROM (SELECT *, CAST(round(unixepoch(at, 'subsec') * 1000) AS INTEGER) AS ms FROM (${contacts}))\n` +
    `  ) AS loads\n` +
    `  WHERE interactions.rowid = loads.row AND loads.at >= loads.recount_from\n` +
    `    AND (interactions.contacts_7_days IS NOT loads.contacts_7_days OR interactions.contacts_30_days IS NOT loads.contacts_30_days);`
  );
}

/** The contacts of the (HCP, recount from, read from) triples in the JSON array bound as @pending. */
const pendingContacts =
  `SELECT i.rowid AS row, i.hcp_id, i.occurred_at AS at, p.value ->> 1 AS recount_from FROM json_each(@pending) p\n` +
  `      JOIN interactions i ON i.hcp_id = p.value ->> 0 AND i.occurred_at >= p.value ->> 2 WHERE ${outboundColumnsSql('i.')}`;

const DAY_MS = 86_400_000;

/** The recounts owed after writes: per HCP, the earliest time from which its loads may be wrong. */
export class ContactLoads {
  private readonly pending = new Map<string, string>();
  private readonly recount: Database.Statement;
  private depth = 0;

  constructor(database: Database.Database) {
    this.recount = database.prepare(recountLoadsSql(pendingContacts));
  }

  /** A write at (HCP, time): its loads from then on are recounted at the end of the batch, or now outside one. */
  changed(hcpId: string, at: string): void {
    const earliest = this.pending.get(hcpId);
    if (earliest === undefined || at < earliest) this.pending.set(hcpId, at);
    if (this.depth === 0) this.flush();
  }

  /** Runs `work` (inside a transaction) and recounts once, at its end, what its writes changed. */
  batch<T>(work: () => T): T {
    this.depth++;
    try {
      const result = work();
      if (this.depth === 1) this.flush();
      return result;
    } finally {
      this.depth--;
      // A batch that threw is rolled back with its writes: nothing is owed.
      if (this.depth === 0) this.pending.clear();
    }
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    // Read from 31 days before: every contact in the 30 days before a recounted one (the extra day
    // spares exact date arithmetic in SQL; earlier rows are read, not written).
    const pending = [...this.pending].map(([hcpId, from]) => [hcpId, from, new Date(Date.parse(from) - 31 * DAY_MS).toISOString()]);
    this.pending.clear();
    this.recount.run({ pending: JSON.stringify(pending) });
  }
}
