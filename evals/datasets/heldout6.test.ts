import { SETS_BEFORE_HELDOUT6 } from './heldout-kit.ts';
import { describeBlindSet } from './heldout-test-support.ts';

/** The sixth held-out sets (generate-heldout6.ts): kept apart from every other suite, well formed, fair to the user asking, reproducible. */
describeBlindSet({ set: 'heldout6', name: 'sixth', earlier: ['heldout5', 'heldout4', 'heldout3', 'heldout2', 'heldout'], setsBefore: SETS_BEFORE_HELDOUT6, benignExpectTools: false });
