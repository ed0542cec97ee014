import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/app-error.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { generateDemoWorld, loadDemoSeed, seedEndingOn, type DemoSink, type DemoSummary, type Scale } from './generate-demo.ts';

/** A sink that writes every generated row through the store's repositories. */
export function storeSink(store: OmniStore): DemoSink {
  return {
    product: (product) => store.products.upsert(product),
    user: (user) => store.users.upsert(user),
    hcp: (hcp) => store.hcps.upsert(hcp),
    consent: (consent) => store.consents.upsert(consent),
    interaction: (interaction) => store.interactions.upsert(interaction),
    note: (note) => store.notes.upsert(note),
    contentModule: (module) => store.contentModules.upsert(module),
  };
}

/**
 * Creates a database at `path` holding the demo world, its year ending on `anchorDay` (YYYY-MM-DD,
 * UTC), which it records as the database's demo as-of. It is built in a temporary file and renamed
 * into place only when complete, so an interrupted init never leaves a half-filled database.
 */
export function createDemoDatabase(
  path: string,
  options: { scale: Scale; replace: boolean; anchorDay: string; onProgress?: (hcpsDone: number, hcpsTotal: number) => void },
): DemoSummary {
  if (existsSync(path) && !options.replace) {
    throw new AppError('INVALID_INPUT', `a database already exists at ${path}; pass --force to replace it`);
  }
  const temporaryPath = `${path}.building-${process.pid}`;
  removeDatabaseFiles(temporaryPath);
  // The temporary file is thrown away on failure, so durability during the build buys nothing.
  const store = openSqliteStore(temporaryPath, { bulkLoad: true });
  try {
    const seed = seedEndingOn(loadDemoSeed(), options.anchorDay);
    const summary = store.transaction(() => {
      const generated = generateDemoWorld(options.scale, storeSink(store), seed, options.onProgress);
      store.settings.recordDemoAsOf(generated.anchorDate);
      return generated;
    });
    store.finishBulkLoad();
    store.close();
    removeDatabaseFiles(path);
    renameSync(temporaryPath, path);
    return summary;
  } catch (error) {
    store.close();
    removeDatabaseFiles(temporaryPath);
    throw error;
  }
}

/**
 * Removes the build files (`<path>.building-<pid>` and its -wal, -shm and -journal) that an init
 * killed before it finished left next to the database, when their process is gone; a build still
 * running is left alone. Returns the paths removed.
 */
export function removeLeftoverBuilds(path: string, isAlive: (pid: number) => boolean = processIsAlive): string[] {
  const directory = dirname(path);
  const pattern = new RegExp(`^${escapeRegExp(basename(path))}\\.building-(\\d+)(-wal|-shm|-journal)?$`);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const pid = Number(pattern.exec(name)?.[1] ?? 0);
    if (pid <= 0 || isAlive(pid)) continue;
    rmSync(join(directory, name), { force: true });
    removed.push(join(directory, name));
  }
  return removed;
}

/** Whether a process with this id exists (signal 0 checks without sending anything; EPERM: it exists, owned by someone else). */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
