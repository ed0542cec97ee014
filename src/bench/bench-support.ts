import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The nearest-rank percentile of unsorted samples (fraction 0.95 for p95). */
export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

/** A private copy of a database (benches that write: decision log, thread memory), removed afterwards. */
export async function privateCopy(sourcePath: string, prefix: string): Promise<{ path: string; remove(): void }> {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const path = join(directory, 'omni.db');
  const source = new Database(sourcePath, { readonly: true });
  try {
    await source.backup(path);
  } finally {
    source.close();
  }
  return { path, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
