import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barChart } from '../../src/charts/index.ts';
import type { Group, HeldoutSuite, Summary, Thresholds } from './runner.ts';
import { gateProblems, HELDOUT_SUITES } from './runner.ts';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
/** How the report names each held-out suite's groups. */
const HELDOUT_LABELS: Record<HeldoutSuite, string> = { heldout: 'held out', heldout2: 'second held-out set', heldout3: 'third held-out set', heldout4: 'fourth held-out set', heldout5: 'fifth held-out set', heldout6: 'sixth held-out set', heldout7: 'seventh held-out set', heldout8: 'eighth held-out set', heldout9: 'ninth held-out set', heldout10: 'tenth held-out set', heldout11: 'eleventh held-out set', heldout12: 'twelfth held-out set', heldout13: 'thirteenth held-out set', heldout14: 'fourteenth held-out set', heldout15: 'fifteenth held-out set', heldout16: 'sixteenth held-out set', heldout17: 'seventeenth held-out set', heldout18: 'eighteenth held-out set', heldout19: 'nineteenth held-out set' };
const HELDOUT_GROUP_LABELS = Object.fromEntries(
  HELDOUT_SUITES.flatMap((suite) => [
    [`persona-${suite}`, `persona, ${HELDOUT_LABELS[suite]} (not gated)`],
    [`benign-${suite}`, `benign look-alikes, ${HELDOUT_LABELS[suite]} (not gated)`],
  ]),
) as Record<`${'persona' | 'benign'}-${HeldoutSuite}`, string>;
const GROUP_LABELS: Record<Group, string> = { 'persona-single': 'persona, single turn', 'persona-multi': 'persona, multi-turn', redteam: 'red team', benign: 'benign look-alikes (false-refusal set)', ...HELDOUT_GROUP_LABELS };

export interface ReportMeta {
  command: string;
  generatedAt: string;
  retrieval?: unknown;
}

/** The pass rates as bars: per group and per persona (pass^1). */
export function reportChart(summary: Summary): string {
  const bars: { label: string; value: number }[] = [];
  for (const [group, rates] of Object.entries(summary.groups)) {
    if (!rates) continue;
    bars.push({ label: `${GROUP_LABELS[group as Group]} (${rates.cases})`, value: rates.pass1 });
    if (group.startsWith('persona')) for (const [persona, rate] of Object.entries(rates.byPersona)) bars.push({ label: `  ${group.replace('persona-', '')}: ${persona} (${rate.cases})`, value: rate.pass1 });
  }
  return barChart({ title: `Omni evals: pass rate per suite and persona (${summary.model}, k=${summary.k})`, bars, valueFormat: 'percent', valueLabel: 'cases passed (pass^1)' });
}

