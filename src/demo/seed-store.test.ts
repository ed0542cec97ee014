import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processIsAlive, removeLeftoverBuilds } from './seed-store.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'omni-leftovers-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('removeLeftoverBuilds', () => {
  it("removes a dead build's files, and keeps a live build's, the database and other databases' builds", () => {
    const names = ['omni.db', 'omni.db-wal', 'omni.db.building-111', 'omni.db.building-111-wal', 'omni.db.building-111-shm', 'omni.db.building-111-journal', 'omni.db.building-222', 'other.db.building-111', 'omni.db.building-111.bak', 'omnixdb.building-111'];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    const removed = removeLeftoverBuilds(join(dir, 'omni.db'), (pid) => pid === 222);
    expect(removed).toEqual(['omni.db.building-111', 'omni.db.building-111-journal', 'omni.db.building-111-shm', 'omni.db.building-111-wal'].map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual(['omni.db', 'omni.db-wal', 'omni.db.building-111.bak', 'omni.db.building-222', 'omnixdb.building-111', 'other.db.building-111']);
    expect(removeLeftoverBuilds(join(dir, 'omni.db'), () => false)).toEqual([join(dir, 'omni.db.building-222')]);
  });

  it('is quiet when the directory does not exist yet', () => {
    expect(removeLeftoverBuilds(join(dir, 'missing', 'omni.db'))).toEqual([]);
  });
});

describe('processIsAlive', () => {
  it('is true for this process and false for one that has exited', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.status).toBe(0);
    expect(processIsAlive(child.pid!)).toBe(false);
  });
});
