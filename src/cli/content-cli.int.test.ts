import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../testing/query-database.ts';

/** `omni content` through the real executable, with the fast hashed n-gram embedder. */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
let directory: string;
let databasePath: string;

function omni(...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [OMNI, ...args, '--db', databasePath], {
    encoding: 'utf8',
    env: { ...process.env, OMNI_EMBEDDER: 'hashed-ngram', OMNI_LOG_LEVEL: 'error' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-content-cli-'));
  databasePath = join(directory, 'omni.db');
  // The seed's own day: the searches below are as of 2026-11-20.
  expect(omni('init', '--anchor', '2026-11-20').code).toBe(0);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('omni content', () => {
  it('builds the index beside the database once, then finds nothing new to embed', () => {
    const first = JSON.parse(omni('content', 'index', '--json').stdout);
    expect(first.added).toBeGreaterThan(40);
    expect(existsSync(`${databasePath}.content.hnsw`)).toBe(true);
    const second = JSON.parse(omni('content', 'index', '--json').stdout);
    expect(second).toMatchObject({ added: 0, changed: 0, removed: 0 });
  });

  it("applies an HCP's specialty and the channel, and explains why each result passed", () => {
    const result = omni('content', 'search', 'liver transaminase monitoring', '--hcp', 'hcp-000001', '--channel', 'email', '--as-of', '2026-11-20', '--json');
    expect(result.code, result.stderr).toBe(0);
    const hits = JSON.parse(result.stdout) as { id: string; status?: string; passedBecause: string[] }[];
    for (const hit of hits) {
      expect(hit.passedBecause).toContain('approved for email');
      expect(hit.passedBecause.some((reason) => reason.startsWith('audience includes') || reason === 'for all specialties')).toBe(true);
    }
    const text = omni('content', 'search', 'patient support', '--as-of', '2026-11-20');
    expect(text.stdout).toMatch(/^Approved content for "patient support"/);
    expect(text.stdout).toMatch(/passed: approved /);
  });

  it('never shows withdrawn or medical-only modules on a promotional search', () => {
    const withdrawn = JSON.parse(omni('content', 'search', 'dosing card withdrawn', '--as-of', '2026-11-20', '--limit', '50', '--json').stdout) as { id: string }[];
    expect(withdrawn.map((hit) => hit.id).filter((id) => id.endsWith('-dosing-card'))).toEqual([]);
    const medical = JSON.parse(omni('content', 'search', 'medical information response', '--as-of', '2026-11-20', '--limit', '50', '--json').stdout) as { id: string }[];
    expect(medical.map((hit) => hit.id).filter((id) => id.endsWith('-medical-response'))).toEqual([]);
    const asMedical = JSON.parse(omni('content', 'search', 'medical information response', '--purpose', 'medical', '--as-of', '2026-11-20', '--json').stdout) as { id: string }[];
    expect(asMedical.length).toBeGreaterThan(0);
    expect(asMedical.every((hit) => hit.id.endsWith('-medical-response'))).toBe(true);
  });

  it('imports a DailyMed SPL label as drafts, which no search returns until approved', () => {
    const spl = fileURLToPath(new URL('../../data/fda-labels/spl_humira_adalimumab_2013.xml', import.meta.url));
    const search = () =>
      (JSON.parse(omni('content', 'search', 'HUMIRA adalimumab tuberculosis', '--as-of', '2026-11-20', '--limit', '50', '--json').stdout) as { id: string }[]).filter((hit) =>
        hit.id.startsWith('spl-'),
      );
    const drafts = JSON.parse(omni('content', 'import-spl', spl, '--json').stdout);
    expect(drafts).toMatchObject({ status: 'draft' });
    expect(drafts.imported).toBeGreaterThan(10);
    expect(search()).toEqual([]);
    expect(omni('content', 'import-spl', spl, '--status', 'approved').code).toBe(2);
    // Approved needs its provenance: the date, an approver who is a user, and the MLR code.
    expect(omni('content', 'import-spl', spl, '--status', 'approved', '--approved-at', '2026-11-01').code).toBe(2);
    expect(omni('content', 'import-spl', spl, '--status', 'approved', '--approved-at', '2026-11-01', '--approved-by', 'u-nobody', '--mlr-code', 'MLR-2026-0142').code).toBe(2);
    expect(search()).toEqual([]);
    const approved = omni('content', 'import-spl', spl, '--status', 'approved', '--approved-at', '2026-11-01', '--approved-by', 'u-medaffairs', '--mlr-code', 'MLR-2026-0142', '--json');
    expect(approved.code, approved.stderr).toBe(0);
    expect(search().length).toBeGreaterThan(0);
    const stored = queryDatabase<{ approved_by: string; mlr_code: string; status: string }>(databasePath, "SELECT approved_by, mlr_code, status FROM content_modules WHERE id LIKE 'spl-humira-%'");
    expect(stored.length).toBeGreaterThan(10);
    for (const row of stored) expect(row).toMatchObject({ approved_by: 'u-medaffairs', mlr_code: expect.stringMatching(/^MLR-2026-0142-/), status: 'approved' });
  });

  it('refuses approved label text that links outside the allowed domains, naming the module, and imports nothing', () => {
    const spl = fileURLToPath(new URL('../../data/fda-labels/spl_humira_adalimumab_2013.xml', import.meta.url));
    const injected = join(directory, 'injected.xml');
    // A phishing link in the warnings text of a copy of the label, under a brand of its own.
    writeFileSync(injected, readFileSync(spl, 'utf8').replaceAll('HUMIRA', 'HUMIRAX').replace('www.fda.gov/medwatch', 'https://evil.example/medwatch'));
    const before = queryDatabase<{ n: number }>(databasePath, 'SELECT count(*) AS n FROM content_modules')[0]!.n;
    const refused = omni('content', 'import-spl', injected, '--status', 'approved', '--approved-at', '2026-11-01', '--approved-by', 'u-medaffairs', '--mlr-code', 'MLR-2026-0143');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/spl-humirax-[\w-]+ \(.*\): body: links to evil\.example/);
    expect(queryDatabase<{ n: number }>(databasePath, 'SELECT count(*) AS n FROM content_modules')[0]!.n).toBe(before);
    // As drafts (which nothing returns), the same text imports.
    expect(omni('content', 'import-spl', injected, '--json').code).toBe(0);
  });

  it('rejects malformed SPL XML without changing the library', () => {
    const bad = join(directory, 'bad.xml');
    writeFileSync(bad, '<document><section><title>Unclosed</document>');
    const count = () => {
      const database = new Database(databasePath, { readonly: true });
      try {
        return database.prepare('SELECT count(*) FROM content_modules').pluck().get() as number;
      } finally {
        database.close();
      }
    };
    const before = count();
    const result = omni('content', 'import-spl', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error \[INVALID_INPUT\]: .*bad\.xml: .*line 1/);
    expect(count()).toBe(before);
  });

  it('rejects bad options with exit code 2', () => {
    expect(omni('content', 'search', 'x', '--channel', 'pigeon').code).toBe(2);
    expect(omni('content', 'search', 'x', '--purpose', 'anything').code).toBe(2);
    expect(omni('content', 'search').code).toBe(2);
    expect(omni('content', 'search', 'x', '--hcp', 'hcp-999999').code).toBe(3);
  });
});
