import { describe, expect, it } from 'vitest';
import { expectOwnSuites, expectPlannedSize, expectReportedApart, loadHeldoutSet, questionsIn, useDemoStore, visibilityProblems } from './heldout-test-support.ts';

/** The second held-out sets (generate-heldout2.ts): kept apart from the gated suites and the first held-out set, well formed, fair to the user asking. */
describe('second held-out eval sets', () => {
  const { persona, benign } = loadHeldoutSet('heldout2');
  const store = useDemoStore('omni-heldout2-test-');

  it('runs only in the heldout2 suite, never in the gated suites or the first held-out suite', () => {
    expectOwnSuites('heldout2', 'heldout');
  });

  it('has the planned size: 60 single-turn persona questions, 10+ conversations, 30+ benign look-alikes', () => {
    expectPlannedSize(persona, benign, { conversations: 10, benign: 30 });
  });

  it('asks no question of the other sets again', () => {
    const normal = (question: string) => question.trim().toLowerCase();
    const others = questionsIn(['persona-single.jsonl', 'persona-multi.jsonl', 'benign-lookalike.jsonl', 'persona-heldout.jsonl', 'benign-heldout.jsonl'], normal);
    const reused = [...persona, ...benign].flatMap((evalCase) => evalCase.turns.map((turn) => turn.question)).filter((question) => others.has(normal(question)));
    expect(reused).toEqual([]);
  });

  it('asks every user only about HCPs they may see (none used by another set), and only consent records of those HCPs', () => {
    const usedElsewhere = ['persona-single.jsonl', 'persona-multi.jsonl', 'benign-lookalike.jsonl', 'redteam-indirect.jsonl', 'redteam-direct.jsonl', 'redteam-harmful.jsonl', 'persona-heldout.jsonl', 'benign-heldout.jsonl'];
    expect(visibilityProblems(store(), [...persona, ...benign], { usedElsewhere })).toEqual([]);
  });

  it('reports the second held-out groups apart and leaves them out of the gate', () => {
    expectReportedApart(persona, benign, 'heldout2');
  });
});
