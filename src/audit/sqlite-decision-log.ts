import { randomFillSync } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError, isAppError } from '../core/app-error.ts';
import {
  DecisionKind,
  type ChainVerification,
  type DecisionInput,
  type DecisionLog,
  type DecisionRecord,
} from '../domain/decision-record.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';

/** The previous hash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

const WRITE_FAILED = 'the decision log could not be written';

interface Row {
  sequence: number;
  id: string;
  kind: string;
  actor_id: string;
  hcp_id: string | null;
  refers_to: string | null;
  recorded_at: string;
  payload: string;
  previous_hash: string;
  hash: string;
}

/** Every field of a record but its hash, with the payload as the canonical JSON text stored. */
export interface HashedFields {
  sequence: number;
  id: string;
  kind: string;
  actorId: string;
  hcpId: string | null;
  refersTo: string | null;
  recordedAt: string;
  previousHash: string;
}

/**
 * The text a record's hash is taken over: canonicalJson({actorId, hcpId, id, kind, payload,
 * previousHash, recordedAt, refersTo, sequence}), built directly from the stored payload text (which
 * is already canonical), so verify never parses a payload. The tests hold it equal to canonicalJson.
 */
export function decisionHashText(fields: HashedFields, payloadJson: string): string {
  const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  return (
    `{"actorId":${text(fields.actorId)},"hcpId":${text(fields.hcpId)},"id":${text(fields.id)},"kind":${text(fields.kind)},` +
    `"payload":${payloadJson},"previousHash":${text(fields.previousHash)},"recordedAt":${text(fields.recordedAt)},` +
    `"refersTo":${text(fields.refersTo)},"sequence":${JSON.stringify(fields.sequence)}}`
  );
}

export function decisionHash(fields: HashedFields, payloadJson: string): string {
  return sha256Hex(decisionHashText(fields, payloadJson));
}

const rowFields = (row: Row, sequence = row.sequence): HashedFields => ({
  sequence,
  id: row.id,
  kind: row.kind,
  actorId: row.actor_id,
  hcpId: row.hcp_id,
  refersTo: row.refers_to,
  recordedAt: row.recorded_at,
  previousHash: row.previous_hash,
});

const rowHash = (row: Row, sequence = row.sequence): string => decisionHash(rowFields(row, sequence), row.payload);

// Ids: "dec-" + 10 characters of millisecond time + 16 random ones (80 bits), Crockford base32 as
// in ULID, so ids sort by the time they were made.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomPool = Buffer.alloc(16 * 256);
let randomOffset = randomPool.length;

export function newDecisionId(milliseconds: number): string {
  let time = '';
  let rest = Math.max(0, Math.floor(milliseconds));
  for (let index = 0; index < 10; index++) {
    time = BASE32[rest % 32]! + time;
    rest = Math.floor(rest / 32);
  }
  if (randomOffset + 16 > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  let random = '';
  for (let index = 0; index < 16; index++) random += BASE32[randomPool[randomOffset + index]! & 31]!;
  randomOffset += 16;
  return `dec-${time}${random}`;
}

const DECISION_ID = /^dec-[0-9A-HJKMNP-TV-Z]{26}$/;
const KINDS: ReadonlySet<unknown> = new Set(DecisionKind.options);

function checkInput(input: DecisionInput): void {
  const problems: string[] = [];
  if (input === null || typeof input !== 'object') throw new AppError('INVALID_INPUT', 'a decision record needs kind, actorId, hcpId, refersTo and payload');
  if (!KINDS.has(input.kind)) problems.push(`kind must be one of ${DecisionKind.options.join(', ')}`);
  if (typeof input.actorId !== 'string' || input.actorId.trim() === '') problems.push('actorId must be a user id');
  if (input.hcpId !== null && (typeof input.hcpId !== 'string' || input.hcpId.trim() === '')) problems.push('hcpId must be an HCP id or null');
  if (input.refersTo !== null && (typeof input.refersTo !== 'string' || input.refersTo.trim() === '')) problems.push('refersTo must be a decision id or null');
  if (input.payload === null || typeof input.payload !== 'object' || Array.isArray(input.payload)) problems.push('payload must be a JSON object');
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `invalid decision record: ${problems.join('; ')}`, { details: { problems } });
}

