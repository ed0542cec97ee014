import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../testing/query-database.ts';

/** Issue 17's hardening of the CLI, through the real executable: strict UTF-8 imports, leftover build files. */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
let directory: string;
let databasePath: string;

function omni(...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [OMNI, ...args, '--db', databasePath], { encoding: 'utf8', env: { ...process.env, OMNI_LOG_LEVEL: 'error' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const count = (table: string): number => queryDatabase<{ n: number }>(databasePath, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-security-cli-'));
  databasePath = join(directory, 'omni.db');
  expect(omni('init', '--anchor', '2026-11-20').code).toBe(0);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('imports read UTF-8 only', () => {
  it('refuses a Latin-1 CSV and JSON file with exit 2, naming the line and byte offset, and imports nothing', () => {
    const before = count('hcps');
    const csv = join(directory, 'hcps-latin1.csv');
    writeFileSync(csv, Buffer.from('id,first_name,last_name,specialty\nhcp-900001,Ana,Silva,Oncology\nhcp-900002,Jos\xE9,Dupont,Cardiology\n', 'latin1'));
    const refused = omni('import', 'hcps', csv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error [INVALID_INPUT]: ${csv}:3: column 15 (byte offset 78): byte 0xE9 is not UTF-8`);
    const json = join(directory, 'hcps-latin1.json');
    writeFileSync(json, Buffer.from('[{"id":"hcp-900003","first_name":"Ana","last_name":"Silva","specialty":"Oncology"},\n {"id":"hcp-900004","first_name":"\xC9lodie","last_name":"B","specialty":"C"}]', 'latin1'));
    const refusedJson = omni('import', 'hcps', json, '--json');
    expect(refusedJson.code).toBe(2);
    expect(refusedJson.stderr).toMatch(/hcps-latin1\.json:2: column 35 \(byte offset 118\): byte 0xC9 is not UTF-8/);
    expect(count('hcps')).toBe(before);
    // The same rows in UTF-8 (with a BOM) import.
    writeFileSync(csv, '\uFEFFid,first_name,last_name,specialty\nhcp-900001,Ana,Silva,Oncology\nhcp-900002,José,Dupont,Cardiology\n');
    expect(omni('import', 'hcps', csv).code).toBe(0);
    expect(queryDatabase<{ first_name: string }>(databasePath, "SELECT first_name FROM hcps WHERE id = 'hcp-900002'")).toEqual([{ first_name: 'José' }]);
  });

  it('refuses an SPL label that is not UTF-8 with exit 2 and leaves the library as it was', () => {
    const before = count('content_modules');
    const spl = join(directory, 'label-latin1.xml');
    writeFileSync(spl, Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n<document>\n<title>Caf\xE9</title></document>', 'latin1'));
    const refused = omni('content', 'import-spl', spl);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/label-latin1\.xml:3: column 11 \(byte offset \d+\): byte 0xE9 is not UTF-8/);
    expect(count('content_modules')).toBe(before);
  });
});

describe('omni init after an interrupted build', () => {
  it('removes the build files a killed init left, once its process is gone, and says so', async () => {
    // A real build, killed with SIGKILL as soon as its temporary file exists.
    const child = spawn(process.execPath, [OMNI, 'init', '--force', '--anchor', '2026-11-20', '--db', databasePath], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    const building = `${databasePath}.building-${child.pid}`;
    const started = Date.now();
    while (!existsSync(building) && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(building)).toBe(true);
    // Another build, still running (this test process), is not touched.
    const live = `${databasePath}.building-${process.pid}`;
    writeFileSync(live, '');

    const next = omni('init', '--if-missing');
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('Removed the leftover files of an interrupted init');
    expect(next.stderr).toContain(building);
    expect(readdirSync(directory).filter((name) => name.includes('.building-'))).toEqual([`omni.db.building-${process.pid}`]);
    expect(omni('init', '--if-missing').stderr).not.toContain('Removed');
    rmSync(live);
  });
});
