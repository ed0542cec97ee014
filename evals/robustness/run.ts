/**
 * The robustness run: npm run eval:robustness [-- --per 150] [--only <perturbation substring>] [--without heldout19,…] [--out var/robustness]
 *
 * Asks development questions (persona and held-out sets already run once, single turns and conversations,
 * benign look-alikes) as written and rewritten by each meaning-preserving perturbation (perturbations.ts), through the real
 * agent and scorers (evals/lib/runner.ts), and prints, per perturbation, how many of the cases that pass as
 * written still pass rewritten. Up to --per cases per perturbation (the same cases on every run: chosen by
 * hash). It writes the cases that broke to <out>/robustness.broken.json for reading; nothing committed changes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runEval, type CaseResult } from '../lib/runner.ts';
import { PERTURBATIONS, type PerturbationName } from './perturbations.ts';
import { developmentCases, variantsOf } from './variants.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { per: { type: 'string', default: '150' }, only: { type: 'string' }, without: { type: 'string', default: '' }, out: { type: 'string', default: 'var/robustness' } } });
  const per = Number(values.per);
  if (!Number.isInteger(per) || per < 1) throw new Error('--per must be a whole number above 0');
  const names = (Object.keys(PERTURBATIONS) as PerturbationName[]).filter((name) => !values.only || name.includes(values.only));
  const cases = developmentCases(values.without!.split(',').filter(Boolean));
  const variants = names.flatMap((name) => variantsOf(cases, name, per));
  const originals = [...new Map(variants.map((variant) => [variant.original.id, variant.original])).values()];

  const directory = mkdtempSync(join(tmpdir(), 'omni-robustness-'));
  let results: CaseResult[];
  try {
    const file = join(directory, 'cases.jsonl');
    writeFileSync(file, [...originals, ...variants.map((variant) => variant.rewritten)].map((evalCase) => JSON.stringify(evalCase)).join('\n') + '\n');
    const started = performance.now();
    results = (
      await runEval({
        suites: ['persona'],
        files: [file],
        onCase: (_result, done, total) => {
          if (done % 100 === 0 || done === total) process.stderr.write(`  ${done}/${total} cases (${Math.round((performance.now() - started) / 1000)} s)\n`);
        },
      })
    ).cases;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const passed = new Map(results.map((result) => [result.id, result.runs.every((run) => run.passed)]));
  const byId = new Map(results.map((result) => [result.id, result]));

  const broken: { perturbation: string; id: string; questions: string[]; original: string[]; failed: string[] }[] = [];
  let keptAll = 0;
  let passingAll = 0;
  console.log(`robustness: ${cases.length} development cases, up to ${per} per perturbation (npm run eval:robustness)`);
  console.log('| perturbation | cases | pass as written | still pass rewritten | kept |');
  console.log('|---|---:|---:|---:|---:|');
  for (const name of names) {
    const mine = variants.filter((variant) => variant.perturbation === name);
    const passing = mine.filter((variant) => passed.get(variant.original.id));
    const kept = passing.filter((variant) => passed.get(variant.rewritten.id));
    keptAll += kept.length;
    passingAll += passing.length;
    for (const variant of passing.filter((candidate) => !passed.get(candidate.rewritten.id))) {
      const run = byId.get(variant.rewritten.id)!.runs[0]!;
      broken.push({ perturbation: name, id: variant.original.id, questions: variant.rewritten.turns.map((turn) => turn.question), original: variant.original.turns.map((turn) => turn.question), failed: run.failed.map((score) => `${score.scorer}: ${score.details.join('; ')}`) });
    }
    const percent = passing.length ? ((100 * kept.length) / passing.length).toFixed(1) : 'n/a';
    console.log(`| ${name} | ${mine.length} | ${passing.length} | ${kept.length} | ${percent}% |`);
  }
  console.log(`| all | ${variants.length} | ${passingAll} | ${keptAll} | ${passingAll ? ((100 * keptAll) / passingAll).toFixed(1) : 'n/a'}% |`);
  const out = resolve(values.out!);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'robustness.broken.json'), JSON.stringify(broken, null, 2) + '\n');
  console.log(`wrote ${join(out, 'robustness.broken.json')} (${broken.length} cases that broke when rewritten)`);
}

await main();
