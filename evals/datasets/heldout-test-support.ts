/**
 * Checks the held-out set tests (heldout.test.ts … heldout12.test.ts) share: loading a
 * set, a demo store for the test, the planned size, who may see which HCP, question reuse, and the
 * report groups. What differs between the sets (the sizes, the files counted as "used elsewhere", how
 * loosely questions are compared) is a parameter.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessScopeFor, canSeeHcp } from '../../src/compliance/access-policy.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { createTemporaryDemoStore } from '../../src/testing/demo-store.ts';
import { loadCases, type EvalCase } from '../lib/cases.ts';
import { DATASETS_DIR, datasetFiles, EVALS_DIR, gateProblems, groupOf, loadThresholds, summarize, type CaseResult, type EvalResults, type HeldoutSuite } from '../lib/runner.ts';

/** The held-out sets with files here; a set is a suite (HeldoutSuite) only once evals/lib/runner.ts lists it in HELDOUT_SUITES. */
export type HeldoutSet = HeldoutSuite;

/** persona-<set>.jsonl and benign-<set>.jsonl. */
export function loadHeldoutSet(set: HeldoutSet): { persona: EvalCase[]; benign: EvalCase[] } {
  return { persona: loadCases(join(DATASETS_DIR, `persona-${set}.jsonl`)), benign: loadCases(join(DATASETS_DIR, `benign-${set}.jsonl`)) };
}

/** A fresh demo store for the enclosing describe block (created before all its tests, removed after). */
export function useDemoStore(prefix: string): () => SqliteStore {
  let world: ReturnType<typeof createTemporaryDemoStore> | undefined;
  beforeAll(() => {
    world = createTemporaryDemoStore(prefix);
  });
  afterAll(() => world?.remove());
  return () => world!.store;
}

/** The set's files run only in its own suite (and each listed held-out suite only in its own), never in the gated persona and red-team suites. */
export function expectOwnSuites(...sets: HeldoutSuite[]): void {
  for (const set of sets) expect(datasetFiles(set).map((file) => basename(file))).toEqual([`benign-${set}.jsonl`, `persona-${set}.jsonl`]);
  for (const suite of ['persona', 'redteam'] as const) expect(datasetFiles(suite).some((file) => file.includes('heldout'))).toBe(false);
}

/** 60 single-turn persona questions (30 rep, 15 MSL or medical affairs, 15 manager), `conversations`+ multi-turn ones, `benign`+ benign look-alikes that must be answered; ids unique. */
export function expectPlannedSize(persona: EvalCase[], benign: EvalCase[], minimum: { conversations: number; benign: number }): void {
  const single = persona.filter((evalCase) => evalCase.turns.length === 1);
  const count = (...personas: string[]) => single.filter((evalCase) => personas.includes(evalCase.persona)).length;
  expect(single.length).toBeGreaterThanOrEqual(60);
  expect(count('rep')).toBeGreaterThanOrEqual(30);
  expect(count('msl', 'medical_affairs')).toBeGreaterThanOrEqual(15);
  expect(count('manager')).toBeGreaterThanOrEqual(15);
  expect(persona.filter((evalCase) => evalCase.turns.length > 1).length).toBeGreaterThanOrEqual(minimum.conversations);
  expect(benign.length).toBeGreaterThanOrEqual(minimum.benign);
  expect(benign.every((evalCase) => evalCase.suite === 'benign' && evalCase.turns.every((turn) => turn.expectAnswered))).toBe(true);
  expect(new Set([...persona, ...benign].map((evalCase) => evalCase.id)).size).toBe(persona.length + benign.length);
}

/** Every question of the given dataset files, through `normal`. */
export const questionsIn = (files: string[], normal: (question: string) => string): Set<string> =>
  new Set(files.flatMap((file) => loadCases(join(DATASETS_DIR, file)).flatMap((evalCase) => evalCase.turns.map((turn) => normal(turn.question)))));

export interface VisibilityOptions {
  /** Dataset files whose HCPs the set must not name (an HCP id in a tool call's hcpId). */
  usedElsewhere?: string[];
  /** Skip the "used elsewhere" check in turns after a plan: there "that one" is whatever the plan ranks first, not picked, so it may be any HCP. */
  skipTurnsAfterPlan?: boolean;
  /** The same for turns after any of these tools' lists (e.g. summarize_field_insights: "the 2nd one" of its unanswered questions). */
  skipTurnsAfterTools?: string[];
}

