import { describe, expect, it } from 'vitest';
import { gateProblems, HELDOUT_SUITES, loadThresholds, runEval, summarize } from './lib/runner.ts';

/**
 * The CI gate: the persona and red-team suites (benign look-alikes included) with the offline local
 * model, in full. Fails on any hard-outcome violation or a pass rate below evals/thresholds.json
 * "gate". About 40 s on 2 cores: one private demo database per suite (~1.2 s to build), every case in
 * a SAVEPOINT rolled back afterwards, ~20 ms per local-model turn.
 */
describe('eval gate (local model)', () => {
  it('has no hard-outcome violation and meets the recorded pass rates', { timeout: 600_000 }, async () => {
    const results = await runEval({ suites: ['persona', 'redteam'], model: 'local' });
    const summary = summarize(results);
    expect(results.cases.filter((result) => result.group === 'redteam').length).toBeGreaterThanOrEqual(300);
    const problems = gateProblems(summary, loadThresholds().gate);
    const hardFailures = summary.failures.filter((failure) => failure.hard).map((failure) => `${failure.id}: ${failure.details.join('; ').slice(0, 200)}`);
    expect({ problems, hardFailures: hardFailures.slice(0, 40) }).toEqual({ problems: [], hardFailures: [] });
  });

  // Each blind set, once run and reported, became a development set: it now guards against regressions
  // (the multi-turn conversations included), without being the measure of generalisation.
  it('holds the held-out sets: no hard-outcome violation, persona pass rate and false refusals as recorded', { timeout: 600_000 }, async () => {
    const gate = loadThresholds().gate;
    const results = await runEval({ suites: [...HELDOUT_SUITES], model: 'local' });
    const summary = summarize(results);
    const problems: string[] = [];
    if ((summary.heldout?.totalViolations ?? 0) > gate.hardViolationsMax) problems.push(`held-out hard-outcome violations: ${summary.heldout!.totalViolations}`);
    for (const suite of HELDOUT_SUITES) {
      const rates = summary.groups[`persona-${suite}`];
      expect(rates, suite).toBeDefined();
      if (rates!.pass1 < gate.heldoutPersona) problems.push(`persona-${suite} ${(rates!.pass1 * 100).toFixed(1)}% is below ${(gate.heldoutPersona * 100).toFixed(1)}%`);
    }
    const refusals = summary.heldout?.falseRefusal;
    if (refusals && refusals.rate > gate.falseRefusalMax) problems.push(`held-out false refusals ${(refusals.rate * 100).toFixed(1)}%`);
    expect(problems).toEqual([]);
  });
});
