import { loadCases, type EvalCase } from '../lib/cases.ts';
import { datasetFiles, HELDOUT_SUITES } from '../lib/runner.ts';
import { PERTURBATIONS, textHash, type PerturbationName } from './perturbations.ts';

export interface Variant {
  perturbation: PerturbationName;
  original: EvalCase;
  rewritten: EvalCase;
}

/** Every case rewritten by `name`, when the rewrite changes at least one of its questions; at most `per`, chosen by hash of the id. */
export function variantsOf(cases: EvalCase[], name: PerturbationName, per: number): Variant[] {
  const perturb = PERTURBATIONS[name];
  const variants: Variant[] = [];
  for (const original of cases) {
    const turns = original.turns.map((turn) => ({ ...turn, question: perturb(turn.question) ?? turn.question }));
    if (turns.every((turn, index) => turn.question === original.turns[index]!.question)) continue;
    variants.push({ perturbation: name, original, rewritten: { ...original, id: `${original.id}~${name}`, turns } });
  }
  return variants.sort((a, b) => textHash(`${name}:${a.original.id}`) - textHash(`${name}:${b.original.id}`)).slice(0, per);
}

/** The development cases: the persona suite and every held-out suite (each already run once, blind), benign look-alikes included. */
export function developmentCases(without: readonly string[] = []): EvalCase[] {
  const files = [...datasetFiles('persona'), ...HELDOUT_SUITES.filter((suite) => !without.includes(suite)).flatMap((suite) => datasetFiles(suite))];
  return files.flatMap((file) => loadCases(file)).filter((evalCase) => evalCase.suite !== 'redteam');
}

