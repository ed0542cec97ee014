import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChatModel } from '../../src/core/chat-model.ts';
import { HARD_SCORERS, scoreRun, scorerNames, type Score, type ScorerName } from '../scorers/index.ts';
import { loadCases, type EvalCase } from './cases.ts';
import { EvalWorld, type CaseRun, type ModelChoice } from './harness.ts';
import { upperBound } from './stats.ts';

export const EVALS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATASETS_DIR = join(EVALS_DIR, 'datasets');

/** The held-out suites, in order: run on their own, never gated. Suite <s> is persona-<s>.jsonl and benign-<s>.jsonl, reported as groups persona-<s> and benign-<s>. */
export const HELDOUT_SUITES = ['heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12', 'heldout13', 'heldout14', 'heldout15', 'heldout16', 'heldout17', 'heldout18', 'heldout19'] as const;
export type HeldoutSuite = (typeof HELDOUT_SUITES)[number];
export const isHeldoutSuite = (suite: string): suite is HeldoutSuite => (HELDOUT_SUITES as readonly string[]).includes(suite);
/** The suites runEval runs (retrieval has its own runner). */
export type AgentSuite = 'persona' | 'redteam' | HeldoutSuite;
/**
 * Report groups: persona single/multi-turn, red team, the benign (false-refusal) set, and the held-out
 * persona and benign sets of each held-out suite (reported on their own, never gated).
 */
export type Group = 'persona-single' | 'persona-multi' | 'redteam' | 'benign' | `persona-${HeldoutSuite}` | `benign-${HeldoutSuite}`;
/** Groups left out of the CI gate (pass rates, false refusals and hard outcomes are reported separately). */
export const HELDOUT_GROUPS: ReadonlySet<Group> = new Set(HELDOUT_SUITES.flatMap((suite) => [`persona-${suite}`, `benign-${suite}`] as const));

/** Any held-out file (persona-heldout.jsonl, benign-heldout2.jsonl, ...); group 1 is the suite name. */
const HELDOUT_FILE = /-(heldout\d*)\.jsonl$/;

/**
 * The dataset files of a suite: persona-*.jsonl; redteam-*.jsonl with benign-*.jsonl (false refusals are
 * measured beside attacks); a held-out suite <s>: persona-<s>.jsonl and benign-<s>.jsonl. The gated suites leave
 * every held-out file out.
 */
export function datasetFiles(suite: AgentSuite, directory = DATASETS_DIR): string[] {
  const prefixes = suite === 'persona' ? ['persona-'] : suite === 'redteam' ? ['redteam-', 'benign-'] : ['persona-', 'benign-'];
  const heldoutSuite = (file: string) => HELDOUT_FILE.exec(file)?.[1] ?? null;
  return readdirSync(directory)
    .filter((file) => file.endsWith('.jsonl') && prefixes.some((prefix) => file.startsWith(prefix)) && heldoutSuite(file) === (isHeldoutSuite(suite) ? suite : null))
    .sort()
    .map((file) => join(directory, file));
}

export const groupOf = (evalCase: EvalCase, suite: AgentSuite = evalCase.suite === 'persona' ? 'persona' : 'redteam'): Group => {
  if (isHeldoutSuite(suite)) return evalCase.suite === 'persona' ? `persona-${suite}` : `benign-${suite}`;
  return evalCase.suite === 'persona' ? (evalCase.turns.length > 1 ? 'persona-multi' : 'persona-single') : evalCase.suite;
};

export interface CaseResult {
  id: string;
  group: Group;
  persona: string;
  category: string;
  user: string;
  source?: string;
  /** Per run: passed, and the scores that failed; `turns` (kept for the held-out suites' per-case file): each turn's question, answer and tool calls with their inputs. */
  runs: { passed: boolean; failed: Score[]; ms: number; answers: string[]; tools: string[][]; turns?: TurnDetail[] }[];
  scorers: ScorerName[];
}

/** One turn of a run as the user saw it: the question, the answer (up to 4,000 characters) and every tool call with its input and status. */
export interface TurnDetail {
  question: string;
  answer: string;
  calls: { name: string; input: unknown; status: string }[];
}

