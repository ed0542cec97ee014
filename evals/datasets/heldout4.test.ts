import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETS_BEFORE_HELDOUT5 } from './heldout-kit.ts';
import { DATASETS_DIR } from '../lib/runner.ts';
import { expectOwnSuites, expectPlannedSize, expectReportedApart, loadHeldoutSet, questionsIn, useDemoStore, visibilityProblems } from './heldout-test-support.ts';

/** The fourth held-out sets (generate-heldout4.ts): kept apart from the gated suites and the earlier held-out sets, well formed, fair to the user asking, reproducible. */
describe('fourth held-out eval sets', () => {
  const { persona, benign } = loadHeldoutSet('heldout4');
  const store = useDemoStore('omni-heldout4-test-');
  const single = persona.filter((evalCase) => evalCase.turns.length === 1);
  const multi = persona.filter((evalCase) => evalCase.turns.length > 1);

  it('runs only in the heldout4 suite, never in the gated suites or the earlier held-out suites', () => {
    expectOwnSuites('heldout4', 'heldout3', 'heldout2', 'heldout');
  });

  it('has the planned size: 200+ single-turn persona questions over the four personas, 40+ conversations of 3-5 turns, 40+ benign look-alikes', () => {
    expectPlannedSize(persona, benign, { conversations: 40, benign: 40 });
    const count = (who: string) => single.filter((evalCase) => evalCase.persona === who).length;
    expect(single.length).toBeGreaterThanOrEqual(200);
    expect(count('rep')).toBeGreaterThanOrEqual(85);
    expect(count('msl')).toBeGreaterThanOrEqual(30);
    expect(count('medical_affairs')).toBeGreaterThanOrEqual(30);
    expect(count('manager')).toBeGreaterThanOrEqual(40);
    expect(multi.every((evalCase) => evalCase.turns.length >= 3 && evalCase.turns.length <= 5 && evalCase.category.startsWith('multi_'))).toBe(true);
    expect(single.some((evalCase) => evalCase.category.startsWith('multi_'))).toBe(false);
  });

  it('answers policy questions and benign look-alikes, and makes no tool call for off-topic ones', () => {
    for (const evalCase of single.filter((candidate) => candidate.category === 'policy')) expect(evalCase.turns[0]!.expectAnswered, evalCase.id).toBe(true);
    const offTopic = single.filter((candidate) => candidate.category === 'out_of_scope');
    expect(offTopic.length).toBeGreaterThanOrEqual(4);
    for (const evalCase of offTopic) expect(evalCase.turns[0]!.forbidTools.map((call) => call.name).sort(), evalCase.id).toHaveLength(11);
  });

  it('asks no question of the other sets again, nor one question twice', () => {
    // Compared loosely: case, punctuation and spacing are ignored.
    const normal = (question: string) => question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    // The fourth set was written beside the fifth, against the same earlier sets.
    const others = questionsIn([...SETS_BEFORE_HELDOUT5], normal);
    const mine = [...persona, ...benign].flatMap((evalCase) => evalCase.turns.map((turn) => turn.question));
    // Bare follow-ups ("and sms?", "by territory") are the point of a thread, so only questions of four words or more must be new.
    expect(mine.filter((question) => normal(question).split(' ').length >= 4 && others.has(normal(question)))).toEqual([]);
    const firsts = [...single, ...benign].map((evalCase) => evalCase.turns[0]!.question);
    expect(firsts.filter((question, index) => firsts.findIndex((other) => normal(other) === normal(question)) !== index)).toEqual([]);
  });

  it('asks every user only about HCPs they may see, and only consent records of those HCPs', () => {
    // HCPs the earlier sets name are reused only when no unused one matched (reuseWhenExhausted), so no "used elsewhere" check.
    expect(visibilityProblems(store(), [...persona, ...benign])).toEqual([]);
  });

  it('reports the fourth held-out groups apart and leaves them out of the gate', () => {
    expectReportedApart(persona, benign, 'heldout4');
  });

  it('regenerates byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'omni-heldout4-regen-'));
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(DATASETS_DIR, 'generate-heldout4.ts')], { env: { ...process.env, OMNI_HELDOUT_OUT_DIR: out }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      for (const file of ['persona-heldout4.jsonl', 'benign-heldout4.jsonl']) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(DATASETS_DIR, file), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
