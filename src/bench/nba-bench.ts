import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor, FULL_ACCESS } from '../compliance/access-policy.ts';
import { createNbaDependencies } from '../container.ts';
import type { Hcp } from '../domain/hcp.ts';
import { NbaEvaluator } from '../nba/next-best-actions.ts';
import { readActivity, readActivityOfMany } from '../nba/read-activity.ts';
import { recommendForMany } from '../nba/recommend-many.ts';
import { planTerritory } from '../nba/territory-plan.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import type { Caller } from '../compliance/caller.ts';

/**
 * The next-best-action part of `npm run bench` (issue 4):
 * - `planTerritory` for each demo rep's territory (200 HCPs each), p50/p95 over repeated runs, against
 *   a baseline in the same run: reading the same HCPs' interactions and consents (as the plan reads
 *   them, a chunk of HCPs per statement) without scoring;
 * - NBA throughput over every HCP of the large database, in id order, two ways: the batch path
 *   (NbaEvaluator.evaluateMany: a chunk of HCPs per read, content choices shared) and the per-HCP
 *   path (evaluate, two reads per HCP), each against its own reads alone. The HCPs go in ten slices
 *   and each slice runs all four, so a busy moment of the machine hits every figure;
 * - a nightly run with logging (recommendForMany) over the first NIGHTLY_HCPS HCPs: scored on the
 *   batch path and written to a decision log in a database of its own (the large database is left
 *   as it is), one transaction per 64 records.
 * The decision log's own figures come from decision-log-bench.ts.
 */
export interface NbaBenchResults {
  plan: { territoryHcps: number; runs: number; p50Ms: number; p95Ms: number; baselineReadsP95Ms: number };
  throughput: {
    hcps: number;
    batch: { seconds: number; hcpsPerSecond: number; baselineReadsPerSecond: number };
    perHcp: { seconds: number; hcpsPerSecond: number; baselineReadsPerSecond: number };
    logged: { hcps: number; seconds: number; hcpsPerSecond: number; records: number; meanPayloadBytes: number; intact: boolean };
  } | null;
}

const PLAN_RUNS_PER_REP = 10;
const TARGET_PLAN_P95_MS = 200;
const TARGET_HCPS_PER_SECOND = 2_000;
const SLICES = 10;
/** As NbaEvaluator.evaluateMany reads them. */
const READ_CHUNK = 64;
const NIGHTLY_HCPS = 10_000;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** The batch path's reads alone: rows and consents for a chunk of HCPs per statement. */
function readInChunks(store: SqliteStore, hcps: readonly Hcp[], asOf: string): void {
  for (let start = 0; start < hcps.length; start += READ_CHUNK) {
    const ids = hcps.slice(start, start + READ_CHUNK).map((hcp) => hcp.id);
    readActivityOfMany(store, ids, asOf);
    store.consents.forHcps(ids);
  }
}

function seconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

