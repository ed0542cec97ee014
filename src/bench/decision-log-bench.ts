import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SeededRandom } from '../core/seeded-random.ts';
import type { DecisionInput } from '../domain/decision-record.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { decisionHash, GENESIS_HASH, newDecisionId, SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';

/**
 * The decision-log part of the benchmarks (issue 4):
 * - append rate: records written one at a time through SqliteDecisionLog.append, each in its own
 *   IMMEDIATE transaction, with realistic recommendation payloads (~1.5 KB of canonical JSON: the
 *   action, ten signals with value, weight, contribution and evidence ids, the consent snapshot,
 *   modules, weights, model and prompt versions), on a database opened as Omni opens it (WAL, synchronous NORMAL).
 *   Baseline in the same run: the same rows as plain autocommit INSERTs (JSON.stringify, no
 *   validation, no hashing, no chain) into a table of the same shape without triggers, in a database
 *   of its own. The two alternate in blocks, so a busy moment of the machine hits both.
 * - batched append rate, reported apart: the same kind of records through SqliteDecisionLog.appendMany,
 *   BATCH records per IMMEDIATE transaction (batch jobs such as a nightly NBA run; nothing of a batch
 *   is returned before its commit), against plain INSERTs of the same rows, BATCH per transaction.
 *   Blocks of both alternate with the single-record blocks.
 * - verify time: SqliteDecisionLog.verify over a log of 100,000 records (filled directly, with the
 *   log's own hash function), against a plain scan of the same rows that checks nothing.
 */

export const TARGET_APPENDS_PER_SECOND = 5_000;
export const DEFAULT_APPENDS = 20_000;
export const DEFAULT_VERIFY_RECORDS = 100_000;
const BLOCK = 1_000;
/** Records per transaction in the batched figures (as recommendForMany writes them). */
export const BATCH = 64;
const WARM_UP = 200;
const FILL_TRANSACTION_ROWS = 5_000;
/** Distinct payloads used to fill the verify log (hashes still differ: each covers sequence and id). */
const FILL_PAYLOADS = 1_000;

export interface DecisionLogBenchOptions {
  appends?: number;
  verifyRecords?: number;
}

