import { FULL_ACCESS } from '../compliance/access-policy.ts';
import { createNbaDependencies } from '../container.ts';
import { NbaEvaluator, readActivity, type Caller } from '../nba/next-best-actions.ts';
import { planTerritory } from '../nba/territory-plan.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';

/**
 * The next-best-action part of `npm run bench` (issue 4):
 * - `planTerritory` for each demo rep's territory (200 HCPs each), p50/p95 over repeated runs, against
 *   a baseline in the same run: reading the same HCPs' interactions and consents without scoring;
 * - NBA throughput: every HCP of the large database through NbaEvaluator (signals, seven actions,
 *   gates, content), HCPs/s, against the same reads alone.
 * The decision log's own figures come from decision-log-bench.ts.
 */
export interface NbaBenchResults {
  plan: { territoryHcps: number; runs: number; p50Ms: number; p95Ms: number; baselineReadsP95Ms: number };
  throughput: { hcps: number; seconds: number; hcpsPerSecond: number; baselineReadsPerSecond: number } | null;
}

const PLAN_RUNS_PER_REP = 10;
const TARGET_PLAN_P95_MS = 200;
const TARGET_HCPS_PER_SECOND = 2_000;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
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
        for (const hcp of demo.hcps.listInTerritories(caller.scope.territories)) {
          readActivity(demo, hcp.id, asOf);
          demo.consents.forHcp(hcp.id);
        }
        readMs.push(performance.now() - started);
      }
    }
    plan = { territoryHcps, runs: planMs.length, p50Ms: percentile(planMs, 0.5), p95Ms: percentile(planMs, 0.95), baselineReadsP95Ms: percentile(readMs, 0.95) };
  } finally {
    demo.close();
  }

  let throughput: NbaBenchResults['throughput'] = null;
  if (paths.large) {
    progress('nba bench: every HCP of the large database through the evaluator');
    const large = openSqliteStore(paths.large);
    try {
      const deps = createNbaDependencies(large, { deadEndDays: 14 });
      const evaluator = new NbaEvaluator(deps);
      const caller: Caller = { actorId: 'bench', role: null, scope: FULL_ACCESS };
      const hcps = large.hcps.listInTerritories(undefined);
      let started = performance.now();
      for (const hcp of hcps) evaluator.evaluate(hcp, caller, asOf);
      const seconds = (performance.now() - started) / 1000;
      started = performance.now();
      for (const hcp of hcps) {
        readActivity(large, hcp.id, asOf);
        large.consents.forHcp(hcp.id);
      }
      const readSeconds = (performance.now() - started) / 1000;
      throughput = { hcps: hcps.length, seconds, hcpsPerSecond: hcps.length / seconds, baselineReadsPerSecond: hcps.length / readSeconds };
    } finally {
      large.close();
    }
  }

  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
  const lines = [
    '',
    'Next best action (issue 4)',
    `  omni plan for a ${plan.territoryHcps}-HCP territory (in process, ${plan.runs} plans over the demo reps): p50 ${fixed(plan.p50Ms)} ms, p95 ${fixed(plan.p95Ms)} ms  [target p95 < ${TARGET_PLAN_P95_MS} ms]  ${plan.p95Ms < TARGET_PLAN_P95_MS ? 'MET' : 'MISSED'}`,
    `    baseline, reading the same HCPs' interactions and consents only: p95 ${fixed(plan.baselineReadsP95Ms)} ms (plan/reads = ${fixed(plan.p95Ms / plan.baselineReadsP95Ms)}x)`,
    throughput
      ? `  NBA over all ${thousands(throughput.hcps)} HCPs at large scale: ${thousands(throughput.hcpsPerSecond)} HCPs/s (${fixed(throughput.seconds)} s)  [target >= ${thousands(TARGET_HCPS_PER_SECOND)}]  ${throughput.hcpsPerSecond >= TARGET_HCPS_PER_SECOND ? 'MET' : 'MISSED'}\n    baseline, the reads alone: ${thousands(throughput.baselineReadsPerSecond)} HCPs/s`
      : '  NBA throughput at large scale: skipped (no large database; run npm run bench -- --scale large once to build it)',
  ];
  return { results: { plan, throughput }, lines };
}
