import { SETS_BEFORE_HELDOUT10 } from './heldout-kit.ts';
import { describeBlindSet } from './heldout-test-support.ts';

/** The tenth held-out sets (generate-heldout10.ts): kept apart from every other suite, well formed, fair to the user asking, reproducible. */
describeBlindSet({ set: 'heldout10', name: 'tenth', earlier: ['heldout9', 'heldout8', 'heldout7', 'heldout6', 'heldout5', 'heldout4', 'heldout3', 'heldout2', 'heldout'], setsBefore: SETS_BEFORE_HELDOUT10, benignExpectTools: true });