export interface DecisionLogBenchResults {
  generatedAt: string;
  target: { appendsPerSecond: number };
  append: {
    records: number;
    meanPayloadBytes: number;
    seconds: number;
    recordsPerSecond: number;
    p50Us: number;
    p99Us: number;
    baselineRecordsPerSecond: number;
    /** append rate / baseline rate. */
    ratio: number;
    meetsTarget: boolean;
    intact: boolean;
  };
  /** appendMany, BATCH records per transaction, against plain INSERTs BATCH per transaction. */
  appendBatched: {
    batchSize: number;
    records: number;
    seconds: number;
    recordsPerSecond: number;
    baselineRecordsPerSecond: number;
    ratio: number;
  };
  verify: {
    records: number;
    ms: number;
    msPer100k: number;
    recordsPerSecond: number;
    baselineScanMs: number;
    /** verify time / scan time. */
    ratio: number;
    intact: boolean;
    fillSeconds: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Payloads

const SIGNAL_KINDS = [
  'topic_interest', 'product_interest', 'intent_event', 'open_medical_question', 'dead_end', 'responsiveness_email',
  'responsiveness_webinar', 'channel_preference', 'fatigue_7d', 'fatigue_30d', 'days_since_visit', 'segment_tier', 'influence',
] as const;
const ACTIONS = [
  ['field_visit', 'field_visit'], ['remote_detail', 'remote_detail'], ['approved_email', 'email'],
  ['event_invitation', 'webinar'], ['msl_handoff', 'msl_meeting'], ['medical_information_route', 'medical_inquiry'],
] as const;
const TOPICS = ['infusion reactions', 'hepatic monitoring', 'dosing in renal impairment', 'adverse reaction management', 'patient support enrolment'];
const PRODUCTS = ['prd-keytruda', 'prd-imbruvica', 'prd-stelara', 'prd-xeljanz', 'prd-gilenya', 'prd-tecfidera', 'prd-kalydeco', 'prd-cerdelga'];
const round = (value: number) => Math.round(value * 1_000) / 1_000;

function ids(random: SeededRandom, prefix: string, count: number): string[] {
  return Array.from({ length: count }, () => `${prefix}-${String(random.int(1, 999_999)).padStart(6, '0')}`);
}

/** A recommendation as the NBA engine would log it (about 1.5 KB of canonical JSON). */
export function benchDecision(random: SeededRandom, index: number): DecisionInput {
  const [action, channel] = random.pick(ACTIONS);
  const signals = Array.from({ length: 10 }, (_, position) => {
    const value = round(random.next() * 5);
    const weight = round(random.next() * 2 - 0.5);
    return { kind: SIGNAL_KINDS[(index + position) % SIGNAL_KINDS.length]!, value, weight, contribution: round(value * weight), evidence: ids(random, 'int', random.int(1, 2)) };
  });
  const score = round(signals.reduce((sum, signal) => sum + signal.contribution, 0));
  const since = `2026-${String(random.int(1, 10)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}T00:00:00.000Z`;
  return {
    kind: 'recommendation',
    actorId: `u-rep-${random.pick(['ne', 'mw', 'w'])}-${random.int(1, 2)}`,
    hcpId: `hcp-${String(random.int(1, 600)).padStart(6, '0')}`,
    refersTo: null,
    payload: {
      action: { kind: action, channel, purpose: 'promotional', productId: random.pick(PRODUCTS), topic: random.pick(TOPICS) },
      score,
      signals,
      consent: [{ channel, purpose: 'promotional', status: 'granted', since, recordId: ids(random, 'con', 1)[0] }],
      modules: [{ id: `cm-${random.pick(PRODUCTS).slice(4)}-follow-up`, version: random.int(1, 3) }],
      weightsVersion: 'nba-weights-2026-11-01',
      model: { name: 'local', version: '0.1.0' },
      promptVersion: 'rep@3f9a2c41d0b7',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The runs

function fresh(path: string): SqliteStore {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${path}${suffix}`)) rmSync(`${path}${suffix}`, { force: true });
  return openSqliteStore(path);
}

function remove(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

const percentile = (sorted: Float64Array, fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;

function benchAppend(dir: string, count: number): Pick<DecisionLogBenchResults, 'append' | 'appendBatched'> {
  const random = new SeededRandom(20261120);
  const inputs = Array.from({ length: 2 * count + WARM_UP }, (_, index) => benchDecision(random, index));
  const meanPayloadBytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(canonicalJson(input.payload)), 0) / inputs.length;

  const logPath = join(dir, 'decision-log-append.db');
  const baselinePath = join(dir, 'decision-log-baseline.db');
  const logStore = fresh(logPath);
  const baselineStore = fresh(baselinePath);
  try {
    // The same shape as decision_log (migration 4), without its triggers.
    baselineStore.database.exec(`
      CREATE TABLE plain_log (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, actor_id TEXT NOT NULL,
        hcp_id TEXT, refers_to TEXT, recorded_at TEXT NOT NULL, payload TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plain_log_by_refers_to ON plain_log (refers_to) WHERE refers_to IS NOT NULL;`);
    const insert = baselineStore.database.prepare(
      'INSERT INTO plain_log (id, kind, actor_id, hcp_id, refers_to, recorded_at, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const plainInsert = (input: DecisionInput) => {
      const now = new Date();
      insert.run(newDecisionId(now.getTime()), input.kind, input.actorId, input.hcpId, input.refersTo, now.toISOString(), JSON.stringify(input.payload), GENESIS_HASH, GENESIS_HASH);
    };
    const plainBatch = baselineStore.database.transaction((batch: readonly DecisionInput[]) => {
      for (const input of batch) plainInsert(input);
    });
    const log = new SqliteDecisionLog(logStore.database);
    for (let index = 0; index < WARM_UP; index++) {
      log.append(inputs[index]!);
      plainInsert(inputs[index]!);
    }
    log.appendMany(inputs.slice(0, BATCH));
    plainBatch.immediate(inputs.slice(0, BATCH));
    const latencies = new Float64Array(count);
    const ms = { log: 0, baseline: 0, logBatched: 0, baselineBatched: 0 };
    const timed = (key: keyof typeof ms, work: () => void) => {
      const began = performance.now();
      work();
      ms[key] += performance.now() - began;
    };
    for (let start = 0; start < count; start += BLOCK) {
      const end = Math.min(count, start + BLOCK);
      timed('baseline', () => {
        for (let index = start; index < end; index++) plainInsert(inputs[WARM_UP + index]!);
      });
      timed('log', () => {
        for (let index = start; index < end; index++) {
          const before = performance.now();
          log.append(inputs[WARM_UP + index]!);
          latencies[index] = (performance.now() - before) * 1_000;
        }
      });
      // The batched figures: other payloads of the same kind, BATCH per transaction.
      const block = inputs.slice(WARM_UP + count + start, WARM_UP + count + end);
      timed('baselineBatched', () => {
        for (let from = 0; from < block.length; from += BATCH) plainBatch.immediate(block.slice(from, from + BATCH));
      });
      timed('logBatched', () => {
        for (let from = 0; from < block.length; from += BATCH) log.appendMany(block.slice(from, from + BATCH));
      });
    }
    latencies.sort();
    const rate = (time: number) => count / (time / 1_000);
    const recordsPerSecond = rate(ms.log);
    const baselineRecordsPerSecond = rate(ms.baseline);
    return {
      append: {
        records: count,
        meanPayloadBytes,
        seconds: ms.log / 1_000,
        recordsPerSecond,
        p50Us: percentile(latencies, 0.5),
        p99Us: percentile(latencies, 0.99),
        baselineRecordsPerSecond,
        ratio: recordsPerSecond / baselineRecordsPerSecond,
        meetsTarget: recordsPerSecond >= TARGET_APPENDS_PER_SECOND,
        intact: log.verify().intact,
      },
      appendBatched: {
        batchSize: BATCH,
        records: count,
        seconds: ms.logBatched / 1_000,
        recordsPerSecond: rate(ms.logBatched),
        baselineRecordsPerSecond: rate(ms.baselineBatched),
        ratio: rate(ms.logBatched) / rate(ms.baselineBatched),
      },
    };
  } finally {
    logStore.close();
    baselineStore.close();
    remove(logPath);
    remove(baselinePath);
  }
}

/** A log of `count` records written directly with the log's own hash function (appends would take minutes). */
function fillLog(store: SqliteStore, count: number): void {
  const random = new SeededRandom(100_000);
  const inputs = Array.from({ length: Math.min(count, FILL_PAYLOADS) }, (_, index) => benchDecision(random, index));
  const payloads = inputs.map((input) => canonicalJson(input.payload));
  const insert = store.database.prepare(
    'INSERT INTO decision_log (sequence, id, kind, actor_id, hcp_id, refers_to, recorded_at, payload, previous_hash, hash) VALUES (@sequence, @id, @kind, @actorId, @hcpId, @refersTo, @recordedAt, @payload, @previousHash, @hash)',
  );
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  let previousHash = GENESIS_HASH;
  for (let from = 1; from <= count; from += FILL_TRANSACTION_ROWS) {
    store.transaction(() => {
      for (let sequence = from; sequence < Math.min(count + 1, from + FILL_TRANSACTION_ROWS); sequence++) {
        const input = inputs[(sequence - 1) % inputs.length]!;
        const payload = payloads[(sequence - 1) % payloads.length]!;
        const at = start + sequence * 250;
        const fields = { sequence, id: newDecisionId(at), kind: input.kind, actorId: input.actorId, hcpId: input.hcpId, refersTo: null, recordedAt: new Date(at).toISOString(), previousHash };
        const hash = decisionHash(fields, payload);
        insert.run({ ...fields, payload, hash });
        previousHash = hash;
      }
    });
  }
}

function benchVerify(dir: string, count: number): DecisionLogBenchResults['verify'] {
  const path = join(dir, 'decision-log-verify.db');
  let store = fresh(path);
  try {
    const filling = performance.now();
    fillLog(store, count);
    const fillSeconds = (performance.now() - filling) / 1_000;
    store.close();
    // A new connection: SQLite's page cache starts empty (the file is in the OS cache, as on a server).
    store = openSqliteStore(path);
    const scan = store.database.prepare('SELECT sequence, id, kind, actor_id, hcp_id, refers_to, recorded_at, payload, previous_hash, hash FROM decision_log ORDER BY sequence');
    const scanOnce = () => {
      const began = performance.now();
      let rows = 0;
      for (const _row of scan.iterate()) rows++;
      if (rows !== count) throw new Error(`scanned ${rows} rows, expected ${count}`);
      return performance.now() - began;
    };
    scanOnce(); // the same warm start for both
    const log = new SqliteDecisionLog(store.database);
    const began = performance.now();
    const verification = log.verify();
    const ms = performance.now() - began;
    const baselineScanMs = scanOnce();
    if (verification.records !== count) throw new Error(`verify saw ${verification.records} records, expected ${count}`);
    return {
      records: count,
      ms,
      msPer100k: (ms * 100_000) / count,
      recordsPerSecond: count / (ms / 1_000),
      baselineScanMs,
      ratio: ms / baselineScanMs,
      intact: verification.intact,
      fillSeconds,
    };
  } finally {
    store.close();
    remove(path);
  }
}

export async function runDecisionLogBench(
  dir: string,
  options: DecisionLogBenchOptions = {},
): Promise<{ lines: string[]; results: DecisionLogBenchResults }> {
  mkdirSync(dir, { recursive: true });
  const { append, appendBatched } = benchAppend(dir, options.appends ?? DEFAULT_APPENDS);
  const verify = benchVerify(dir, options.verifyRecords ?? DEFAULT_VERIFY_RECORDS);
  const results: DecisionLogBenchResults = {
    generatedAt: new Date().toISOString(),
    target: { appendsPerSecond: TARGET_APPENDS_PER_SECOND },
    append,
    appendBatched,
    verify,
  };
  return { lines: formatDecisionLogBench(results), results };
}

export function formatDecisionLogBench(results: DecisionLogBenchResults): string[] {
  const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  const { append, appendBatched, verify } = results;
  return [
    '',
    'decision log (issue 4): SqliteDecisionLog on a WAL database, synchronous NORMAL (as Omni opens it)',
    `  append, one IMMEDIATE transaction per record, ${thousands(append.records)} recommendations (mean payload ${thousands(append.meanPayloadBytes)} bytes of canonical JSON):`,
    `    ${thousands(append.recordsPerSecond)} records/s (p50 ${fixed(append.p50Us, 0)} us, p99 ${fixed(append.p99Us, 0)} us)  [target >= ${thousands(results.target.appendsPerSecond)} records/s]  ${append.meetsTarget ? 'MET' : 'MISSED'}; chain ${append.intact ? 'intact' : 'BROKEN'}`,
    `    baseline, the same rows as plain autocommit INSERTs (no validation, hashing or chain; same table shape, no triggers): ${thousands(append.baselineRecordsPerSecond)} records/s (append/baseline = ${fixed(append.ratio, 2)}x)`,
    `  append, batched for batch jobs (appendMany, ${appendBatched.batchSize} records per IMMEDIATE transaction, nothing returned before the commit), ${thousands(appendBatched.records)} recommendations, reported apart from the target above:`,
    `    ${thousands(appendBatched.recordsPerSecond)} records/s; baseline, plain INSERTs ${appendBatched.batchSize} per transaction: ${thousands(appendBatched.baselineRecordsPerSecond)} records/s (batched append/baseline = ${fixed(appendBatched.ratio, 2)}x)`,
    `  verify, ${thousands(verify.records)} records (streamed in sequence order): ${thousands(verify.ms)} ms = ${thousands(verify.msPer100k)} ms per 100,000 records (${thousands(verify.recordsPerSecond)} records/s); chain ${verify.intact ? 'intact' : 'BROKEN'}`,
    `    baseline, a plain scan of the same rows that checks nothing: ${thousands(verify.baselineScanMs)} ms (verify/scan = ${fixed(verify.ratio, 1)}x); the log was filled in ${fixed(verify.fillSeconds)} s`,
  ];
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  // npx tsx src/bench/decision-log-bench.ts [--appends N] [--verify-records N] [--dir .bench]
  const { values } = parseArgs({ options: { appends: { type: 'string' }, 'verify-records': { type: 'string' }, dir: { type: 'string' } } });
  const dir = values.dir ?? join(fileURLToPath(new URL('../../', import.meta.url)), '.bench');
  const { lines } = await runDecisionLogBench(dir, {
    ...(values.appends ? { appends: Number(values.appends) } : {}),
    ...(values['verify-records'] ? { verifyRecords: Number(values['verify-records']) } : {}),
  });
  console.log(lines.join('\n'));
}
