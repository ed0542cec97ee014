import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';

/** The demo data's anchor: the last moment of its simulated year. Tests judge "now" as of it. */
export const DEMO_AS_OF = '2026-11-20T18:00:00.000Z';
/** The seed's own anchor day: tests, evals and benches that rely on fixed facts build the demo on it, not on today. */
export const DEMO_ANCHOR_DAY = DEMO_AS_OF.slice(0, 10);

/** A fresh demo database in a temporary directory (its year ending on `anchorDay`); `remove()` closes and deletes it. Tests only. */
export function createTemporaryDemoStore(prefix = 'omni-test-', options: { anchorDay?: string } = {}): { store: SqliteStore; path: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const path = join(directory, 'omni.db');
  createDemoDatabase(path, { scale: 'demo', replace: true, anchorDay: options.anchorDay ?? DEMO_ANCHOR_DAY });
  const store = openSqliteStore(path);
  return {
    store,
    path,
    remove() {
      store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
