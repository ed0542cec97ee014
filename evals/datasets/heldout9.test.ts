import { SETS_BEFORE_HELDOUT9 } from './heldout-kit.ts';
import { describeBlindSet } from './heldout-test-support.ts';

/** The ninth held-out sets (generate-heldout9.ts): kept apart from every other suite, well formed, fair to the user asking, reproducible. */
describeBlindSet({ set: 'heldout9', name: 'ninth', earlier: ['heldout8', 'heldout7', 'heldout6', 'heldout5', 'heldout4', 'heldout3', 'heldout2', 'heldout'], setsBefore: SETS_BEFORE_HELDOUT9, benignExpectTools: true });
