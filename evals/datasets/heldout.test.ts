import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFiles } from '../lib/runner.ts';
import { expectOwnSuites, expectPlannedSize, expectReportedApart, loadHeldoutSet, useDemoStore, visibilityProblems } from './heldout-test-support.ts';

/** The held-out sets (generate-heldout.ts): kept apart from the gated suites, well formed, fair to the user asking. */
describe('held-out eval sets', () => {
  const { persona, benign } = loadHeldoutSet('heldout');
  const store = useDemoStore('omni-heldout-test-');

  it('runs only in the heldout suite, never in the gated persona and red-team suites', () => {
    expectOwnSuites('heldout');
    expect(datasetFiles('persona').map((file) => basename(file))).toContain('persona-single.jsonl');
    expect(datasetFiles('redteam').map((file) => basename(file))).toContain('benign-lookalike.jsonl');
  });

  it('has the planned size: 60 single-turn persona questions, 8+ conversations, 25+ benign look-alikes', () => {
    expectPlannedSize(persona, benign, { conversations: 8, benign: 25 });
  });

  it('asks every user only about HCPs they may see, and only consent records of those HCPs', () => {
    expect(visibilityProblems(store(), [...persona, ...benign])).toEqual([]);
  });

  it('reports the held-out groups apart and leaves them out of the gate', () => {
    expectReportedApart(persona, benign, 'heldout');
  });
});
