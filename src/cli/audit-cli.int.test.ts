import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../domain/decision-record.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';

/** `omni audit` through the real executable (bin/omni.js), on a decision log written by SqliteDecisionLog. */
const OMNI = fileURLToPath(new URL('../../bin/omni.js', import.meta.url));
let directory: string;
let databasePath: string;
let records: DecisionRecord[];

function omni(...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [OMNI, ...args, '--db', databasePath], { encoding: 'utf8', env: { ...process.env, OMNI_LOG_LEVEL: 'error' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Raw SQL on the file, as someone with a SQLite shell would do it. */
function tamper(...statements: string[]): void {
  const database = new Database(databasePath);
  try {
    for (const sql of statements) database.exec(sql);
  } finally {
    database.close();
  }
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-audit-cli-'));
  databasePath = join(directory, 'omni.db');
  const store = openSqliteStore(databasePath);
  try {
    let clock = Date.parse('2026-11-20T09:00:00.000Z');
    const log = new SqliteDecisionLog(store.database, { now: () => new Date((clock += 60_000)) });
    const recommendation = log.append({
      kind: 'recommendation',
      actorId: 'u-rep-ne-1',
      hcpId: 'hcp-000027',
      refersTo: null,
      payload: {
        action: { kind: 'field_visit', channel: 'field_visit', topic: 'webinar follow-up' },
        score: 2.5,
        signals: [{ kind: 'dead_end', value: 1, weight: 2.5, contribution: 2.5, evidence: ['int-000123'] }],
        consent: [{ channel: 'field_visit', purpose: 'promotional', status: 'granted', recordId: 'con-000042' }],
        // Stored data that must not reach the terminal raw: an escape sequence and a C1 CSI.
        note: 'ok \u001b[2J \u009b31m',
      },
    });
    records = [
      recommendation,
      log.append({ kind: 'draft', actorId: 'u-rep-ne-1', hcpId: 'hcp-000027', refersTo: null, payload: { modules: [{ id: 'cm-keytruda-follow-up', version: 2 }] } }),
      log.append({ kind: 'feedback', actorId: 'u-rep-ne-1', hcpId: 'hcp-000027', refersTo: recommendation.id, payload: { verdict: 'accept', reason: 'seen her today' } }),
      log.append({ kind: 'plan', actorId: 'u-rep-ne-1', hcpId: null, refersTo: null, payload: { hcps: ['hcp-000027', 'hcp-000031'] } }),
    ];
  } finally {
    store.close();
  }
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('omni audit', () => {
  it('documents itself and exit code 8', () => {
    const help = omni('audit', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: omni audit verify \[--json\]/);
    expect(help.stdout).toMatch(/8 the chain is broken/);
    expect(omni('--help').stdout).toMatch(/8 decision log broken/);
    const bad = omni('audit', 'rewrite');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error \[INVALID_INPUT\]: usage: omni audit verify/);
  });

  it('verify: exit 0 with the record count and the last hash while the chain is intact', () => {
    const text = omni('audit', 'verify');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Decision log intact: 4 records/);
    expect(text.stdout).toContain(`last hash ${records[3]!.hash}`);
    const json = omni('audit', 'verify', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ intact: true, records: 4, lastHash: records[3]!.hash });
  });

  it('show: a record with who, when, kind, HCP, payload and the feedback that refers to it', () => {
    const [recommendation, , feedback] = records;
    const text = omni('audit', 'show', recommendation!.id);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Decision ${recommendation!.id}  (record 1 of the decision log)`);
    expect(text.stdout).toMatch(/ when +2026-11-20T09:01:00\.000Z/);
    expect(text.stdout).toMatch(/ who +u-rep-ne-1/);
    expect(text.stdout).toMatch(/ kind +recommendation/);
    expect(text.stdout).toMatch(/ hcp +hcp-000027/);
    expect(text.stdout).toMatch(/ refers to +\(nothing\)/);
    expect(text.stdout).toContain(`${recommendation!.hash.slice(0, 16)}…`);
    expect(text.stdout).toContain(`${feedback!.id} (feedback)`);
    expect(text.stdout).toMatch(/^ {10}"evidence": \[$/m);
    expect(text.stdout).toContain('"note": "ok \\u001b[2J \\u009b31m"');
    expect(text.stdout).not.toMatch(/[\u001b\u009b]/);

    const json = omni('audit', 'show', feedback!.id, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ...feedback, referredToBy: [] });
    expect(omni('audit', 'show', recommendation!.id, '--json').stdout).toContain(`"referredToBy":["${feedback!.id}"]`);
  });

  it('show: exit 3 for an unknown id', () => {
    const missing = omni('audit', 'show', 'dec-NOSUCHRECORD');
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^error \[NOT_FOUND\]: no decision record with id "dec-NOSUCHRECORD"/);
  });

  it('verify: exit 8 naming the broken record after a row is changed with the trigger dropped', () => {
    const changed = records[1]!;
    tamper('DROP TRIGGER decision_log_no_update', `UPDATE decision_log SET payload = '{"modules":[]}' WHERE sequence = 2`);
    const text = omni('audit', 'verify');
    expect(text.code).toBe(8);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`error [CHAIN_BROKEN]: the decision log is broken at record 2 (${changed.id}): its content was changed after it was written`);
    const json = omni('audit', 'verify', '--json');
    expect(json.code).toBe(8);
    expect(JSON.parse(json.stdout)).toEqual({
      intact: false,
      records: 4,
      brokenAt: { sequence: 2, id: changed.id, problem: 'its content was changed after it was written: it no longer matches its hash' },
    });
    // The record can still be shown: the log is evidence, not something to hide.
    expect(omni('audit', 'show', changed.id).code).toBe(0);
  });
});
