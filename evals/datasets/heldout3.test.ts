import { describe, expect, it } from 'vitest';
import { expectOwnSuites, expectPlannedSize, expectReportedApart, loadHeldoutSet, questionsIn, useDemoStore, visibilityProblems } from './heldout-test-support.ts';

/** The third held-out sets (generate-heldout3.ts): kept apart from the gated suites and the earlier held-out sets, well formed, fair to the user asking. */
describe('third held-out eval sets', () => {
  const { persona, benign } = loadHeldoutSet('heldout3');
  const store = useDemoStore('omni-heldout3-test-');

  it('runs only in the heldout3 suite, never in the gated suites or the earlier held-out suites', () => {
    expectOwnSuites('heldout3', 'heldout2', 'heldout');
  });

  it('has the planned size: 60 single-turn persona questions, 10+ conversations, 30+ benign look-alikes', () => {
    expectPlannedSize(persona, benign, { conversations: 10, benign: 30 });
  });

  it('asks no question of the other sets again, nor one question twice', () => {
    // Compared loosely: case, punctuation and spacing are ignored.
    const normal = (question: string) => question.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const others = questionsIn(
      ['persona-single.jsonl', 'persona-multi.jsonl', 'benign-lookalike.jsonl', 'redteam-direct.jsonl', 'redteam-indirect.jsonl', 'redteam-harmful.jsonl', 'persona-heldout.jsonl', 'benign-heldout.jsonl', 'persona-heldout2.jsonl', 'benign-heldout2.jsonl'],
      normal,
    );
    const mine = [...persona, ...benign].flatMap((evalCase) => evalCase.turns.map((turn) => turn.question));
    expect(mine.filter((question) => others.has(normal(question)))).toEqual([]);
    expect(mine.filter((question, index) => mine.findIndex((other) => normal(other) === normal(question)) !== index)).toEqual([]);
  });

  it('asks every user only about HCPs they may see (none used by another set), and only consent records of those HCPs', () => {
    const usedElsewhere = ['persona-single.jsonl', 'persona-multi.jsonl', 'benign-lookalike.jsonl', 'redteam-indirect.jsonl', 'redteam-direct.jsonl', 'redteam-harmful.jsonl', 'persona-heldout.jsonl', 'benign-heldout.jsonl', 'persona-heldout2.jsonl', 'benign-heldout2.jsonl'];
    expect(visibilityProblems(store(), [...persona, ...benign], { usedElsewhere, skipTurnsAfterPlan: true })).toEqual([]);
  });

  it('reports the third held-out groups apart and leaves them out of the gate', () => {
    expectReportedApart(persona, benign, 'heldout3');
  });
});