export function runNbaBench(
  paths: { demo: string; large: string | null; asOf: string },
  progress: (message: string) => void = () => {},
): { results: NbaBenchResults; lines: string[] } {
  const { asOf } = paths;

  progress('nba bench: territory plans at demo scale');
  const demo = openSqliteStore(paths.demo);
  let plan: NbaBenchResults['plan'];
  try {
    const deps = createNbaDependencies(demo, { deadEndDays: 14 });
    const reps = demo.users.list().filter((user) => user.role === 'rep');
    const planMs: number[] = [];
    const readMs: number[] = [];
    let territoryHcps = 0;
    for (const rep of reps) {
      const caller: Caller = { actorId: rep.id, role: rep.role, scope: accessScopeFor(rep) };
      planTerritory(deps, caller, asOf); // warm-up: statements prepared, catalog built
      for (let run = 0; run < PLAN_RUNS_PER_REP; run++) {
        let started = performance.now();
        const result = planTerritory(deps, caller, asOf);
        planMs.push(performance.now() - started);
        territoryHcps = Math.max(territoryHcps, result.hcpsConsidered);
        started = performance.now();
        readInChunks(demo, demo.hcps.listInTerritories(caller.scope.territories), asOf);
        readMs.push(performance.now() - started);
      }
    }
    plan = { territoryHcps, runs: planMs.length, p50Ms: percentile(planMs, 0.5), p95Ms: percentile(planMs, 0.95), baselineReadsP95Ms: percentile(readMs, 0.95) };
  } finally {
    demo.close();
  }

  let throughput: NbaBenchResults['throughput'] = null;
  if (paths.large) {
    progress('nba bench: every HCP of the large database, batch and per-HCP paths, each beside its reads alone');
    const large = openSqliteStore(paths.large);
    const logPath = join(dirname(paths.large), 'nba-bench-log.db');
    try {
      const deps = createNbaDependencies(large, { deadEndDays: 14 });
      const evaluator = new NbaEvaluator(deps);
      const caller: Caller = { actorId: 'bench', role: null, scope: FULL_ACCESS };
      const hcps = large.hcps.listInTerritories(undefined).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      readInChunks(large, hcps, asOf); // warm-up: the file into the page cache, statements prepared
      const totals = { batch: 0, batchReads: 0, perHcp: 0, perHcpReads: 0 };
      const slice = Math.ceil(hcps.length / SLICES);
      for (let start = 0; start < hcps.length; start += slice) {
        const part = hcps.slice(start, start + slice);
        totals.batch += seconds(() => {
          for (const _ of evaluator.evaluateMany(part, caller, asOf));
        });
        totals.batchReads += seconds(() => readInChunks(large, part, asOf));
        totals.perHcp += seconds(() => {
          for (const hcp of part) evaluator.evaluate(hcp, caller, asOf);
        });
        totals.perHcpReads += seconds(() => {
          for (const hcp of part) {
            readActivity(large, hcp.id, asOf);
            large.consents.forHcp(hcp.id);
          }
        });
      }

      progress(`nba bench: a nightly run with logging over ${NIGHTLY_HCPS.toLocaleString('en-US')} HCPs`);
      mkdirSync(dirname(logPath), { recursive: true });
      removeDatabase(logPath);
      const logStore = openSqliteStore(logPath);
      try {
        const logged = { ...deps, decisionLog: new SqliteDecisionLog(logStore.database) };
        const nightly = hcps.slice(0, NIGHTLY_HCPS);
        let records = 0;
        const loggedSeconds = seconds(() => {
          for (const batch of recommendForMany(logged, caller, nightly, asOf)) records += batch.length;
        });
        const per = (count: number, time: number) => count / time;
        throughput = {
          hcps: hcps.length,
          batch: { seconds: totals.batch, hcpsPerSecond: per(hcps.length, totals.batch), baselineReadsPerSecond: per(hcps.length, totals.batchReads) },
          perHcp: { seconds: totals.perHcp, hcpsPerSecond: per(hcps.length, totals.perHcp), baselineReadsPerSecond: per(hcps.length, totals.perHcpReads) },
          logged: {
            hcps: nightly.length,
            seconds: loggedSeconds,
            hcpsPerSecond: per(nightly.length, loggedSeconds),
            records,
            meanPayloadBytes: logStore.database.prepare('SELECT avg(length(CAST(payload AS BLOB))) FROM decision_log').pluck().get() as number,
            intact: logged.decisionLog.verify().intact,
          },
        };
      } finally {
        logStore.close();
        removeDatabase(logPath);
      }
    } finally {
      large.close();
    }
  }

  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
  const verdict = (rate: number) => `[target >= ${thousands(TARGET_HCPS_PER_SECOND)}]  ${rate >= TARGET_HCPS_PER_SECOND ? 'MET' : 'MISSED'}`;
  const lines = [
    '',
    'Next best action (issue 4)',
    `  omni plan for a ${plan.territoryHcps}-HCP territory (in process, ${plan.runs} plans over the demo reps): p50 ${fixed(plan.p50Ms)} ms, p95 ${fixed(plan.p95Ms)} ms  [target p95 < ${TARGET_PLAN_P95_MS} ms]  ${plan.p95Ms < TARGET_PLAN_P95_MS ? 'MET' : 'MISSED'}`,
    `    baseline, reading the same HCPs' interactions and consents only (as the plan reads them): p95 ${fixed(plan.baselineReadsP95Ms)} ms (plan/reads = ${fixed(plan.p95Ms / plan.baselineReadsP95Ms)}x)`,
    ...(throughput
      ? [
          `  NBA over all ${thousands(throughput.hcps)} HCPs at large scale (id order, ${SLICES} slices, each path beside its reads in every slice):`,
          `    batch path (evaluateMany): ${thousands(throughput.batch.hcpsPerSecond)} HCPs/s (${fixed(throughput.batch.seconds)} s)  ${verdict(throughput.batch.hcpsPerSecond)}`,
          `      baseline, its reads alone (${READ_CHUNK} HCPs per statement): ${thousands(throughput.batch.baselineReadsPerSecond)} HCPs/s (batch/reads = ${fixed(throughput.batch.hcpsPerSecond / throughput.batch.baselineReadsPerSecond, 2)}x)`,
          `    per-HCP path (evaluate): ${thousands(throughput.perHcp.hcpsPerSecond)} HCPs/s (${fixed(throughput.perHcp.seconds)} s)  ${verdict(throughput.perHcp.hcpsPerSecond)}`,
          `      baseline, its reads alone (two statements per HCP): ${thousands(throughput.perHcp.baselineReadsPerSecond)} HCPs/s (per-HCP/reads = ${fixed(throughput.perHcp.hcpsPerSecond / throughput.perHcp.baselineReadsPerSecond, 2)}x); batch/per-HCP = ${fixed(throughput.batch.hcpsPerSecond / throughput.perHcp.hcpsPerSecond, 2)}x`,
          `    nightly run with logging (recommendForMany, one log transaction per 64 records, log in a database of its own), first ${thousands(throughput.logged.hcps)} HCPs: ${thousands(throughput.logged.hcpsPerSecond)} HCPs/s (${fixed(throughput.logged.seconds)} s, ${thousands(throughput.logged.records)} records of ${thousands(throughput.logged.meanPayloadBytes)} bytes mean payload, chain ${throughput.logged.intact ? 'intact' : 'BROKEN'})`,
        ]
      : ['  NBA throughput at large scale: skipped (no large database; run npm run bench -- --scale large once to build it)']),
  ];
  return { results: { plan, throughput }, lines };
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