export interface RunOptions {
  suites: AgentSuite[];
  model?: ModelChoice;
  k?: number;
  environment?: Record<string, string | undefined>;
  /** Overrides the model (tests). */
  chatModel?: ChatModel;
  /** Only these cases (tests, or a quick look). */
  filter?: (evalCase: EvalCase) => boolean;
  files?: string[];
  timeoutMs?: number;
  onCase?: (result: CaseResult, done: number, total: number) => void;
}

export interface EvalResults {
  model: string;
  k: number;
  asOf: string;
  cases: CaseResult[];
  /** Wall-clock per suite (database copy and agent included). */
  timings: Record<string, { ms: number; cases: number; runs: number }>;
}

/** Runs the suites' cases through the real agent, each case k times, and scores every run. */
export async function runEval(options: RunOptions): Promise<EvalResults> {
  const k = Math.max(1, options.k ?? 1);
  const results: CaseResult[] = [];
  const timings: EvalResults['timings'] = {};
  let model = '';
  let asOf = '';
  for (const suite of options.suites) {
    const started = performance.now();
    const files = options.files ?? datasetFiles(suite);
    const cases = files.flatMap((file) => loadCases(file)).filter((evalCase) => (options.filter ? options.filter(evalCase) : true));
    if (cases.length === 0) continue;
    const world = EvalWorld.create({ model: options.model ?? 'local', ...(options.environment ? { environment: options.environment } : {}), ...(options.chatModel ? { chatModel: options.chatModel } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    model = world.modelId;
    asOf = world.asOf;
    try {
      for (const [index, evalCase] of cases.entries()) {
        const result: CaseResult = { id: evalCase.id, group: groupOf(evalCase, suite), persona: evalCase.persona, category: evalCase.category, user: evalCase.user, ...(evalCase.source ? { source: evalCase.source } : {}), runs: [], scorers: [] };
        for (let run = 0; run < k; run++) {
          const caseRun: CaseRun<Score[]> = await world.runCase<Score[]>(evalCase, run, (done) =>
            scoreRun(evalCase, done, { store: world.store, decisionLog: world.decisionLog, asOf: world.asOf, promptText: world.promptFor(done.user).text }),
          );
          const scores = caseRun.scores ?? [];
          const failed = scores.filter((score) => !score.passed);
          result.scorers = scores.map((score) => score.scorer);
          result.runs.push({
            passed: failed.length === 0,
            failed,
            ms: Math.round(caseRun.turns.reduce((sum, turn) => sum + turn.ms, 0)),
            answers: caseRun.turns.map((turn) => (turn.answer?.answer ?? `error ${turn.error?.code}: ${turn.error?.message}`).slice(0, 400)),
            tools: caseRun.turns.map((turn) => (turn.answer?.toolCalls ?? []).map((call) => `${call.name}:${(call.output as { status?: string })?.status ?? call.status}`)),
            ...(isHeldoutSuite(suite)
              ? {
                  turns: caseRun.turns.map((turn) => ({
                    question: turn.question,
                    answer: (turn.answer?.answer ?? `error ${turn.error?.code}: ${turn.error?.message}`).slice(0, 16000),
                    calls: (turn.answer?.toolCalls ?? []).map((call) => ({ name: call.name, input: call.input, status: (call.output as { status?: string })?.status ?? call.status })),
                  })),
                }
              : {}),
          });
        }
        results.push(result);
        options.onCase?.(result, index + 1, cases.length);
      }
    } finally {
      world.close();
    }
    timings[suite] = { ms: Math.round(performance.now() - started), cases: cases.length, runs: cases.length * k };
  }
  return { model, k, asOf, cases: results, timings };
}

// ---------------------------------------------------------------------------------------------------
// Summaries.

export interface Rate {
  cases: number;
  passK: number;
  /** Mean single-run pass rate over the k runs (pass^1). */
  pass1: number;
}

export interface HardOutcome {
  scorer: ScorerName;
  /** Case-runs the scorer applied to. */
  trials: number;
  violations: number;
  rate: number;
  /** One-sided 95% upper bound (Clopper-Pearson; = 1 - 0.05^(1/n) when no violation, ≈ 3/n). */
  upper95: number;
}

export interface FalseRefusal {
  cases: number;
  refused: number;
  rate: number;
  upper95: number;
}

export interface Summary {
  model: string;
  k: number;
  asOf: string;
  groups: Partial<Record<Group, Rate & { byPersona: Record<string, Rate>; byCategory: Record<string, Rate> }>>;
  /** Hard outcomes of the gated groups (the held-out groups are in `heldout`). */
  hard: { all: HardOutcome[]; redteam: HardOutcome[]; totalViolations: number; redteamTrials: number; redteamUpper95: number };
  falseRefusal: FalseRefusal | null;
  /** The held-out sets (not gated): their hard outcomes and false refusals; null when they were not run (one held-out suite runs at a time). */
  heldout: { hard: HardOutcome[]; totalViolations: number; falseRefusal: FalseRefusal | null } | null;
  scorerPassRates: Record<string, Record<string, { applied: number; passed: number }>>;
  failures: { id: string; group: Group; persona: string; category: string; source?: string; scorers: string[]; hard: boolean; details: string[]; answer: string; tools: string[] }[];
  timings: EvalResults['timings'];
}

function rate(results: CaseResult[]): Rate {
  const cases = results.length;
  if (cases === 0) return { cases, passK: 0, pass1: 0 };
  const passK = results.filter((result) => result.runs.every((run) => run.passed)).length / cases;
  const pass1 = results.reduce((sum, result) => sum + result.runs.filter((run) => run.passed).length / result.runs.length, 0) / cases;
  return { cases, passK, pass1 };
}

const groupBy = <T>(items: T[], key: (item: T) => string): Record<string, T[]> => {
  const groups: Record<string, T[]> = {};
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
};
const mapValues = <T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> => Object.fromEntries(Object.entries(record).map(([name, value]) => [name, map(value)]));

function hardOutcomes(results: CaseResult[]): HardOutcome[] {
  return scorerNames
    .filter((scorer) => HARD_SCORERS.has(scorer))
    .map((scorer) => {
      const applied = results.filter((result) => result.scorers.includes(scorer));
      const trials = applied.reduce((sum, result) => sum + result.runs.length, 0);
      const violations = applied.reduce((sum, result) => sum + result.runs.filter((run) => run.failed.some((score) => score.scorer === scorer)).length, 0);
      return { scorer, trials, violations, rate: trials > 0 ? violations / trials : 0, upper95: upperBound(violations, trials) };
    });
}

/** Runs of a benign set refused (the `answered` scorer failed). */
function falseRefusals(members: CaseResult[]): FalseRefusal | null {
  const runs = members.flatMap((result) => result.runs);
  if (runs.length === 0) return null;
  const refused = runs.filter((run) => run.failed.some((score) => score.scorer === 'answered')).length;
  return { cases: runs.length, refused, rate: refused / runs.length, upper95: upperBound(refused, runs.length) };
}

export function summarize(results: EvalResults): Summary {
  const byGroup = groupBy(results.cases, (result) => result.group);
  const groups: Summary['groups'] = {};
  for (const [group, members] of Object.entries(byGroup)) {
    groups[group as Group] = { ...rate(members), byPersona: mapValues(groupBy(members, (result) => result.persona), rate), byCategory: mapValues(groupBy(members, (result) => result.category), rate) };
  }
  const redteam = byGroup.redteam ?? [];
  const redteamRuns = redteam.reduce((sum, result) => sum + result.runs.length, 0);
  const redteamViolatingRuns = redteam.reduce((sum, result) => sum + result.runs.filter((run) => run.failed.some((score) => score.hard)).length, 0);
  const all = hardOutcomes(results.cases.filter((result) => !HELDOUT_GROUPS.has(result.group)));
  const heldoutCases = results.cases.filter((result) => HELDOUT_GROUPS.has(result.group));
  const heldoutHard = hardOutcomes(heldoutCases);
  const scorerPassRates: Summary['scorerPassRates'] = {};
  for (const [group, members] of Object.entries(byGroup)) {
    const table: Record<string, { applied: number; passed: number }> = {};
    for (const result of members) {
      for (const scorer of result.scorers) {
        const entry = (table[scorer] ??= { applied: 0, passed: 0 });
        for (const run of result.runs) {
          entry.applied++;
          if (!run.failed.some((score) => score.scorer === scorer)) entry.passed++;
        }
      }
    }
    scorerPassRates[group] = table;
  }
  const failures: Summary['failures'] = results.cases
    .filter((result) => result.runs.some((run) => !run.passed))
    .map((result) => {
      const run = result.runs.find((candidate) => !candidate.passed)!;
      return {
        id: result.id,
        group: result.group,
        persona: result.persona,
        category: result.category,
        ...(result.source ? { source: result.source } : {}),
        scorers: [...new Set(run.failed.map((score) => score.scorer))],
        hard: run.failed.some((score) => score.hard),
        details: run.failed.flatMap((score) => score.details.map((detail) => `${score.scorer}: ${detail}`)).slice(0, 6),
        answer: run.answers.join(' ⏎ ').slice(0, 300),
        tools: run.tools.map((calls) => calls.join(', ')),
      };
    });
  return {
    model: results.model,
    k: results.k,
    asOf: results.asOf,
    groups,
    hard: { all, redteam: hardOutcomes(redteam), totalViolations: all.reduce((sum, outcome) => sum + outcome.violations, 0), redteamTrials: redteamRuns, redteamUpper95: upperBound(redteamViolatingRuns, redteamRuns) },
    falseRefusal: falseRefusals(byGroup.benign ?? []),
    heldout: heldoutCases.length > 0 ? { hard: heldoutHard, totalViolations: heldoutHard.reduce((sum, outcome) => sum + outcome.violations, 0), falseRefusal: falseRefusals(HELDOUT_SUITES.flatMap((suite) => byGroup[`benign-${suite}`] ?? [])) } : null,
    scorerPassRates,
    failures,
    timings: results.timings,
  };
}

// ---------------------------------------------------------------------------------------------------
// Thresholds.

export interface Thresholds {
  /** The targets ("done means"). */
  targets: { personaSingle: number; personaMulti: number; falseRefusalMax: number; hardViolationsMax: number };
  /** What CI holds today (never above the targets; raise them as the model improves, never lower them to pass). */
  gate: { personaSingle: number; personaMulti: number; redteam: number; falseRefusalMax: number; hardViolationsMax: number; heldoutPersona: number };
}

export function loadThresholds(path = join(EVALS_DIR, 'thresholds.json')): Thresholds {
  return JSON.parse(readFileSync(path, 'utf8')) as Thresholds;
}

/** Every way the summary misses the gate (empty: CI passes). */
export function gateProblems(summary: Summary, thresholds: Thresholds['gate']): string[] {
  const problems: string[] = [];
  if (summary.hard.totalViolations > thresholds.hardViolationsMax) {
    for (const outcome of summary.hard.all.filter((candidate) => candidate.violations > 0)) problems.push(`hard outcome ${outcome.scorer}: ${outcome.violations} violation(s) in ${outcome.trials} runs`);
  }
  const check = (group: Group, minimum: number, label: string) => {
    const rates = summary.groups[group];
    if (rates && rates.pass1 < minimum) problems.push(`${label} pass rate ${(rates.pass1 * 100).toFixed(1)}% is below the gate ${(minimum * 100).toFixed(1)}%`);
  };
  check('persona-single', thresholds.personaSingle, 'persona single-turn');
  check('persona-multi', thresholds.personaMulti, 'persona multi-turn');
  check('redteam', thresholds.redteam, 'red team');
  if (summary.falseRefusal && summary.falseRefusal.rate > thresholds.falseRefusalMax) problems.push(`false refusals ${(summary.falseRefusal.rate * 100).toFixed(1)}% exceed ${(thresholds.falseRefusalMax * 100).toFixed(1)}%`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Retrieval: the existing runner (evals/retrieval/run.ts), whose report is folded in.

export function runRetrievalSuite(args: string[] = []): { exitCode: number; report: unknown } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(EVALS_DIR, 'retrieval', 'run.ts'), ...args], { stdio: 'inherit', cwd: resolve(EVALS_DIR, '..') });
  const path = join(EVALS_DIR, 'reports', 'retrieval.json');
  return { exitCode: result.status ?? 1, report: existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null };
}
