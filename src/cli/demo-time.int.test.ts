import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../testing/query-database.ts';

/**
 * Demo time through the real executable: a demo database answers time-relative questions on any
 * day it is used. One built 20 days ago answers as of the end of its last day and says so; one built
 * today ends its data today and runs on the wall clock.
 */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-demo-time-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function omni(databasePath: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const environment: Record<string, string | undefined> = { ...process.env, OMNI_LOG_LEVEL: 'error' };
  delete environment.OPENAI_API_KEY;
  delete environment.OMNI_MODEL;
  const result = spawnSync(process.execPath, [OMNI, ...args, '--db', databasePath], { encoding: 'utf8', env: environment });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('demo time', () => {
  it('a demo built 20 days ago answers "this month" as of its last day, and says so once', () => {
    const path = join(directory, 'old.db');
    const anchor = dayOf(Date.now() - 20 * DAY_MS);
    const init = omni(path, 'init', '--anchor', anchor, '--json');
    expect(init.code, init.stderr).toBe(0);
    const summary = JSON.parse(init.stdout);
    expect(summary).toMatchObject({ created: true, anchor });
    expect(summary.anchorDate.slice(0, 10)).toBe(anchor);
    expect(queryDatabase<{ value: string }>(path, "SELECT value FROM settings WHERE key = 'demo_as_of'")).toEqual([{ value: summary.anchorDate }]);
    const endOfDemo = `${anchor}T23:59:59.999Z`;
    const line = `Demo data as of ${anchor}.`;

    const asked = omni(path, 'ask', 'how many HCPs were over-contacted this month?', '--as', 'u-mgr-east');
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toContain(`Over-contacted HCPs, ${anchor.slice(0, 8)}01 to ${anchor}`);
    expect(asked.stdout).toMatch(/all: \d+(\.\d)?% \(\d+\/[1-9]\d*\)/);
    expect(asked.stdout).not.toContain('n/a');
    expect(occurrences(asked.stdout, line)).toBe(1);

    const json = JSON.parse(omni(path, 'ask', 'how many HCPs were over-contacted this month?', '--as', 'u-mgr-east', '--json').stdout);
    expect(json).toMatchObject({ asOf: endOfDemo, demoAsOf: anchor });
    expect(json.answer).not.toContain('Demo data');

    const plan = omni(path, 'plan', '--as', 'u-rep-ne-1', '--limit', '5');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`as of ${endOfDemo}`);
    expect(plan.stdout).toMatch(/^ {2}1\. /m);
    expect(occurrences(plan.stdout, line)).toBe(1);

    // An explicit --as-of wins, and an answer before the end of the demo data needs no line.
    const earlier = `${dayOf(Date.now() - 25 * DAY_MS)}T12:00:00.000Z`;
    const pinned = JSON.parse(omni(path, 'plan', '--as', 'u-rep-ne-1', '--limit', '5', '--as-of', earlier, '--json').stdout);
    expect(pinned.asOf).toBe(earlier);
    expect(pinned.entries.length).toBeGreaterThan(0);
    expect(omni(path, 'plan', '--as', 'u-rep-ne-1', '--limit', '5', '--as-of', earlier).stdout).not.toContain('Demo data as of');
    const pinnedAnswer = JSON.parse(omni(path, 'ask', 'who should I see this week?', '--as', 'u-rep-ne-1', '--as-of', earlier, '--json').stdout);
    expect(pinnedAnswer).toMatchObject({ asOf: earlier, demoAsOf: null });
  }, 180_000);

  it('omni init without --anchor ends its data today, and its answers run on the wall clock', () => {
    const path = join(directory, 'fresh.db');
    const before = Date.now();
    const init = omni(path, 'init', '--json');
    const after = Date.now();
    expect(init.code, init.stderr).toBe(0);
    const summary = JSON.parse(init.stdout);
    expect([dayOf(before), dayOf(after)]).toContain(summary.anchor);
    const [{ last }] = queryDatabase<{ last: string }>(path, 'SELECT max(occurred_at) AS last FROM interactions') as [{ last: string }];
    expect(Math.abs(after - Date.parse(last))).toBeLessThan(DAY_MS);

    const asked = JSON.parse(omni(path, 'ask', 'who should I see this week?', '--as', 'u-rep-mw-1', '--json').stdout);
    expect(asked.demoAsOf).toBeNull();
    expect(Math.abs(Date.parse(asked.asOf) - Date.now())).toBeLessThan(60_000);
    expect(omni(path, 'plan', '--as', 'u-rep-mw-1', '--limit', '3').stdout).not.toContain('Demo data as of');
  }, 120_000);
});
