import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../testing/query-database.ts';
import { runCli } from './main.ts';

/**
 * Issue 17's hardening of the CLI: strict UTF-8 imports, leftover build files, token expiry, list and
 * revoke. The CLI runs in this process (runCli, what bin/omni.js calls) with a fixed clock, except
 * for the build that is killed, which is the real executable.
 */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
const NOW = new Date('2026-11-20T10:00:00.000Z');
let directory: string;
let databasePath: string;

async function omni(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', databasePath], { out: (text) => out.push(text), err: (text) => err.push(text), environment: { OMNI_LOG_LEVEL: 'error' }, now: () => NOW });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Writes `text` as Latin-1 to `file` and runs `command` on it, which must refuse it with exit 2; returns what it said. */
async function refusedLatin1(file: string, text: string, ...command: string[]): Promise<string> {
  const path = join(directory, file);
  writeFileSync(path, Buffer.from(text, 'latin1'));
  const refused = await omni(...command, path);
  expect(refused.code).toBe(2);
  return refused.stderr;
}

const count = (table: string): number => queryDatabase<{ n: number }>(databasePath, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'omni-security-cli-'));
  databasePath = join(directory, 'omni.db');
  expect((await omni('init', '--anchor', '2026-11-20')).code).toBe(0);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('imports read UTF-8 only', () => {
  it('refuses a Latin-1 CSV and JSON file with exit 2, naming the line and byte offset, and imports nothing', async () => {
    const before = count('hcps');
    const csv = join(directory, 'hcps-latin1.csv');
    expect(await refusedLatin1('hcps-latin1.csv', 'id,first_name,last_name,specialty\nhcp-900001,Ana,Silva,Oncology\nhcp-900002,Jos\xE9,Dupont,Cardiology\n', 'import', 'hcps')).toContain(
      `error [INVALID_INPUT]: ${csv}:3: column 15 (byte offset 78): byte 0xE9 is not UTF-8`,
    );
    const json = '[{"id":"hcp-900003","first_name":"Ana","last_name":"Silva","specialty":"Oncology"},\n {"id":"hcp-900004","first_name":"\xC9lodie","last_name":"B","specialty":"C"}]';
    expect(await refusedLatin1('hcps-latin1.json', json, 'import', 'hcps', '--json')).toMatch(/hcps-latin1\.json:2: column 35 \(byte offset 118\): byte 0xC9 is not UTF-8/);
    expect(count('hcps')).toBe(before);
    // The same rows in UTF-8 (with a BOM) import.
    writeFileSync(csv, '\uFEFFid,first_name,last_name,specialty\nhcp-900001,Ana,Silva,Oncology\nhcp-900002,José,Dupont,Cardiology\n');
    expect((await omni('import', 'hcps', csv)).code).toBe(0);
    expect(queryDatabase<{ first_name: string }>(databasePath, "SELECT first_name FROM hcps WHERE id = 'hcp-900002'")).toEqual([{ first_name: 'José' }]);
  });

  it('refuses an SPL label that is not UTF-8 with exit 2 and leaves the library as it was', async () => {
    const before = count('content_modules');
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<document>\n<title>Caf\xE9</title></document>';
    expect(await refusedLatin1('label-latin1.xml', xml, 'content', 'import-spl')).toMatch(/label-latin1\.xml:3: column 11 \(byte offset \d+\): byte 0xE9 is not UTF-8/);
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

    const next = await omni('init', '--if-missing');
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('Removed the leftover files of an interrupted init');
    expect(next.stderr).toContain(building);
    expect(readdirSync(directory).filter((name) => name.includes('.building-'))).toEqual([`omni.db.building-${process.pid}`]);
    expect((await omni('init', '--if-missing')).stderr).not.toContain('Removed');
    rmSync(live);
  });
});

describe('omni token', () => {
  it('creates a token with --expires, lists it without its secret, and revokes that one token by id', async () => {
    const created = await omni('token', 'create', '--as', 'u-rep-mw-1', '--expires', '1h', '--label', 'laptop', '--json');
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout) as { token: string; id: string; userId: string; expiresAt: string };
    expect(issued).toMatchObject({ userId: 'u-rep-mw-1', id: expect.stringMatching(/^tok_/), expiresAt: '2026-11-20T11:00:00.000Z' });
    const other = JSON.parse((await omni('token', 'create', '--as', 'u-rep-mw-1', '--json')).stdout) as { id: string; expiresAt: string | null };
    expect(other.expiresAt).toBeNull();

    const listed = await omni('token', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(issued.token);
    expect(JSON.parse(listed.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: issued.id, userId: 'u-rep-mw-1', label: 'laptop', expiresAt: issued.expiresAt, lastUsedAt: null, status: 'active' })]),
    );
    const table = (await omni('token', 'list')).stdout;
    expect(table).toMatch(/^id\s+user\s+status\s+created\s+expires\s+last used\s+label$/m);
    expect(table).toContain(issued.id);

    const revoked = await omni('token', 'revoke', issued.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${issued.id}`);
    const after = JSON.parse((await omni('token', 'list', '--json')).stdout) as { id: string }[];
    expect(after.map((token) => token.id)).not.toContain(issued.id);
    expect(after.map((token) => token.id)).toContain(other.id);
    expect(JSON.parse((await omni('token', 'list', '--all', '--json')).stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: issued.id, status: 'revoked' })]));
    expect((await omni('token', 'revoke', issued.id)).stdout).toContain('already revoked');
  });

  it('refuses a bad --expires, a past one, an unknown id and a bad usage with their exit codes', async () => {
    expect((await omni('token', 'create', '--as', 'u-rep-mw-1', '--expires', 'soon')).code).toBe(2);
    const past = await omni('token', 'create', '--as', 'u-rep-mw-1', '--expires', '2020-01-01');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('already passed');
    expect((await omni('token', 'revoke', 'tok_000000000000')).code).toBe(3);
    expect((await omni('token', 'revoke')).code).toBe(2);
    expect((await omni('token', 'delete', 'x')).code).toBe(2);
  });
});
