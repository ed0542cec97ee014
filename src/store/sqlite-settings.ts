import type Database from 'better-sqlite3';
import { parseIsoDateTime } from '../core/dates.ts';

const DEMO_AS_OF = 'demo_as_of';

/** Facts about the database itself, one row per key (migration 12). */
export class SqliteSettings {
  private readonly read;
  private readonly write;

  constructor(database: Database.Database) {
    this.read = database.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    this.write = database.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  /** Where a demo database's data ends (ISO instant), or null for a database that is not a demo. */
  demoAsOf(): string | null {
    const value = this.read.get(DEMO_AS_OF) as string | undefined;
    // A hand-edited value that is not a date is ignored rather than trusted as a clock.
    return (value !== undefined && parseIsoDateTime(value)) || null;
  }

  recordDemoAsOf(asOf: string): void {
    const parsed = parseIsoDateTime(asOf);
    if (!parsed) throw new TypeError(`demo as-of must be an ISO 8601 instant, not "${asOf}"`);
    this.write.run(DEMO_AS_OF, parsed);
  }
}