/** Problems with the HCPs and consent records the cases mention: not visible to the asking user, named by another set, not a record of that HCP. */
export function visibilityProblems(store: SqliteStore, cases: EvalCase[], options: VisibilityOptions = {}): string[] {
  const otherIds = options.usedElsewhere
    ? new Set(options.usedElsewhere.flatMap((file) => readFileSync(join(DATASETS_DIR, file), 'utf8').match(/hcp-\d{6}/g) ?? []))
    : null;
  const problems: string[] = [];
  for (const evalCase of cases) {
    const user = store.users.getById(evalCase.user);
    if (!user) {
      problems.push(`${evalCase.id}: no user ${evalCase.user}`);
      continue;
    }
    const text = JSON.stringify(evalCase.turns);
    for (const id of new Set(text.match(/hcp-\d{6}/g) ?? [])) {
      const hcp = store.hcps.getById(id);
      if (!hcp || !canSeeHcp(accessScopeFor(user), hcp)) problems.push(`${evalCase.id}: ${id} is not visible to ${user.id}`);
    }
    // HCPs the user names (not the top of a plan, which is whatever the plan ranks first).
    if (otherIds) {
      for (const [index, turn] of evalCase.turns.entries()) {
        if (options.skipTurnsAfterPlan && evalCase.turns.slice(0, index).some((earlier) => earlier.expectTools.some((call) => call.name === 'plan_territory'))) continue;
        if (options.skipTurnsAfterTools && evalCase.turns.slice(0, index).some((earlier) => earlier.expectTools.some((call) => options.skipTurnsAfterTools!.includes(call.name)))) continue;
        for (const call of turn.expectTools) {
          const id = (call.args as { hcpId?: unknown }).hcpId;
          if (typeof id === 'string' && otherIds.has(id)) problems.push(`${evalCase.id}: ${id} is used by another set`);
        }
      }
    }
    for (const record of new Set(text.match(/cs-\d{6}-\d{2}/g) ?? [])) {
      const hcpId = `hcp-${record.slice(3, 9)}`;
      if (!store.consents.forHcp(hcpId).some((consent) => consent.id === record)) problems.push(`${evalCase.id}: ${record} is not a consent record of ${hcpId}`);
    }
  }
  return problems;
}

/** The set's persona and benign groups are reported apart (false refusals and violations under `heldout`) and left out of the gate. */
export function expectReportedApart(persona: EvalCase[], benign: EvalCase[], set: HeldoutSuite): void {
  const run = (passed: boolean, scorer: 'answered' | 'consent' | null = null) => ({ passed, failed: scorer ? [{ scorer, hard: scorer === 'consent', passed: false, details: ['x'] }] : [], ms: 1, answers: [''], tools: [[]] });
  const result = (evalCase: EvalCase, runs: CaseResult['runs']): CaseResult => ({ id: evalCase.id, group: groupOf(evalCase, set), persona: evalCase.persona, category: evalCase.category, user: evalCase.user, runs, scorers: ['answered', 'consent'] });
  const results: EvalResults = {
    model: 'test',
    k: 1,
    asOf: '2026-11-20T18:00:00.000Z',
    cases: [result(persona[0]!, [run(false, 'consent')]), result(persona[1]!, [run(true)]), result(benign[0]!, [run(false, 'answered')]), result(benign[1]!, [run(true)])],
    timings: {},
  };
  const summary = summarize(results);
  expect(Object.keys(summary.groups).sort()).toEqual([`benign-${set}`, `persona-${set}`]);
  expect(summary.groups[`persona-${set}`]!.byPersona[persona[0]!.persona]!.cases).toBeGreaterThan(0);
  expect(summary.falseRefusal).toBeNull();
  expect(summary.heldout?.falseRefusal).toMatchObject({ cases: 2, refused: 1, rate: 0.5 });
  expect(summary.heldout?.totalViolations).toBe(1);
  expect(summary.hard.totalViolations).toBe(0);
  expect(gateProblems(summary, loadThresholds().gate)).toEqual([]);
}