function toRecord(row: Row): DecisionRecord {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch (error) {
    throw new AppError('STORE_FAILURE', `decision record ${row.id} is damaged (run omni audit verify)`, { cause: error });
  }
  return {
    id: row.id,
    sequence: row.sequence,
    kind: row.kind as DecisionKind,
    actorId: row.actor_id,
    hcpId: row.hcp_id,
    refersTo: row.refers_to,
    recordedAt: row.recorded_at,
    payload,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

const COLUMNS = 'sequence, id, kind, actor_id, hcp_id, refers_to, recorded_at, payload, previous_hash, hash';

/** An input ready to be written: checked, its payload in canonical JSON, its id and time assigned. */
interface PreparedEntry {
  input: DecisionInput;
  payloadJson: string;
  id: string;
  recordedAt: string;
}

/**
 * The record as written. Its payload is parsed back from the canonical text on first read, not
 * during the append: callers mostly want the id, and the parse was a tenth of an append's time
 * (npm run bench). A plain object all the same, equal to what get() reads later.
 */
function appendedRecord(fields: Omit<DecisionRecord, 'payload' | 'hash'>, payloadJson: string, hash: string): DecisionRecord {
  const record = { ...fields, hash } as DecisionRecord;
  let payload: Record<string, unknown> | undefined;
  return Object.defineProperty(record, 'payload', {
    enumerable: true,
    configurable: true,
    get: () => (payload ??= JSON.parse(payloadJson) as Record<string, unknown>),
    set: (value: Record<string, unknown>) => {
      payload = value;
    },
  });
}

/**
 * The decision log in SQLite (table decision_log, migration 4). Every append runs in its own
 * IMMEDIATE transaction: it takes the write lock before reading the last hash, so appends from other
 * connections or processes queue behind it (busy_timeout) and the chain stays one line. Nothing is
 * cached between appends for the same reason.
 */
export class SqliteDecisionLog implements DecisionLog {
  private readonly now: () => Date;
  private readonly statements;
  private readonly appendImmediate: (entries: readonly PreparedEntry[]) => DecisionRecord[];
  private readonly verifySnapshot: () => ChainVerification;

  constructor(
    private readonly database: Database.Database,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    try {
      this.statements = {
        last: database.prepare('SELECT sequence, hash FROM decision_log ORDER BY sequence DESC LIMIT 1'),
        insert: database.prepare(
          `INSERT INTO decision_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        byId: database.prepare(`SELECT ${COLUMNS} FROM decision_log WHERE id = ?`),
        exists: database.prepare('SELECT 1 FROM decision_log WHERE id = ?').pluck(),
        referringTo: database.prepare(`SELECT ${COLUMNS} FROM decision_log WHERE refers_to = ? ORDER BY sequence`),
        // decision_log_by_kind_time (migration 8) finds the rows; few records are of the rarer kinds.
        ofKind: database.prepare(`SELECT ${COLUMNS} FROM decision_log WHERE kind = ? AND recorded_at >= ? ORDER BY recorded_at, sequence`),
        walk: database.prepare(`SELECT ${COLUMNS} FROM decision_log ORDER BY sequence`),
        byHash: database.prepare(`SELECT ${COLUMNS} FROM decision_log WHERE hash = ? LIMIT 1`),
        count: database.prepare('SELECT count(*) FROM decision_log').pluck(),
        highestWritten: database.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'decision_log'").pluck(),
      };
    } catch (error) {
      throw new AppError('STORE_FAILURE', 'the decision log is not available in this database', { cause: error });
    }
    // The head of the chain is read once per transaction; each record then chains to the one before.
    const append = database.transaction((entries: readonly PreparedEntry[]): DecisionRecord[] => {
      let last = this.statements.last.get() as { sequence: number; hash: string } | undefined;
      const records: DecisionRecord[] = [];
      for (const { input, payloadJson, id, recordedAt } of entries) {
        if (input.refersTo !== null && this.statements.exists.get(input.refersTo) === undefined) {
          throw new AppError('NOT_FOUND', `no decision record "${input.refersTo}" to refer to`);
        }
        const fields: HashedFields = {
          sequence: (last?.sequence ?? 0) + 1,
          id,
          kind: input.kind,
          actorId: input.actorId,
          hcpId: input.hcpId,
          refersTo: input.refersTo,
          recordedAt,
          previousHash: last?.hash ?? GENESIS_HASH,
        };
        const hash = decisionHash(fields, payloadJson);
        const { sequence, kind, actorId, hcpId, refersTo, previousHash } = fields;
        this.statements.insert.run(sequence, id, kind, actorId, hcpId, refersTo, recordedAt, payloadJson, previousHash, hash);
        records.push(appendedRecord({ ...fields, kind: input.kind }, payloadJson, hash));
        last = { sequence, hash };
      }
      return records;
    });
    this.appendImmediate = (entries) => append.immediate(entries);
    // One read transaction: the walk, the count and the highest sequence come from one snapshot.
    const verify = database.transaction(() => this.walkChain());
    this.verifySnapshot = () => verify.deferred();
  }

  append(input: DecisionInput): DecisionRecord {
    return this.write([this.prepare(input)])[0]!;
  }

  /**
   * Appends records in order in one IMMEDIATE transaction (batch jobs: a nightly run over every HCP),
   * so the batch pays for one commit instead of one per record. All or nothing: every input is
   * checked before anything is written, and a failed write leaves none of them. Keep batches to a few
   * hundred records: other writers wait for the write lock meanwhile (busy_timeout).
   */
  appendMany(inputs: readonly DecisionInput[]): DecisionRecord[] {
    if (inputs.length === 0) return [];
    return this.write(inputs.map((input) => this.prepare(input)));
  }

  /** Checked, canonical and named before the transaction: a bad input never opens one. */
  private prepare(input: DecisionInput): PreparedEntry {
    checkInput(input);
    const payloadJson = canonicalJson(input.payload);
    const at = this.now();
    return { input, payloadJson, id: newDecisionId(at.getTime()), recordedAt: at.toISOString() };
  }

  private write(entries: readonly PreparedEntry[]): DecisionRecord[] {
    try {
      return this.appendImmediate(entries);
    } catch (error) {
      if (isAppError(error)) throw error;
      // Never the SQL text or SQLite's message: the cause keeps them for the log.
      throw new AppError('STORE_FAILURE', WRITE_FAILED, { cause: error });
    }
  }

  get(id: string): DecisionRecord | undefined {
    const row = this.read(() => this.statements.byId.get(id) as Row | undefined);
    return row ? toRecord(row) : undefined;
  }

  referringTo(id: string): DecisionRecord[] {
    return this.read(() => this.statements.referringTo.all(id) as Row[]).map(toRecord);
  }

  ofKind(kind: DecisionKind, options: { since?: string } = {}): DecisionRecord[] {
    return this.read(() => this.statements.ofKind.all(kind, options.since ?? '') as Row[]).map(toRecord);
  }

  count(): number {
    return this.read(() => this.statements.count.get() as number);
  }

  /**
   * Walks the chain in sequence order, one row at a time (memory does not grow with the log), and
   * stops at the first record that does not check out. Each record must: carry the next sequence
   * number (a gap is a deleted record); match its own hash (else it was changed, moved or its hash
   * replaced; the next record tells which); and chain to the hash of the record before it (a record
   * that matches its own hash but is chained to by a different one was rewritten with a recomputed
   * hash). Records cut from the end show against the highest sequence ever written (sqlite_sequence).
   * A chain recomputed from some record to the end cannot be told from an honest one by the chain
   * alone: keep the last hash somewhere else and compare. `records` is how many rows the log holds
   * (when broken, counted apart from the walk, which stops at the break).
   */
  verify(): ChainVerification {
    try {
      return this.verifySnapshot();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('STORE_FAILURE', 'the decision log could not be read', { cause: error });
    }
  }

  private walkChain(): ChainVerification {
    let previous: Row | undefined;
    let walked = 0;
    /** A record that does not match its own hash, held until the next one is read. */
    let mismatched: Row | undefined;
    let after: Row | undefined;
    let broken: { sequence: number; id: string | null; problem: string } | undefined;
    for (const row of this.statements.walk.iterate() as IterableIterator<Row>) {
      if (mismatched) {
        after = row;
        break;
      }
      const expected = (previous?.sequence ?? 0) + 1;
      if (row.sequence !== expected) {
        broken = { sequence: row.sequence, id: row.id, problem: sequenceProblem(expected, row.sequence) };
        break;
      }
      if (rowHash(row) !== row.hash) {
        mismatched = row;
        continue;
      }
      if (row.previous_hash !== (previous?.hash ?? GENESIS_HASH)) {
        broken = previous
          ? {
              sequence: previous.sequence,
              id: previous.id,
              problem: `it was changed and its hash recomputed: record ${row.sequence} was chained to a different hash (${short(row.previous_hash)}), not to this record's ${short(previous.hash)}`,
            }
          : { sequence: row.sequence, id: row.id, problem: 'the first record does not start the chain: its previous hash is not 64 zeros' };
        break;
      }
      previous = row;
      walked++;
    }
    const records = this.statements.count.get() as number;
    // The walk statement is finished here, so the connection can run the lookups below.
    if (mismatched) broken = this.explainMismatch(mismatched, previous, after);
    if (broken) return { intact: false, records, brokenAt: broken };
    const highest = (this.statements.highestWritten.get() as number | undefined) ?? 0;
    const last = previous?.sequence ?? 0;
    if (highest > last) {
      const missing = highest === last + 1 ? `record ${highest} is missing` : `records ${last + 1} to ${highest} are missing`;
      return {
        intact: false,
        records,
        brokenAt: { sequence: last + 1, id: null, problem: `${missing} from the end of the log (deleted): ${highest} records were written` },
      };
    }
    return { intact: true, records: walked, lastHash: previous?.hash ?? GENESIS_HASH };
  }

  private explainMismatch(row: Row, previous: Row | undefined, next: Row | undefined): { sequence: number; id: string; problem: string } {
    const at = { sequence: row.sequence, id: row.id };
    if (row.previous_hash === (previous?.hash ?? GENESIS_HASH)) {
      const recomputed = rowHash(row);
      if (next && next.previous_hash === recomputed) {
        return { ...at, problem: `its stored hash was replaced (${short(row.hash)}): the record still matches the hash the next record was chained to` };
      }
      return { ...at, problem: 'its content was changed after it was written: it no longer matches its hash' };
    }
    const written = this.writtenSequence(row, 0);
    if (written !== undefined && written !== row.sequence) {
      return { ...at, problem: `it is out of order: it was written as record ${written} and now sits at ${row.sequence}` };
    }
    return {
      ...at,
      problem: `it no longer matches its hash and is not chained to record ${previous?.sequence ?? 0}: a record before it was deleted, or it was moved or changed`,
    };
  }

  /**
   * The sequence a row was written with, when its hash says so: one more than the (written)
   * sequence of the record its previous hash names. Only on the failure path (a scan per step).
   */
  private writtenSequence(row: Row, depth: number): number | undefined {
    if (rowHash(row) === row.hash) return row.sequence;
    if (depth >= 8) return undefined;
    let predecessor: number | undefined;
    if (row.previous_hash === GENESIS_HASH) predecessor = 0;
    else {
      const before = this.statements.byHash.get(row.previous_hash) as Row | undefined;
      if (before) predecessor = this.writtenSequence(before, depth + 1);
    }
    if (predecessor === undefined) return undefined;
    return rowHash(row, predecessor + 1) === row.hash ? predecessor + 1 : undefined;
  }

  private read<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('STORE_FAILURE', 'the decision log could not be read', { cause: error });
    }
  }
}

function sequenceProblem(expected: number, found: number): string {
  if (found < expected) return `its sequence number ${found} is out of place: record ${expected} was expected here`;
  const missing = found === expected + 1 ? `record ${expected} is missing` : `records ${expected} to ${found - 1} are missing`;
  return `${missing} (deleted): the sequence jumps from ${expected - 1} to ${found}`;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

export const isDecisionId = (text: string): boolean => DECISION_ID.test(text);