export function reportMarkdown(summary: Summary, meta: ReportMeta, thresholds: Thresholds | null, chartFile: string): string {
  const lines: string[] = [];
  lines.push('# Omni eval report', '');
  lines.push(`\`${meta.command}\` · model \`${summary.model}\` · k = ${summary.k} · "now" = ${summary.asOf} · generated ${meta.generatedAt}`, '');
  lines.push(`![pass rates per suite and persona](${chartFile})`, '');
  lines.push('## Pass rates', '', '| group | cases | pass^1 | pass^k |', '|---|---:|---:|---:|');
  for (const [group, rates] of Object.entries(summary.groups)) {
    if (!rates) continue;
    lines.push(`| ${GROUP_LABELS[group as Group]} | ${rates.cases} | ${pct(rates.pass1)} | ${pct(rates.passK)} |`);
    for (const [persona, rate] of Object.entries(rates.byPersona)) lines.push(`| &nbsp;&nbsp;${persona} | ${rate.cases} | ${pct(rate.pass1)} | ${pct(rate.passK)} |`);
  }
  lines.push('', '### Per category', '', '| group | category | cases | pass^1 |', '|---|---|---:|---:|');
  for (const [group, rates] of Object.entries(summary.groups)) {
    if (!rates) continue;
    for (const [category, rate] of Object.entries(rates.byCategory)) lines.push(`| ${group} | ${category} | ${rate.cases} | ${pct(rate.pass1)} |`);
  }
  lines.push('', '## Hard outcomes (must be 0)', '');
  lines.push(`Red team: ${summary.hard.redteamTrials} case runs; runs with any hard violation: 95% upper bound ${pct(summary.hard.redteamUpper95)} (one-sided Clopper-Pearson; rule of three ≈ ${pct(3 / Math.max(1, summary.hard.redteamTrials))}).`, '');
  lines.push('| scorer | runs checked (all suites) | violations | 95% upper bound | red-team runs | red-team violations | red-team 95% upper bound |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const outcome of summary.hard.all) {
    const red = summary.hard.redteam.find((candidate) => candidate.scorer === outcome.scorer)!;
    lines.push(`| ${outcome.scorer} | ${outcome.trials} | ${outcome.violations} | ${pct(outcome.upper95)} | ${red.trials} | ${red.violations} | ${pct(red.upper95)} |`);
  }
  if (summary.falseRefusal) {
    const refusal = summary.falseRefusal;
    lines.push('', '## False refusals', '', `${refusal.refused} of ${refusal.cases} benign look-alike questions refused: ${pct(refusal.rate)} (95% upper bound ${pct(refusal.upper95)}). "Refused" (evals/scorers/index.ts isRefusal): no tool returned data or a decision and the answer is the local model's can't-answer text or an explicit refusal.`);
  }
  if (summary.heldout) {
    const heldout = summary.heldout;
    // The last held-out suite run names the files (one held-out suite runs at a time).
    const shown = HELDOUT_SUITES.findLast((suite) => summary.groups[`persona-${suite}`] || summary.groups[`benign-${suite}`]) ?? HELDOUT_SUITES[0];
    lines.push('', '## Held-out sets (not gated)', '', `persona-${shown}.jsonl and benign-${shown}.jsonl, written blind to the local model's question parser (evals/datasets/README.md). Reported here only: not part of the CI gate or the hard-outcome totals above.`, '');
    if (heldout.falseRefusal) lines.push(`- false refusals: ${heldout.falseRefusal.refused} of ${heldout.falseRefusal.cases} (${pct(heldout.falseRefusal.rate)}, 95% upper bound ${pct(heldout.falseRefusal.upper95)})`);
    lines.push(`- hard-outcome violations: ${heldout.totalViolations}${heldout.totalViolations > 0 ? ` (${heldout.hard.filter((outcome) => outcome.violations > 0).map((outcome) => `${outcome.scorer} ${outcome.violations}`).join(', ')})` : ''}`);
  }
  if (thresholds) {
    lines.push('', '## Gate and targets', '');
    const problems = gateProblems(summary, thresholds.gate);
    lines.push(problems.length === 0 ? `CI gate (evals/thresholds.json "gate"): **passes**.` : `CI gate (evals/thresholds.json "gate"): **fails**:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    const targets = thresholds.targets;
    const single = summary.groups['persona-single']?.pass1;
    const multi = summary.groups['persona-multi']?.pass1;
    lines.push('', 'Targets from issue 8:', '');
    if (single !== undefined) lines.push(`- persona single-turn ≥ ${pct(targets.personaSingle)}: ${pct(single)} ${single >= targets.personaSingle ? 'met' : '**not met**'}`);
    if (multi !== undefined) lines.push(`- persona multi-turn ≥ ${pct(targets.personaMulti)}: ${pct(multi)} ${multi >= targets.personaMulti ? 'met' : '**not met**'}`);
    if (summary.falseRefusal) lines.push(`- false refusals ≤ ${pct(targets.falseRefusalMax)}: ${pct(summary.falseRefusal.rate)} ${summary.falseRefusal.rate <= targets.falseRefusalMax ? 'met' : '**not met**'}`);
    lines.push(`- hard-outcome violations = 0: ${summary.hard.totalViolations} ${summary.hard.totalViolations === 0 ? 'met' : '**not met**'}`);
  }
  lines.push('', '## Timings', '');
  for (const [suite, timing] of Object.entries(summary.timings)) lines.push(`- ${suite}: ${timing.cases} cases, ${timing.runs} runs in ${(timing.ms / 1000).toFixed(1)} s (fresh demo database copy and agent included)`);
  lines.push('', `## Failing cases (${summary.failures.length})`, '');
  const byCause = new Map<string, Summary['failures']>();
  for (const failure of summary.failures) {
    const cause = `${failure.hard ? 'HARD ' : ''}${failure.group} · ${failure.scorers.join('+')}`;
    byCause.set(cause, [...(byCause.get(cause) ?? []), failure]);
  }
  for (const [cause, failures] of [...byCause.entries()].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`### ${cause} (${failures.length})`, '');
    for (const failure of failures) {
      lines.push(`- \`${failure.id}\` (${failure.persona}, ${failure.category}${failure.source ? `, ${failure.source}` : ''}): ${failure.details.map((detail) => detail.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join('; ').slice(0, 400)}`);
      lines.push(`  - tools: ${failure.tools.map((calls) => calls || '(none)').join(' / ').slice(0, 200)}; answer: ${JSON.stringify(failure.answer.slice(0, 160))}`);
    }
    lines.push('');
  }
  if (meta.retrieval) lines.push('## Retrieval', '', 'See [retrieval.md](retrieval.md) (`npm run eval -- --suite retrieval` runs `evals/retrieval/run.ts`).', '');
  return `${lines.join('\n')}\n`;
}

export function writeReport(summary: Summary, meta: ReportMeta, thresholds: Thresholds | null, directory: string, name = 'latest'): { json: string; markdown: string; svg: string } {
  mkdirSync(directory, { recursive: true });
  const paths = { json: join(directory, `${name}.json`), markdown: join(directory, `${name}.md`), svg: join(directory, `${name}.svg`) };
  writeFileSync(paths.svg, reportChart(summary));
  writeFileSync(paths.json, `${JSON.stringify({ ...meta, ...summary, gate: thresholds ? { thresholds: thresholds.gate, problems: gateProblems(summary, thresholds.gate) } : null }, null, 2)}\n`);
  writeFileSync(paths.markdown, reportMarkdown(summary, meta, thresholds, `${name}.svg`));
  return paths;
}
