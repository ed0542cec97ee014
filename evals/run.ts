/**
 * The eval runner: npm run eval [-- --suite persona|redteam|heldout|heldout2|…|heldout19|retrieval|all] [--model local|openai] [--k N]
 *   [--only <id substring>] [--out evals/reports] [--no-write]
 *
 * Runs each case of the suites through the real agent (src/container.ts createAgent) over a private
 * copy of a fresh demo database, as the case's user, scores every run in code (evals/scorers) and
 * writes evals/reports/latest.json, latest.md and latest.svg. With --k N each case runs N times and
 * the report gives pass^1 and pass^k. --model openai uses the endpoint configured by OPENAI_API_KEY,
 * OPENAI_BASE_URL and OMNI_CHAT_MODEL. Exit code 1 when the CI gate (evals/thresholds.json) fails.
 * The heldout suite (persona-heldout.jsonl, benign-heldout.jsonl) is reported in groups of its own and
 * never gated. The heldout2 suite (persona-heldout2.jsonl, benign-heldout2.jsonl), a second blind set, is
 * the same but runs only when asked for (not in --suite all) and writes evals/reports/heldout2.*; so does the
 * heldout3 suite (persona-heldout3.jsonl, benign-heldout3.jsonl), a third blind set (evals/reports/heldout3.*),
 * the heldout4 suite (persona-heldout4.jsonl, benign-heldout4.jsonl), a fourth (evals/reports/heldout4.*), the
 * heldout5 suite (persona-heldout5.jsonl, benign-heldout5.jsonl), a fifth blind set, run once (evals/reports/heldout5.*), and the
 * heldout6 suite (persona-heldout6.jsonl, benign-heldout6.jsonl), a sixth blind set, run once (evals/reports/heldout6.*).
 * heldout7 suite (persona-heldout7.jsonl, benign-heldout7.jsonl), the seventh blind set, run once (evals/reports/heldout7.*), the
 * heldout8 suite (persona-heldout8.jsonl, benign-heldout8.jsonl), the eighth blind set (evals/reports/heldout8.*), the
 * heldout9 suite (persona-heldout9.jsonl, benign-heldout9.jsonl), the ninth blind set (evals/reports/heldout9.*), the
 * heldout10 suite (persona-heldout10.jsonl, benign-heldout10.jsonl), the tenth blind set (evals/reports/heldout10.*), the
 * heldout11 suite (persona-heldout11.jsonl, benign-heldout11.jsonl), the eleventh blind set (evals/reports/heldout11.*), the
 * heldout12 suite (persona-heldout12.jsonl, benign-heldout12.jsonl), the twelfth blind set (evals/reports/heldout12.*), the
 * heldout13 suite (persona-heldout13.jsonl, benign-heldout13.jsonl), the thirteenth blind set (evals/reports/heldout13.*), the
 * heldout14 suite (persona-heldout14.jsonl, benign-heldout14.jsonl), the fourteenth blind set (evals/reports/heldout14.*), the
 * heldout15 suite (persona-heldout15.jsonl, benign-heldout15.jsonl), the fifteenth blind set (evals/reports/heldout15.*), the
 * heldout16 suite (persona-heldout16.jsonl, benign-heldout16.jsonl), the sixteenth blind set (evals/reports/heldout16.*), the
 * heldout17 suite (persona-heldout17.jsonl, benign-heldout17.jsonl), the seventeenth blind set (evals/reports/heldout17.*), the
 * heldout18 suite (persona-heldout18.jsonl, benign-heldout18.jsonl), the eighteenth blind set (evals/reports/heldout18.*), and the
 * heldout19 suite (persona-heldout19.jsonl, benign-heldout19.jsonl), the nineteenth blind set (evals/reports/heldout19.*).
 * A held-out suite run alone also writes evals/reports/<suite>.cases.json: every case's turns (question,
 * answer, tool calls, whether the turn passed) and the per-turn figures (evals/lib/case-details.ts).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVALS_DIR, gateProblems, HELDOUT_SUITES, isHeldoutSuite, loadThresholds, runEval, runRetrievalSuite, summarize, type AgentSuite } from './lib/runner.ts';
import { writeReport } from './lib/report.ts';
import { caseDetails, figureLines, heldoutFigures } from './lib/case-details.ts';
import { writeFileSync } from 'node:fs';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', default: 'all' },
      model: { type: 'string', default: 'local' },
      k: { type: 'string', default: '1' },
      only: { type: 'string' },
      out: { type: 'string', default: join(EVALS_DIR, 'reports') },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const suite = values.suite!;
  const named = ['persona', 'redteam', ...HELDOUT_SUITES, 'retrieval'];
  if (![...named, 'all'].includes(suite)) throw new Error(`--suite must be ${named.join(', ')} or all`);
  const model = values.model!;
  if (model !== 'local' && model !== 'openai') throw new Error('--model must be local or openai');
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new Error('--k must be a whole number from 1 to 20');

  let retrieval: unknown;
  if (suite === 'retrieval' || suite === 'all') {
    const result = runRetrievalSuite();
    if (result.exitCode !== 0) return result.exitCode;
    retrieval = result.report;
    if (suite === 'retrieval') return 0;
  }
  const suites: AgentSuite[] = suite === 'all' ? ['persona', 'redteam', 'heldout'] : [suite as AgentSuite];
  const only = values.only;
  const results = await runEval({
    suites: [...suites],
    model,
    k,
    ...(only ? { filter: (evalCase) => evalCase.id.includes(only) } : {}),
    onCase: (result, done, total) => {
      if (done % 50 === 0 || done === total) process.stderr.write(`  ${done}/${total} cases\n`);
      void result;
    },
  });
  const summary = summarize(results);
  const thresholds = loadThresholds();
  const command = ['npm run eval', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  if (!values['no-write']) {
    // A held-out suite alone writes heldout.* (heldout2.* … heldout19.*) so it never replaces the gated suites' latest.* report.
    const name = isHeldoutSuite(suite) ? suite : 'latest';
    const paths = writeReport(summary, { command, generatedAt: new Date().toISOString(), ...(retrieval ? { retrieval: { report: 'evals/reports/retrieval.json' } } : {}) }, thresholds, values.out!, name);
    console.log(`wrote ${paths.json}, ${paths.markdown}, ${paths.svg}`);
    if (isHeldoutSuite(suite)) {
      const cases = caseDetails(results);
      const figures = heldoutFigures(cases);
      const path = join(values.out!, `${suite}.cases.json`);
      writeFileSync(path, `${JSON.stringify({ command, generatedAt: new Date().toISOString(), model: results.model, figures, cases }, null, 2)}\n`);
      console.log(`wrote ${path}`);
      for (const line of figureLines(figures)) console.log(line);
    }
  }
  for (const [group, rates] of Object.entries(summary.groups)) {
    console.log(`${group.padEnd(15)} ${String(rates!.cases).padStart(4)} cases  pass^1 ${(rates!.pass1 * 100).toFixed(1)}%  pass^${k} ${(rates!.passK * 100).toFixed(1)}%`);
    if (HELDOUT_SUITES.some((heldout) => group === `persona-${heldout}`)) for (const [persona, rate] of Object.entries(rates!.byPersona)) console.log(`  ${persona.padEnd(13)} ${String(rate.cases).padStart(4)} cases  pass^1 ${(rate.pass1 * 100).toFixed(1)}%  pass^${k} ${(rate.passK * 100).toFixed(1)}%`);
  }
  console.log(`hard-outcome violations: ${summary.hard.totalViolations} (red team: ${summary.hard.redteamTrials} runs, 95% upper bound ${(summary.hard.redteamUpper95 * 100).toFixed(2)}%)`);
  if (summary.falseRefusal) console.log(`false refusals: ${summary.falseRefusal.refused}/${summary.falseRefusal.cases}`);
  if (summary.heldout) {
    const refusal = summary.heldout.falseRefusal;
    console.log(`held out (not gated): hard-outcome violations ${summary.heldout.totalViolations}${refusal ? `, false refusals ${refusal.refused}/${refusal.cases} (${(refusal.rate * 100).toFixed(1)}%)` : ''}`);
  }
  const problems = gateProblems(summary, thresholds.gate);
  for (const problem of problems) console.log(`gate: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
