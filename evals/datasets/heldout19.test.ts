import { SETS_BEFORE_HELDOUT19 } from './heldout-kit.ts';
import { describeBlindSet } from './heldout-test-support.ts';

/** The nineteenth held-out sets (generate-heldout19.ts): kept apart from every other suite, well formed, fair to the user asking, no near-copy of an earlier set's question, reproducible. */
describeBlindSet({
  set: 'heldout19',
  name: 'nineteenth',
  earlier: ['heldout18', 'heldout17', 'heldout16', 'heldout15', 'heldout14', 'heldout13', 'heldout12', 'heldout11', 'heldout10', 'heldout9', 'heldout8', 'heldout7', 'heldout6', 'heldout5', 'heldout4', 'heldout3', 'heldout2', 'heldout'],
  setsBefore: SETS_BEFORE_HELDOUT19,
  benignExpectTools: true,
  maxTurns: 5,
  toolCount: 12,
  fuzzy: true,
});
