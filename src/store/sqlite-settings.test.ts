import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hcp } from '../domain/hcp.ts';
import { Interaction } from '../domain/interaction.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-settings-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const hcp = (id: string, synthetic: boolean) => Hcp.parse({ id, firstName: 'Ada', lastName: id, specialty: 'Oncology', synthetic, source: synthetic ? 'synthetic' : 'import' });
const touch = (id: string, hcpId: string, occurredAt: string) => Interaction.parse({ id, hcpId, actorId: 'system:test', channel: 'email', outcome: 'opened', occurredAt, synthetic: true });

/** A database as migration 11 left it, holding what `fill` writes. */
function beforeMigration12(fill: (store: SqliteStore) => void): string {
  const path = join(directory, 'omni.db');
  const store = openSqliteStore(path);
  fill(store);
  store.database.exec('DROP TABLE settings');
  // Later migrations run again on opening: undo the one that cannot run twice (the content approver column).
  store.database.exec('ALTER TABLE content_modules DROP COLUMN approved_by');
  store.database.pragma('user_version = 11');
  store.close();
  return path;
}

describe('settings: the demo as-of', () => {
  it('is null on a new database, and reads back what was recorded (normalised)', () => {
    const store = openSqliteStore(join(directory, 'omni.db'));
    try {
      expect(store.settings.demoAsOf()).toBeNull();
      store.settings.recordDemoAsOf('2026-11-20T18:00:00Z');
      expect(store.settings.demoAsOf()).toBe('2026-11-20T18:00:00.000Z');
      store.settings.recordDemoAsOf('2026-12-01T18:00:00.000Z');
      expect(store.settings.demoAsOf()).toBe('2026-12-01T18:00:00.000Z');
      expect(() => store.settings.recordDemoAsOf('soon')).toThrow(/ISO 8601/);
    } finally {
      store.close();
    }
  });

  it('migration 12 gives a demo built before it (every HCP synthetic) its latest interaction as the as-of', () => {
    const path = beforeMigration12((store) => {
      store.hcps.upsert(hcp('hcp-1', true));
      store.interactions.upsert(touch('i-1', 'hcp-1', '2026-11-19T10:00:00.000Z'));
      store.interactions.upsert(touch('i-2', 'hcp-1', '2026-11-20T17:00:00.000Z'));
    });
    const store = openSqliteStore(path);
    try {
      expect(store.settings.demoAsOf()).toBe('2026-11-20T17:00:00.000Z');
    } finally {
      store.close();
    }
  });

  it('migration 12 leaves a database with real HCPs, or with no interactions, without a demo as-of', () => {
    const mixed = beforeMigration12((store) => {
      store.hcps.upsert(hcp('hcp-1', true));
      store.hcps.upsert(hcp('hcp-2', false));
      store.interactions.upsert(touch('i-1', 'hcp-1', '2026-11-19T10:00:00.000Z'));
    });
    const store = openSqliteStore(mixed);
    try {
      expect(store.settings.demoAsOf()).toBeNull();
    } finally {
      store.close();
    }
    rmSync(mixed);
    const quiet = beforeMigration12((store) => store.hcps.upsert(hcp('hcp-1', true)));
    const again = openSqliteStore(quiet);
    try {
      expect(again.settings.demoAsOf()).toBeNull();
    } finally {
      again.close();
    }
  });
});