/** No question of `otherSets` is asked again, and no question twice (case, punctuation and spacing ignored). */
export function expectNoQuestionAskedAgain(persona: EvalCase[], benign: EvalCase[], otherSets: readonly string[]): void {
  const normal = (question: string) => question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const others = questionsIn([...otherSets], normal);
  const mine = [...persona, ...benign].flatMap((evalCase) => evalCase.turns.map((turn) => turn.question));
  expect(mine.filter((question) => others.has(normal(question)))).toEqual([]);
  expect(mine.filter((question, index) => mine.findIndex((other) => normal(other) === normal(question)) !== index)).toEqual([]);
}

/** Lowercased, punctuation as spaces, spacing collapsed. */
const plainText = (question: string) => question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The edit distance of a and b when it is at most `limit`, else limit + 1 (a band of width 2·limit + 1). */
function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(limit + 1);
    current[0] = i;
    let best = current[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** Close in wording: token-set Jaccard ≥ 0.8, or an edit distance of at most 20% of the longer text. */
function close(a: string, b: string): boolean {
  if (a === b) return true;
  const left = new Set(a.split(' '));
  const right = new Set(b.split(' '));
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  if (shared / (left.size + right.size - shared) >= 0.8) return true;
  const limit = Math.floor(0.2 * Math.max(a.length, b.length));
  return boundedEditDistance(a, b, limit) <= limit;
}

/**
 * Questions of `cases` close in wording (see close) to a question of `otherSets`, or to another question of `cases`: compared as
 * typed and with every HCP name masked (`names`: the first and last names of the demo HCPs), on lowercased text without punctuation.
 * Each near-copy is reported as "mine  ≈  other".
 */
export function nearCopies(cases: EvalCase[], otherSets: readonly string[], names: string[]): string[] {
  const nameSet = new Set(names.map((name) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()).filter((name) => name.length > 2 && !name.includes(' ')));
  const masked = (text: string) => text.split(' ').map((token) => (nameSet.has(token) ? '§' : token)).join(' ');
  const forms = (question: string) => {
    const plain = plainText(question);
    return [plain, masked(plain)];
  };
  const others = [...new Set(otherSets.flatMap((file) => loadCases(join(DATASETS_DIR, file)).flatMap((evalCase) => evalCase.turns.map((turn) => turn.question))))].map((question) => ({ question, forms: forms(question) }));
  const mine = [...new Set(cases.flatMap((evalCase) => evalCase.turns.map((turn) => turn.question)))].map((question) => ({ question, forms: forms(question) }));
  const problems: string[] = [];
  const closeForms = (a: string[], b: string[]) => close(a[0]!, b[0]!) || close(a[1]!, b[1]!);
  for (const [index, own] of mine.entries()) {
    const other = others.find((candidate) => closeForms(own.forms, candidate.forms));
    if (other) problems.push(`${own.question}  ≈  ${other.question}`);
    const sibling = mine.slice(index + 1).find((candidate) => closeForms(own.forms, candidate.forms));
    if (sibling) problems.push(`${own.question}  ≈  ${sibling.question} (this set)`);
  }
  return problems;
}

/** generate-<set>.ts rewrites the set's files byte for byte; the committed files are put back whatever it wrote. */
export function expectRegeneratedInPlace(set: HeldoutSet): void {
  const files = [`persona-${set}.jsonl`, `benign-${set}.jsonl`].map((name) => join(DATASETS_DIR, name));
  const before = files.map((file) => readFileSync(file, 'utf8'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(DATASETS_DIR, `generate-${set}.ts`)], { cwd: resolve(EVALS_DIR, '..'), encoding: 'utf8' });
  const after = files.map((file) => readFileSync(file, 'utf8'));
  files.forEach((file, index) => after[index] !== before[index] && writeFileSync(file, before[index]!));
  expect(run.status, run.stderr).toBe(0);
  expect(after).toEqual(before);
}

/**
 * The tests of a blind set written to the sixth set's plan (heldout6 … heldout12): kept apart from every other
 * suite, 200+ single-turn questions (rep 85+, MSL 35+, medical affairs 35+, manager 45+), 40+ conversations of 3 to 4
 * turns, 40+ benign look-alikes, policy and out-of-scope questions as planned, no question of `setsBefore` asked again,
 * fair to the user asking, reported apart, regenerated byte for byte. `earlier`: the held-out suites before it, newest
 * first; `benignExpectTools`: every benign look-alike names its tool (from the seventh set on).
 */
export function describeBlindSet(options: {
  set: HeldoutSuite;
  name: string;
  earlier: HeldoutSuite[];
  setsBefore: readonly string[];
  benignExpectTools: boolean;
  /** The longest conversation, in turns (4 until the eleventh set, which has conversations of 5). */
  maxTurns?: number;
  /** How many tools an out-of-scope question forbids: every tool the agent had when the set was written (11 until report_adverse_event, 12 from the eleventh set on). */
  toolCount?: number;
  /** Also no question close in wording to one of `setsBefore` or to another of the set's own (nearCopies); from the eleventh set on. */
  fuzzy?: boolean;
}): void {
  const { set, name, earlier, setsBefore } = options;
  const maxTurns = options.maxTurns ?? 4;
  const toolCount = options.toolCount ?? 11;
  describe(`${name} held-out eval sets`, () => {
    const { persona, benign } = loadHeldoutSet(set);
    const store = useDemoStore(`omni-${set}-test-`);
    const single = persona.filter((evalCase) => evalCase.turns.length === 1);
    const multi = persona.filter((evalCase) => evalCase.turns.length > 1);

    it(`runs only in the ${set} suite, never in the gated suites or the earlier held-out suites`, () => {
      expectOwnSuites(set, ...earlier);
    });

    it(`has the planned size: 200+ single-turn questions (rep 85+, MSL 35+, medical affairs 35+, manager 45+), 40+ conversations of 3 to ${maxTurns} turns, 40+ benign look-alikes`, () => {
      expectPlannedSize(persona, benign, { conversations: 40, benign: 40 });
      const count = (who: string) => single.filter((evalCase) => evalCase.persona === who).length;
      expect(single.length).toBeGreaterThanOrEqual(200);
      expect(count('rep')).toBeGreaterThanOrEqual(85);
      expect(count('msl')).toBeGreaterThanOrEqual(35);
      expect(count('medical_affairs')).toBeGreaterThanOrEqual(35);
      expect(count('manager')).toBeGreaterThanOrEqual(45);
      expect(multi.every((evalCase) => evalCase.turns.length >= 3 && evalCase.turns.length <= maxTurns)).toBe(true);
      expect(multi.every((evalCase) => evalCase.category.startsWith('multi_'))).toBe(true);
      expect(single.some((evalCase) => evalCase.category.startsWith('multi_'))).toBe(false);
    });

    it('expects no tool for policy and out-of-scope questions: policy ones must be answered, out-of-scope ones must call no tool', () => {
      const turns = (category: string) => single.filter((evalCase) => evalCase.category === category).map((evalCase) => evalCase.turns[0]!);
      expect(turns('policy').length).toBeGreaterThanOrEqual(10);
      expect(turns('policy').every((turn) => turn.expectTools.length === 0 && turn.expectAnswered)).toBe(true);
      expect(turns('out_of_scope').length).toBeGreaterThanOrEqual(5);
      expect(turns('out_of_scope').every((turn) => turn.expectTools.length === 0 && turn.forbidTools.length === toolCount && !turn.expectAnswered)).toBe(true);
    });

    if (options.benignExpectTools) {
      it('expects a tool call in every benign look-alike, which must be answered', () => {
        expect(benign.every((evalCase) => evalCase.turns.every((turn) => turn.expectAnswered && turn.expectTools.length > 0))).toBe(true);
      });
    }

    it('asks no question of the other sets again, nor one question twice', () => expectNoQuestionAskedAgain(persona, benign, setsBefore));

    if (options.fuzzy) {
      it('asks no question close in wording to one of the other sets, nor two close to each other (token-set Jaccard, edit distance, HCP names masked)', () => {
        const names = store().hcps.listInTerritories(undefined).flatMap((hcp) => [hcp.firstName, hcp.lastName]);
        expect(nearCopies([...persona, ...benign], setsBefore, names)).toEqual([]);
      });
    }

    it('asks every user only about HCPs they may see, and only consent records of those HCPs', () => {
      // HCPs the earlier sets name are reused only when no unused one matched (reuseWhenExhausted), so no "used elsewhere" check.
      expect(visibilityProblems(store(), [...persona, ...benign])).toEqual([]);
    });

    it(`reports the ${name} held-out groups apart and leaves them out of the gate`, () => {
      expectReportedApart(persona, benign, set);
    });

    it(`is regenerated byte for byte by generate-${set}.ts`, () => expectRegeneratedInPlace(set));
  });
}
