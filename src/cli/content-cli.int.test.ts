import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
    expect(omni('content', 'import-spl', spl, '--status', 'approved', '--approved-at', '2026-11-01', '--json').code).toBe(0);
    expect(search().length).toBeGreaterThan(0);
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
