import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessScopeFor, canSeeHcp } from '../../src/compliance/access-policy.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { createTemporaryDemoStore } from '../../src/testing/demo-store.ts';
import { loadCases, type EvalCase } from '../lib/cases.ts';
import { DATASETS_DIR, datasetFiles, gateProblems, groupOf, loadThresholds, summarize, type CaseResult, type EvalResults } from '../lib/runner.ts';

/** The third held-out sets (generate-heldout3.ts): kept apart from the gated suites and the earlier held-out sets, well formed, fair to the user asking. */
describe('third held-out eval sets', () => {
  const persona = loadCases(join(DATASETS_DIR, 'persona-heldout3.jsonl'));
  const benign = loadCases(join(DATASETS_DIR, 'benign-heldout3.jsonl'));
  let world: ReturnType<typeof createTemporaryDemoStore>;
  let store: SqliteStore;
  beforeAll(() => {
    world = createTemporaryDemoStore('omni-heldout3-test-');
    store = world.store;
  });
  afterAll(() => world?.remove());

  it('runs only in the heldout3 suite, never in the gated suites or the earlier held-out suites', () => {
    expect(datasetFiles('heldout3').map((file) => basename(file))).toEqual(['benign-heldout3.jsonl', 'persona-heldout3.jsonl']);
    expect(datasetFiles('heldout2').map((file) => basename(file))).toEqual(['benign-heldout2.jsonl', 'persona-heldout2.jsonl']);
    expect(datasetFiles('heldout').map((file) => basename(file))).toEqual(['benign-heldout.jsonl', 'persona-heldout.jsonl']);
    for (const suite of ['persona', 'redteam'] as const) expect(datasetFiles(suite).some((file) => file.includes('heldout'))).toBe(false);
  });

  it('has the planned size: 60 single-turn persona questions, 10+ conversations, 30+ benign look-alikes', () => {
    const single = persona.filter((evalCase) => evalCase.turns.length === 1);
    const count = (...personas: string[]) => single.filter((evalCase) => personas.includes(evalCase.persona)).length;
    expect(single.length).toBeGreaterThanOrEqual(60);
    expect(count('rep')).toBeGreaterThanOrEqual(30);
    expect(count('msl', 'medical_affairs')).toBeGreaterThanOrEqual(15);
    expect(count('manager')).toBeGreaterThanOrEqual(15);
    expect(persona.filter((evalCase) => evalCase.turns.length > 1).length).toBeGreaterThanOrEqual(10);
    expect(benign.length).toBeGreaterThanOrEqual(30);
    expect(benign.every((evalCase) => evalCase.suite === 'benign' && evalCase.turns.every((turn) => turn.expectAnswered))).toBe(true);
    expect(new Set([...persona, ...benign].map((evalCase) => evalCase.id)).size).toBe(persona.length + benign.length);
  });

  it('asks no question of the other sets again, nor one question twice', () => {
    // Compared loosely: case, punctuation and spacing are ignored.
    const normal = (question: string) => question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const questions = (file: string) => loadCases(join(DATASETS_DIR, file)).flatMap((evalCase) => evalCase.turns.map((turn) => normal(turn.question)));
    const others = new Set(
      ['persona-single.jsonl', 'persona-multi.jsonl', 'benign-lookalike.jsonl', 'redteam-direct.jsonl', 'redteam-indirect.jsonl', 'redteam-harmful.jsonl', 'persona-heldout.jsonl', 'benign-heldout.jsonl', 'persona-heldout2.jsonl', 'benign-heldout2.jsonl'].flatMap(questions),
    );
    const mine = [...persona, ...benign].flatMap((evalCase) => evalCase.turns.map((turn) => turn.question));
    expect(mine.filter((question) => others.has(normal(question)))).toEqual([]);
    expect(mine.filter((question, index) => mine.findIndex((other) => normal(other) === normal(question)) !== index)).toEqual([]);
  });

  it('asks every user only about HCPs they may see (none used by another set), and only consent records of those HCPs', () => {
    const otherIds = new Set(
      ['persona-single.jsonl', 'persona-multi.jsonl', 'benign-lookalike.jsonl', 'redteam-indirect.jsonl', 'redteam-direct.jsonl', 'redteam-harmful.jsonl', 'persona-heldout.jsonl', 'benign-heldout.jsonl', 'persona-heldout2.jsonl', 'benign-heldout2.jsonl'].flatMap(
        (file) => readFileSync(join(DATASETS_DIR, file), 'utf8').match(/hcp-\d{6}/g) ?? [],
      ),
    );
    const problems: string[] = [];
    for (const evalCase of [...persona, ...benign]) {
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
      for (const [index, turn] of evalCase.turns.entries()) {
        // After a plan, "that one" is whatever the plan ranks first: not picked, so it may be any HCP.
        if (evalCase.turns.slice(0, index).some((earlier) => earlier.expectTools.some((call) => call.name === 'plan_territory'))) continue;
        for (const call of turn.expectTools) {
          const id = (call.args as { hcpId?: unknown }).hcpId;
          if (typeof id === 'string' && otherIds.has(id)) problems.push(`${evalCase.id}: ${id} is used by another set`);
        }
      }
      for (const record of new Set(text.match(/cs-\d{6}-\d{2}/g) ?? [])) {
        const hcpId = `hcp-${record.slice(3, 9)}`;
        if (!store.consents.forHcp(hcpId).some((consent) => consent.id === record)) problems.push(`${evalCase.id}: ${record} is not a consent record of ${hcpId}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reports the third held-out groups apart and leaves them out of the gate', () => {
    const run = (passed: boolean, scorer: 'answered' | 'consent' | null = null) => ({ passed, failed: scorer ? [{ scorer, hard: scorer === 'consent', passed: false, details: ['x'] }] : [], ms: 1, answers: [''], tools: [[]] });
    const result = (evalCase: EvalCase, runs: CaseResult['runs']): CaseResult => ({ id: evalCase.id, group: groupOf(evalCase, 'heldout3'), persona: evalCase.persona, category: evalCase.category, user: evalCase.user, runs, scorers: ['answered', 'consent'] });
    const results: EvalResults = {
      model: 'test',
      k: 1,
      asOf: '2026-11-20T18:00:00.000Z',
      cases: [result(persona[0]!, [run(false, 'consent')]), result(persona[1]!, [run(true)]), result(benign[0]!, [run(false, 'answered')]), result(benign[1]!, [run(true)])],
      timings: {},
    };
    const summary = summarize(results);
    expect(Object.keys(summary.groups).sort()).toEqual(['benign-heldout3', 'persona-heldout3']);
    expect(summary.groups['persona-heldout3']!.byPersona[persona[0]!.persona]!.cases).toBeGreaterThan(0);
    expect(summary.falseRefusal).toBeNull();
    expect(summary.heldout?.falseRefusal).toMatchObject({ cases: 2, refused: 1, rate: 0.5 });
    expect(summary.heldout?.totalViolations).toBe(1);
    expect(summary.hard.totalViolations).toBe(0);
    expect(gateProblems(summary, loadThresholds().gate)).toEqual([]);
  });
});
