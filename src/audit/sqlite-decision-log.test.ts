import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import type { DecisionInput, DecisionRecord } from '../domain/decision-record.ts';
import { migrations } from '../store/migrations.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { decisionHash, decisionHashText, GENESIS_HASH, isDecisionId, SqliteDecisionLog } from './sqlite-decision-log.ts';

let directory: string;
let path: string;
let store: SqliteStore;
let log: SqliteDecisionLog;
let clock: number;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-decision-log-'));
  path = join(directory, 'omni.db');
  store = openSqliteStore(path);
  clock = Date.parse('2026-11-20T09:00:00.000Z');
  log = new SqliteDecisionLog(store.database, { now: () => new Date((clock += 1_000)) });
});

afterEach(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

function recommendation(index: number, extra: Partial<DecisionInput> = {}): DecisionInput {
  return {
    kind: 'recommendation',
    actorId: 'u-rep-ne-1',
    hcpId: `hcp-${String(index).padStart(6, '0')}`,
    refersTo: null,
    payload: {
      action: { kind: 'email', channel: 'email', modules: [{ id: 'cm-keytruda-webinar-follow-up', version: 2 }] },
      score: 1.25 + index,
      signals: [
        { kind: 'dead_end', value: 1, weight: 0.8, contribution: 0.8, evidence: [`int-${index}`] },
        { kind: 'fatigue', value: 2, weight: -0.1, contribution: -0.2, evidence: [] },
      ],
      consent: { email: { status: 'granted', recordId: `con-${index}` } },
    },
    ...extra,
  };
}

function appendMany(count: number): DecisionRecord[] {
  const records: DecisionRecord[] = [];
  for (let index = 1; index <= count; index++) records.push(log.append(recommendation(index)));
  return records;
}

/** Raw SQL on the file, as someone with a SQLite shell would do it. */
function tamper(sql: string, ...parameters: unknown[]): void {
  store.database.prepare(sql).run(...parameters);
}

function rowAt(sequence: number): Record<string, unknown> {
  return store.database.prepare('SELECT * FROM decision_log WHERE sequence = ?').get(sequence) as Record<string, unknown>;
}

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('SqliteDecisionLog: appending', () => {
  it('chains every record to the one before it, and a long chain verifies', () => {
    expect(log.verify()).toEqual({ intact: true, records: 0, lastHash: GENESIS_HASH });
    const records = appendMany(1_000);
    expect(records.map((record) => record.sequence)).toEqual(records.map((_, index) => index + 1));
    expect(records[0]!.previousHash).toBe(GENESIS_HASH);
    for (let index = 1; index < records.length; index++) expect(records[index]!.previousHash).toBe(records[index - 1]!.hash);
    expect(new Set(records.map((record) => record.hash)).size).toBe(records.length);
    expect(log.count()).toBe(1_000);
    expect(log.verify()).toEqual({ intact: true, records: 1_000, lastHash: records.at(-1)!.hash });
  });

  it('hashes the canonical JSON of every field but the hash, previous hash included', () => {
    const record = log.append(recommendation(7));
    const { hash, ...rest } = record;
    expect(hash).toBe(sha256Hex(canonicalJson(rest)));
    expect(decisionHashText(rest, canonicalJson(rest.payload))).toBe(canonicalJson(rest));
    expect(decisionHash({ ...rest, previousHash: 'f'.repeat(64) }, canonicalJson(rest.payload))).not.toBe(hash);
    const stored = rowAt(1);
    expect(stored).toMatchObject({ id: record.id, kind: 'recommendation', actor_id: 'u-rep-ne-1', hcp_id: 'hcp-000007', refers_to: null, hash });
  });

  it('takes the time from the injected clock and gives unique, time-sortable ids', () => {
    const first = log.append(recommendation(1));
    const second = log.append(recommendation(2));
    expect(first.recordedAt).toBe('2026-11-20T09:00:01.000Z');
    expect(second.recordedAt).toBe('2026-11-20T09:00:02.000Z');
    for (const record of [first, second]) {
      expect(record.id).toMatch(/^dec-[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(isDecisionId(record.id)).toBe(true);
    }
    expect(first.id < second.id).toBe(true);
    const many = appendMany(300).map((record) => record.id);
    expect(new Set(many).size).toBe(300);
  });

  it('keeps the payload byte for byte: the stored text is the canonical JSON that was hashed', () => {
    const payload = {
      zeta: 'last key first',
      text: 'quotes " and \\ backslashes, tab\t, newline\n, NUL \u0000, emoji 😀, lone surrogate \ud800, RTL \u202e, C1 \u009b',
      numbers: [0, 1.5, 0.1, 1e21, 1e-7, -42, Number.MAX_SAFE_INTEGER, 5e-324],
      nested: { b: [true, false, null], a: { '': 'empty key', 'ü': 'umlaut' } },
      signals: Array.from({ length: 10 }, (_, index) => ({ kind: `s${index}`, value: index / 3, weight: 0.1 * index })),
    };
    const record = log.append({ kind: 'draft', actorId: 'u-rep-ne-1', hcpId: 'hcp-000001', refersTo: null, payload });
    const storedText = store.database.prepare('SELECT payload FROM decision_log WHERE id = ?').pluck().get(record.id) as string;
    expect(storedText).toBe(canonicalJson(payload));
    const read = log.get(record.id)!;
    expect(read).toEqual(record);
    expect(read.payload).toEqual(payload);
    expect(canonicalJson(read.payload)).toBe(storedText);
    expect(Buffer.from(canonicalJson(read.payload), 'utf8').equals(Buffer.from(canonicalJson(payload), 'utf8'))).toBe(true);
    expect(log.verify().intact).toBe(true);
  });

  it('finds records by id and by the record they refer to, oldest first', () => {
    const recommended = log.append(recommendation(1));
    log.append(recommendation(2));
    const snoozed = log.append({ kind: 'feedback', actorId: 'u-rep-ne-1', hcpId: 'hcp-000001', refersTo: recommended.id, payload: { verdict: 'snooze', reason: 'on leave' } });
    const accepted = log.append({ kind: 'feedback', actorId: 'u-rep-ne-1', hcpId: 'hcp-000001', refersTo: recommended.id, payload: { verdict: 'accept' } });
    expect(log.get(recommended.id)).toEqual(recommended);
    expect(log.get('dec-00000000000000000000000000')).toBeUndefined();
    expect(log.referringTo(recommended.id)).toEqual([snoozed, accepted]);
    expect(log.referringTo(snoozed.id)).toEqual([]);
    expect(log.count()).toBe(4);
    const plan = log.append({ kind: 'plan', actorId: 'u-rep-ne-1', hcpId: null, refersTo: null, payload: { hcps: [] } });
    expect(log.get(plan.id)?.hcpId).toBeNull();
  });

  it('lists the records of one kind from a moment on, oldest first', () => {
    const first = log.append({ kind: 'adverse_event_intake', actorId: 'u-rep-ne-1', hcpId: null, refersTo: null, payload: { event: 'rash' } });
    log.append(recommendation(1));
    const second = log.append({ kind: 'adverse_event_intake', actorId: 'u-msl-ne', hcpId: 'hcp-000001', refersTo: null, payload: { event: 'jaundice' } });
    expect(log.ofKind('adverse_event_intake')).toEqual([first, second]);
    expect(log.ofKind('adverse_event_intake', { since: second.recordedAt })).toEqual([second]);
    expect(log.ofKind('adverse_event_intake', { since: '2099-01-01' })).toEqual([]);
    expect(log.ofKind('plan')).toEqual([]);
    expect(log.verify()).toMatchObject({ intact: true, records: 3 });
  });

  it('refuses bad input before writing anything', () => {
    log.append(recommendation(1));
    const cases: [unknown, RegExp][] = [
      [{ ...recommendation(2), kind: 'nudge' }, /kind must be one of recommendation, plan, draft, content_suggestion, feedback/],
      [{ ...recommendation(2), actorId: ' ' }, /actorId must be a user id/],
      [{ ...recommendation(2), payload: [] }, /payload must be a JSON object/],
      [{ ...recommendation(2), payload: { score: NaN } }, /\$\.score is NaN/],
      [{ ...recommendation(2), payload: { signals: [{ weight: undefined }] } }, /\$\.signals\[0\]\.weight is undefined/],
    ];
    for (const [input, message] of cases) {
      const error = caught(() => log.append(input as DecisionInput));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_INPUT');
      expect((error as AppError).message).toMatch(message);
    }
    const unknown = caught(() => log.append({ ...recommendation(2), kind: 'feedback', refersTo: 'dec-NOPE' }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'no decision record "dec-NOPE" to refer to' });
    expect(log.count()).toBe(1);
    expect(log.verify().intact).toBe(true);
  });
});

describe('SqliteDecisionLog: appending a batch (appendMany)', () => {
  it('writes the records in order, chained to what came before and to each other, as append would', () => {
    const before = log.append(recommendation(1));
    const batch = log.appendMany([2, 3, 4, 5].map((index) => recommendation(index)));
    const after = log.append(recommendation(6));
    expect(batch.map((record) => record.sequence)).toEqual([2, 3, 4, 5]);
    expect(batch.map((record) => record.hcpId)).toEqual(['hcp-000002', 'hcp-000003', 'hcp-000004', 'hcp-000005']);
    expect(batch[0]!.previousHash).toBe(before.hash);
    for (let index = 1; index < batch.length; index++) expect(batch[index]!.previousHash).toBe(batch[index - 1]!.hash);
    expect(after.previousHash).toBe(batch.at(-1)!.hash);
    for (const record of batch) {
      const { hash, ...rest } = record;
      expect(hash).toBe(sha256Hex(canonicalJson(rest)));
      expect(log.get(record.id)).toEqual(record);
    }
    expect(log.verify()).toEqual({ intact: true, records: 6, lastHash: after.hash });
    expect(log.appendMany([])).toEqual([]);
    expect(log.count()).toBe(6);
  });

  it('writes all or nothing: a bad input, a missing record referred to or a refused INSERT leaves the log as it was', () => {
    const [first] = appendMany(2);
    const good = [3, 4, 5].map((index) => recommendation(index));
    const cases: [DecisionInput[], string][] = [
      [[good[0]!, { ...recommendation(9), payload: { score: Infinity } }, good[1]!], 'INVALID_INPUT'],
      [[good[0]!, { ...recommendation(9), kind: 'feedback', refersTo: 'dec-NOPE' }], 'NOT_FOUND'],
    ];
    for (const [inputs, code] of cases) expect(caught(() => log.appendMany(inputs))).toMatchObject({ code });
    expect(log.count()).toBe(2);
    // The third INSERT of the batch is refused: the two before it are rolled back with it.
    tamper(`CREATE TRIGGER refuse_fifth BEFORE INSERT ON decision_log WHEN NEW.sequence = 5 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const error = caught(() => log.appendMany([...good, { ...recommendation(6), kind: 'feedback', refersTo: first!.id }]));
    expect(error).toMatchObject({ code: 'STORE_FAILURE', message: 'the decision log could not be written' });
    expect(log.count()).toBe(2);
    expect(store.database.inTransaction).toBe(false);
    tamper('DROP TRIGGER refuse_fifth');
    const written = log.appendMany(good);
    expect(written.map((record) => record.sequence)).toEqual([3, 4, 5]);
    expect(log.verify()).toEqual({ intact: true, records: 5, lastHash: written.at(-1)!.hash });
  });

  it('returns records whose payload reads as the stored canonical JSON does (parsed on first read)', () => {
    const payload = { zeta: -0, alpha: { b: [1, { d: 'x', c: null }], a: true } };
    const [record] = log.appendMany([{ kind: 'plan', actorId: 'u-mgr-1', hcpId: null, refersTo: null, payload }]);
    expect(Object.keys(record!.payload)).toEqual(['alpha', 'zeta']);
    expect(Object.is(record!.payload.zeta, 0)).toBe(true);
    expect(record!.payload).toBe(record!.payload);
    expect(record).toEqual(log.get(record!.id));
    expect(JSON.parse(JSON.stringify(record))).toEqual(log.get(record!.id));
    expect({ ...record! }.payload).toEqual({ alpha: { a: true, b: [1, { c: null, d: 'x' }] }, zeta: 0 });
    // The caller's object is not the record's.
    payload.alpha.a = false;
    expect(record!.payload).toMatchObject({ alpha: { a: true } });
  });
});

describe('SqliteDecisionLog: the database refuses changes', () => {
  it('refuses UPDATE and DELETE through triggers, whatever the statement', () => {
    appendMany(3);
    const attempts: [string, RegExp][] = [
      ["UPDATE decision_log SET payload = '{}' WHERE sequence = 2", /append-only: records cannot be updated/],
      ['UPDATE decision_log SET sequence = sequence + 10', /append-only: records cannot be updated/],
      ['DELETE FROM decision_log WHERE sequence = 3', /append-only: records cannot be deleted/],
      ['DELETE FROM decision_log', /append-only: records cannot be deleted/],
    ];
    for (const [sql, message] of attempts) {
      const error = caught(() => tamper(sql));
      expect(error).toBeInstanceOf(Database.SqliteError);
      expect((error as InstanceType<typeof Database.SqliteError>).code).toBe('SQLITE_CONSTRAINT_TRIGGER');
      expect((error as Error).message).toMatch(message);
    }
    expect(log.count()).toBe(3);
    expect(log.verify().intact).toBe(true);
  });

  it('refuses an INSERT that does not extend the chain, including INSERT OR REPLACE (which deletes without a DELETE trigger)', () => {
    const [first, second] = appendMany(2);
    const row = rowAt(2);
    const attempts = [
      // Replacing record 1 by its sequence, or by its id with a fresh sequence.
      () => tamper('INSERT OR REPLACE INTO decision_log SELECT 1, id, kind, actor_id, hcp_id, refers_to, recorded_at, payload, previous_hash, hash FROM decision_log WHERE sequence = 2'),
      () => tamper('INSERT OR REPLACE INTO decision_log SELECT 3, ?, kind, actor_id, hcp_id, refers_to, recorded_at, payload, ?, hash FROM decision_log WHERE sequence = 2', first!.id, second!.hash),
      // A record that skips a sequence number, or names the wrong previous hash.
      () => tamper('INSERT INTO decision_log VALUES (5, ?, ?, ?, ?, ?, ?, ?, ?, ?)', 'dec-X', row.kind, row.actor_id, row.hcp_id, null, row.recorded_at, row.payload, second!.hash, row.hash),
      () => tamper('INSERT INTO decision_log VALUES (3, ?, ?, ?, ?, ?, ?, ?, ?, ?)', 'dec-Y', row.kind, row.actor_id, row.hcp_id, null, row.recorded_at, row.payload, first!.hash, row.hash),
    ];
    for (const attempt of attempts) expect(caught(attempt)).toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: expect.stringMatching(/must extend the chain/) });
    expect(log.count()).toBe(2);
    expect(log.get(first!.id)).toEqual(first);
    expect(log.verify()).toEqual({ intact: true, records: 2, lastHash: second!.hash });
  });
});

describe('SqliteDecisionLog: verify names the first broken record', () => {
  const dropTriggers = () => {
    tamper('DROP TRIGGER decision_log_no_update');
    tamper('DROP TRIGGER decision_log_no_delete');
  };

  it('(a) a record whose content was changed', () => {
    const records = appendMany(10);
    dropTriggers();
    tamper('UPDATE decision_log SET payload = ? WHERE sequence = 5', canonicalJson({ ...records[4]!.payload, score: 99 }));
    expect(log.verify()).toEqual({
      intact: false,
      records: 10,
      brokenAt: { sequence: 5, id: records[4]!.id, problem: 'its content was changed after it was written: it no longer matches its hash' },
    });
  });

  it('(a) a change to any field is caught: actor, HCP, time, kind', () => {
    const records = appendMany(6);
    dropTriggers();
    const changes: [string, unknown][] = [
      ['actor_id', 'u-rep-mw-1'],
      ['hcp_id', 'hcp-000999'],
      ['recorded_at', '2026-01-01T00:00:00.000Z'],
      ['kind', 'draft'],
      ['refers_to', records[0]!.id],
    ];
    for (const [column, value] of changes) {
      const before = rowAt(4)[column];
      tamper(`UPDATE decision_log SET ${column} = ? WHERE sequence = 4`, value);
      expect(log.verify(), column).toMatchObject({ intact: false, brokenAt: { sequence: 4, id: records[3]!.id, problem: expect.stringMatching(/content was changed/) } });
      tamper(`UPDATE decision_log SET ${column} = ? WHERE sequence = 4`, before);
      expect(log.verify().intact).toBe(true);
    }
    // The id is hashed too; the record is then named by its new id.
    tamper("UPDATE decision_log SET id = 'dec-FORGED' WHERE sequence = 2");
    expect(log.verify()).toMatchObject({ intact: false, brokenAt: { sequence: 2, id: 'dec-FORGED' } });
  });

  it('(b) a deleted record: the one after the gap is named', () => {
    const records = appendMany(10);
    dropTriggers();
    tamper('DELETE FROM decision_log WHERE sequence = 5');
    expect(log.verify()).toEqual({
      intact: false,
      records: 9,
      brokenAt: { sequence: 6, id: records[5]!.id, problem: 'record 5 is missing (deleted): the sequence jumps from 4 to 6' },
    });
    tamper('DELETE FROM decision_log WHERE sequence IN (6, 7)');
    expect(log.verify()).toMatchObject({ brokenAt: { sequence: 8, id: records[7]!.id, problem: 'records 5 to 7 are missing (deleted): the sequence jumps from 4 to 8' } });
  });

  it('(b) the first record deleted, or records cut from the end', () => {
    const records = appendMany(6);
    dropTriggers();
    tamper('DELETE FROM decision_log WHERE sequence = 1');
    expect(log.verify()).toMatchObject({ intact: false, brokenAt: { sequence: 2, id: records[1]!.id, problem: 'record 1 is missing (deleted): the sequence jumps from 0 to 2' } });
    tamper('DELETE FROM decision_log');
    expect(log.verify()).toEqual({
      intact: false,
      records: 0,
      brokenAt: { sequence: 1, id: null, problem: 'records 1 to 6 are missing from the end of the log (deleted): 6 records were written' },
    });
  });

  it('(b) the last record deleted', () => {
    appendMany(6);
    dropTriggers();
    tamper('DELETE FROM decision_log WHERE sequence = 6');
    expect(log.verify()).toEqual({
      intact: false,
      records: 5,
      brokenAt: { sequence: 6, id: null, problem: 'record 6 is missing from the end of the log (deleted): 6 records were written' },
    });
  });

  it('(b) a deleted record with the later ones renumbered to close the gap', () => {
    const records = appendMany(8);
    dropTriggers();
    tamper('DELETE FROM decision_log WHERE sequence = 4');
    for (let sequence = 5; sequence <= 8; sequence++) tamper('UPDATE decision_log SET sequence = ? WHERE sequence = ?', sequence - 1, sequence);
    tamper("UPDATE sqlite_sequence SET seq = 7 WHERE name = 'decision_log'");
    expect(log.verify()).toMatchObject({
      intact: false,
      brokenAt: { sequence: 4, id: records[4]!.id, problem: expect.stringMatching(/not chained to record 3: a record before it was deleted, or it was moved or changed/) },
    });
  });

  it('(c) reordered records: two swapped, far apart or next to each other', () => {
    const records = appendMany(10);
    dropTriggers();
    const swap = (a: number, b: number) => {
      tamper('UPDATE decision_log SET sequence = -1 WHERE sequence = ?', a);
      tamper('UPDATE decision_log SET sequence = ? WHERE sequence = ?', a, b);
      tamper('UPDATE decision_log SET sequence = ? WHERE sequence = -1', b);
    };
    swap(3, 7);
    expect(log.verify()).toEqual({
      intact: false,
      records: 10,
      brokenAt: { sequence: 3, id: records[6]!.id, problem: 'it is out of order: it was written as record 7 and now sits at 3' },
    });
    swap(3, 7);
    expect(log.verify().intact).toBe(true);
    swap(5, 6);
    expect(log.verify()).toMatchObject({ brokenAt: { sequence: 5, id: records[5]!.id, problem: 'it is out of order: it was written as record 6 and now sits at 5' } });
    swap(5, 6);
    swap(1, 2);
    expect(log.verify()).toMatchObject({ brokenAt: { sequence: 1, id: records[1]!.id, problem: 'it is out of order: it was written as record 2 and now sits at 1' } });
  });

  it('(d) a forged hash: replaced outright, or recomputed after a change', () => {
    const records = appendMany(10);
    dropTriggers();
    tamper('UPDATE decision_log SET hash = ? WHERE sequence = 4', 'f'.repeat(64));
    expect(log.verify()).toEqual({
      intact: false,
      records: 10,
      brokenAt: { sequence: 4, id: records[3]!.id, problem: 'its stored hash was replaced (ffffffffffff…): the record still matches the hash the next record was chained to' },
    });
    tamper('UPDATE decision_log SET hash = ? WHERE sequence = 4', records[3]!.hash);
    expect(log.verify().intact).toBe(true);

    // Change record 6 and give it the hash its new content would have: it checks out on its own,
    // but record 7 was chained to the old hash.
    const changed = { ...records[5]!, payload: { ...records[5]!.payload, score: 0 } };
    const forged = decisionHash(changed, canonicalJson(changed.payload));
    tamper('UPDATE decision_log SET payload = ?, hash = ? WHERE sequence = 6', canonicalJson(changed.payload), forged);
    expect(log.verify()).toMatchObject({
      intact: false,
      brokenAt: { sequence: 6, id: records[5]!.id, problem: expect.stringMatching(/^it was changed and its hash recomputed: record 7 was chained to a different hash/) },
    });
  });

  it('(d) a forged last record is caught only against a hash kept elsewhere: verify reports the last hash for that', () => {
    const records = appendMany(3);
    const kept = log.verify();
    dropTriggers();
    const changed = { ...records[2]!, payload: { score: 0 } };
    tamper('UPDATE decision_log SET payload = ?, hash = ? WHERE sequence = 3', canonicalJson(changed.payload), decisionHash(changed, canonicalJson(changed.payload)));
    const now = log.verify();
    expect(now.intact).toBe(true);
    expect(now).not.toEqual(kept);
  });

  it('a forged first record that does not start from 64 zeros', () => {
    appendMany(1);
    dropTriggers();
    const row = rowAt(1);
    const fields = { sequence: 1, id: String(row.id), kind: 'recommendation', actorId: 'x', hcpId: null, refersTo: null, recordedAt: String(row.recorded_at), previousHash: 'a'.repeat(64) };
    tamper('UPDATE decision_log SET actor_id = ?, hcp_id = NULL, previous_hash = ?, hash = ? WHERE sequence = 1', 'x', fields.previousHash, decisionHash(fields, String(row.payload)));
    expect(log.verify()).toMatchObject({ brokenAt: { sequence: 1, id: row.id, problem: 'the first record does not start the chain: its previous hash is not 64 zeros' } });
  });
});

describe('SqliteDecisionLog: a failed write', () => {
  it('throws STORE_FAILURE without SQL text and leaves the log as it was (a trigger that aborts the INSERT)', () => {
    const [first] = appendMany(2);
    tamper("CREATE TRIGGER refuse_everything BEFORE INSERT ON decision_log BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const error = caught(() => log.append(recommendation(3)));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'STORE_FAILURE', message: 'the decision log could not be written' });
    expect((error as AppError).message).not.toMatch(/INSERT|disk on fire|decision_log\b/);
    expect(((error as AppError).cause as Error).message).toBe('disk on fire');
    const feedback = caught(() => log.append({ ...recommendation(3), kind: 'feedback', refersTo: first!.id }));
    expect(feedback).toMatchObject({ code: 'STORE_FAILURE' });
    expect(log.count()).toBe(2);
    expect(store.database.inTransaction).toBe(false);
    tamper('DROP TRIGGER refuse_everything');
    const third = log.append(recommendation(3));
    expect(third.sequence).toBe(3);
    expect(log.verify()).toEqual({ intact: true, records: 3, lastHash: third.hash });
  });

  it('throws STORE_FAILURE on a read-only connection', () => {
    appendMany(2);
    const readOnly = new Database(path, { readonly: true });
    try {
      const reader = new SqliteDecisionLog(readOnly);
      const error = caught(() => reader.append(recommendation(3)));
      expect(error).toMatchObject({ code: 'STORE_FAILURE', message: 'the decision log could not be written' });
      expect(((error as AppError).cause as { code?: string }).code).toMatch(/^SQLITE_READONLY/);
      expect(reader.count()).toBe(2);
      expect(reader.verify().intact).toBe(true);
    } finally {
      readOnly.close();
    }
    expect(log.count()).toBe(2);
  });

  it('throws STORE_FAILURE when the database has no decision log', () => {
    const bare = new Database(':memory:');
    try {
      expect(caught(() => new SqliteDecisionLog(bare))).toMatchObject({ code: 'STORE_FAILURE', message: 'the decision log is not available in this database' });
    } finally {
      bare.close();
    }
  });
});

describe('SqliteDecisionLog: several writers', () => {
  it('two connections appending in turn form one chain (no cached head)', () => {
    const other = openSqliteStore(path);
    try {
      const second = new SqliteDecisionLog(other.database);
      for (let index = 0; index < 100; index++) {
        log.append(recommendation(index, { actorId: 'u-rep-ne-1' }));
        second.append(recommendation(index, { actorId: 'u-rep-ne-2' }));
      }
      expect(second.count()).toBe(200);
      expect(second.verify()).toMatchObject({ intact: true, records: 200 });
      expect(log.verify()).toEqual(second.verify());
    } finally {
      other.close();
    }
  });

  it('two processes appending at the same time form one valid chain (IMMEDIATE transactions)', async () => {
    const perProcess = 1_500;
    const moduleUrl = new URL('./sqlite-decision-log.ts', import.meta.url).href;
    const storeUrl = new URL('../store/sqlite-store.ts', import.meta.url).href;
    const script = `
      import { register } from 'tsx/esm/api';
      import { createInterface } from 'node:readline';
      register();
      const { SqliteDecisionLog } = await import(${JSON.stringify(moduleUrl)});
      const { openSqliteStore } = await import(${JSON.stringify(storeUrl)});
      const [path, actor, count] = process.argv.slice(-3);
      const store = openSqliteStore(path);
      const log = new SqliteDecisionLog(store.database);
      process.stdout.write('ready\\n');
      await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
      for (let index = 0; index < Number(count); index++) {
        log.append({ kind: 'recommendation', actorId: actor, hcpId: 'hcp-000001', refersTo: null, payload: { index, actor } });
      }
      store.close();
      process.stdout.write('done\\n');
      process.exit(0);
    `;
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const start = (actor: string) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, path, actor, String(perProcess)], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => stdout.includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`exited early (${code}): ${stderr}`)));
      });
      const finished = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
      return { child, ready, finished, stdout: () => stdout };
    };
    const writers = [start('u-proc-a'), start('u-proc-b')];
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.child.stdin.write('go\n');
    const results = await Promise.all(writers.map((writer) => writer.finished));
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    expect(log.count()).toBe(2 * perProcess);
    expect(log.verify()).toMatchObject({ intact: true, records: 2 * perProcess });
    const actors = store.database.prepare('SELECT actor_id FROM decision_log ORDER BY sequence').pluck().all() as string[];
    // Each writer's records keep their own order, and the two were interleaved in the one chain.
    for (const actor of ['u-proc-a', 'u-proc-b']) {
      const indexes = (store.database.prepare('SELECT payload FROM decision_log WHERE actor_id = ? ORDER BY sequence').pluck().all(actor) as string[]).map((text) => JSON.parse(text).index);
      expect(indexes).toEqual(Array.from({ length: perProcess }, (_, index) => index));
    }
    const switches = actors.filter((actor, index) => index > 0 && actor !== actors[index - 1]).length;
    expect(switches).toBeGreaterThan(0);
  });
});

describe('migration 4', () => {
  it('adds the decision log to an existing version-3 database and leaves the other tables alone', () => {
    const older = join(directory, 'v3.db');
    const database = new Database(older);
    for (const migration of migrations.slice(0, 3)) database.exec(migration);
    database.pragma('user_version = 3');
    database.prepare("INSERT INTO users (id, name, role) VALUES ('u-1', 'Ann', 'rep')").run();
    database.close();
    const upgraded = openSqliteStore(older);
    try {
      expect(upgraded.database.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(upgraded.users.list().map((user) => user.id)).toEqual(['u-1']);
      const upgradedLog = new SqliteDecisionLog(upgraded.database);
      const record = upgradedLog.append(recommendation(1));
      expect(upgradedLog.verify()).toEqual({ intact: true, records: 1, lastHash: record.hash });
      const triggers = upgraded.database.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'decision_log' ORDER BY name").pluck().all();
      expect(triggers).toEqual(['decision_log_append_only', 'decision_log_no_delete', 'decision_log_no_update']);
    } finally {
      upgraded.close();
    }
  });
});
