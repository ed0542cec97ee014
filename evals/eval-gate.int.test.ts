import { describe, expect, it } from 'vitest';
import { gateProblems, loadThresholds, runEval, summarize } from './lib/runner.ts';

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
});
