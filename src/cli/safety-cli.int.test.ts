import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { takeIntake } from '../compliance/adverse-event-intake.ts';
import { callerFor } from '../compliance/caller.ts';
import { User } from '../domain/user.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { runCli } from './main.ts';

/** `omni safety list|export` in this process (runCli, what bin/omni.js calls), over intakes written by takeIntake. */
let directory: string;
let databasePath: string;
const ids: string[] = [];

async function omni(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', databasePath], { out: (text) => out.push(text), err: (text) => err.push(text), environment: { OMNI_LOG_LEVEL: 'error' } });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-safety-cli-'));
  databasePath = join(directory, 'omni.db');
  const store = openSqliteStore(databasePath);
  try {
    for (const user of [
      { id: 'u-rep', name: 'Riley Rep', role: 'rep', territories: ['T-W'] },
      { id: 'u-ma', name: 'Morgan Affairs', role: 'medical_affairs' },
    ]) store.users.upsert(User.parse(user));
    store.products.upsert({ id: 'prod-xeljanz', brandName: 'XELJANZ', genericName: 'tofacitinib', therapeuticArea: 'immunology', labelId: '', topics: [] });
    const rep = callerFor(store.users.getById('u-rep')!);
    let clock = Date.parse('2026-11-13T09:00:00.000Z');
    const log = new SqliteDecisionLog(store.database, { now: () => new Date((clock += 3 * 86_400_000)) });
    const intake = (asOf: string, request: Partial<Parameters<typeof takeIntake>[0]>) => {
      const outcome = takeIntake(
        { reporter: 'hcp', hcp: 'Dr. Ana Lee', patient: { initials: 'J.M.', age: 54, sex: 'female' }, product: 'XELJANZ', event: 'jaundice', narrative: null, submit: false, ...request },
        { store, log, caller: rep, employeeName: 'Riley Rep', asOf },
      );
      if (outcome.status !== 'recorded') throw new Error('not recorded');
      ids.push(outcome.intakeId);
    };
    intake('2026-11-16T10:00:00.000Z', { narrative: 'Her patient Maria Gonzalez, call 555-867-5309, turned yellow.' });
    intake('2026-11-20T15:00:00.000Z', { patient: { initials: null, age: null, sex: null }, event: 'rash \u001b[2J', submit: true });
  } finally {
    store.close();
  }
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('omni safety', () => {
  it('lists every intake for the local operator and medical affairs, oldest first, with due times and what is missing', async () => {
    for (const as of [[], ['--as', 'u-ma']]) {
      const listed = await omni('safety', 'list', ...as);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/^Adverse-event intakes: 2, oldest first\./);
      expect(listed.stdout.indexOf(ids[0]!)).toBeLessThan(listed.stdout.indexOf(ids[1]!));
      expect(listed.stdout).toContain('due Tuesday 2026-11-17 10:00 UTC  [complete]');
      expect(listed.stdout).toContain('due Monday 2026-11-23 15:00 UTC  [INCOMPLETE, missing patient]');
      expect(listed.stdout).toContain('patient   J.M., 54, female');
      expect(listed.stdout).toContain('product   XELJANZ (tofacitinib)');
      expect(listed.stdout).toMatch(/account {3}"Her patient \[name\], call \[redacted phone\], turned yellow\."/);
      expect(listed.stdout).not.toMatch(/Maria|555-867|\u001b/);
    }
  });

  it('filters by --since, and exports JSON lines that match the decision log', async () => {
    const listed = await omni('safety', 'list', '--since', '2026-11-18');
    expect(listed.stdout).toMatch(/^Adverse-event intakes since 2026-11-18: 1, oldest first\./);
    expect(listed.stdout).toContain(ids[1]!);
    expect(listed.stdout).not.toContain(ids[0]!);
    const exported = await omni('safety', 'export', '--since', '2026-11-01');
    expect(exported.code).toBe(0);
    const lines = exported.stdout.split('\n').map((line) => JSON.parse(line) as { intakeId: string; complete: boolean; missing: string[]; hash: string; reporter: { name: string } });
    expect(lines.map((line) => line.intakeId)).toEqual(ids);
    expect(lines[1]).toMatchObject({ complete: false, missing: ['patient'], reporter: { name: 'Dr. Ana Lee' } });
    const json = JSON.parse((await omni('safety', 'list', '--json')).stdout) as unknown[];
    expect(json).toEqual(lines);
    expect((await omni('audit', 'verify')).code).toBe(0);
  });

  it('refuses a rep (exit 4), export without --since and a date it cannot read (exit 2)', async () => {
    const rep = await omni('safety', 'list', '--as', 'u-rep');
    expect(rep.code).toBe(4);
    expect(rep.stderr).toMatch(/error \[FORBIDDEN\]: adverse-event intakes are for Drug Safety/);
    expect((await omni('safety', 'export')).code).toBe(2);
    expect((await omni('safety', 'list', '--since', 'last week')).stderr).toMatch(/--since must be an ISO 8601 date/);
    expect((await omni('safety', 'purge')).code).toBe(2);
  });
});
