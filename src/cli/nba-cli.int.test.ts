import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queryDatabase } from '../testing/query-database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { DEMO_ANCHOR_DAY } from '../testing/demo-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';

/**
 * `omni nba`, `plan`, `why` and `feedback` through the real executable (bin/omni.js) against a demo
 * database. Independent invocations run side by side (each costs about a second), which also has
 * several processes appending to one decision log at once.
 */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
const AS_OF = '2026-11-20T18:00:00Z';

let directory: string;
let databasePath: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function omni(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [OMNI, ...args, '--db', databasePath], { env: { ...process.env, OMNI_LOG_LEVEL: 'error' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const query = <T>(sql: string, ...parameters: unknown[]): T[] => queryDatabase<T>(databasePath, sql, ...parameters);

const logCount = () => query<{ n: number }>('SELECT count(*) AS n FROM decision_log')[0]!.n;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-nba-cli-'));
  databasePath = join(directory, 'omni.db');
  createDemoDatabase(databasePath, { scale: 'demo', replace: true, anchorDay: DEMO_ANCHOR_DAY });
  // Opening through the store runs the migrations (the decision log table) before any child starts.
  openSqliteStore(databasePath).close();
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('omni nba, plan, why and feedback', () => {
  it('recommends, plans, explains and takes feedback, logging each; refuses bad asks with the right exit code', async () => {
    // A T-NE HCP whose promotional email consent is revoked now (the latest record for it).
    const [target] = query<{ id: string; consent_id: string; recorded_at: string; source: string }>(`
      SELECT h.id, c.id AS consent_id, c.recorded_at, c.source FROM hcps h JOIN consents c ON c.hcp_id = h.id
      WHERE h.territory = 'T-NE' AND c.channel = 'email' AND c.purpose = 'promotional' AND c.status = 'revoked' AND c.product_id IS NULL
        AND c.recorded_at = (SELECT max(recorded_at) FROM consents d WHERE d.hcp_id = h.id AND d.channel = 'email' AND d.purpose = 'promotional')
        AND NOT EXISTS (SELECT 1 FROM consents e WHERE e.hcp_id = h.id AND e.channel = 'email' AND e.purpose = 'events')
      ORDER BY h.id LIMIT 1`);
    expect(target).toBeDefined();
    expect(logCount()).toBe(0);

    const [nba, plan, unknown, outside, badLimit] = await Promise.all([
      omni('nba', target!.id, '--as', 'u-rep-ne-1', '--as-of', AS_OF, '--json'),
      omni('plan', '--as', 'u-rep-ne-1', '--as-of', AS_OF, '--limit', '50', '--json'),
      omni('nba', 'hcp-999999', '--as-of', AS_OF),
      omni('nba', target!.id, '--as', 'u-rep-w-1', '--as-of', AS_OF),
      omni('plan', '--as', 'u-rep-ne-1', '--limit', '0'),
    ]);

    expect(nba.code, nba.stderr).toBe(0);
    const result = JSON.parse(nba.stdout);
    expect(result.hcp.id).toBe(target!.id);
    const blockedEmail = result.blocked.find((action: { kind: string }) => action.kind === 'approved_email');
    expect(blockedEmail.gates).toContainEqual(expect.objectContaining({ gate: 'consent', passed: false, records: [target!.consent_id] }));
    expect(result.recommended.kind).not.toBe('approved_email');
    const [logged] = query<{ kind: string; actor_id: string; hcp_id: string; payload: string }>('SELECT * FROM decision_log WHERE id = ?', result.recommendationId);
    expect(logged).toMatchObject({ kind: 'recommendation', actor_id: 'u-rep-ne-1', hcp_id: target!.id });
    expect(JSON.parse(logged!.payload).recommended.kind).toBe(result.recommended.kind);

    expect(plan.code, plan.stderr).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.entries).toHaveLength(50);
    expect(planned.entries.every((entry: { hcp: { territory: string } }) => entry.hcp.territory === 'T-NE')).toBe(true);
    expect(planned.entries[0].flags).toContain('dead_end');
    expect(query<{ kind: string; actor_id: string }>('SELECT kind, actor_id FROM decision_log WHERE id = ?', planned.planId)).toEqual([{ kind: 'plan', actor_id: 'u-rep-ne-1' }]);

    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/error \[NOT_FOUND\]: no HCP with id hcp-999999/);
    expect(outside.code).toBe(4);
    expect(outside.stderr).toMatch(/error \[FORBIDDEN\]: HCP .* is outside your territories/);
    expect(outside.stdout).toBe('');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toMatch(/--limit must be a whole number from 1 to 500/);
    // Only the two that were shown were logged.
    expect(logCount()).toBe(2);

    const [why, feedback] = await Promise.all([
      omni('why', result.recommendationId, '--channel', 'email'),
      omni('feedback', result.recommendationId, 'dismiss', '--reason', 'she asked for visits only', '--as', 'u-rep-ne-1', '--json'),
    ]);
    expect(why.code, why.stderr).toBe(0);
    expect(why.stdout).toContain(`Recommendation ${result.recommendationId} for HCP ${target!.id}`);
    expect(why.stdout).toContain(`Why not approved email (email)? approved email: email consent (promotional) revoked on ${target!.recorded_at.slice(0, 10)} via ${target!.source} (record ${target!.consent_id})`);

    expect(feedback.code, feedback.stderr).toBe(0);
    const record = JSON.parse(feedback.stdout);
    expect(record).toMatchObject({ kind: 'feedback', refersTo: result.recommendationId, actorId: 'u-rep-ne-1', hcpId: target!.id, payload: { verdict: 'dismiss', reason: 'she asked for visits only' } });
    expect(query<{ refers_to: string }>("SELECT refers_to FROM decision_log WHERE kind = 'feedback'")).toEqual([{ refers_to: result.recommendationId }]);

    const store = openSqliteStore(databasePath);
    try {
      expect(new SqliteDecisionLog(store.database).verify()).toMatchObject({ intact: true, records: 3 });
    } finally {
      store.close();
    }
  });
});
