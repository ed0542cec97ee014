import { SETS_BEFORE_HELDOUT7 } from './heldout-kit.ts';
import { describeBlindSet } from './heldout-test-support.ts';

/** The seventh held-out sets (generate-heldout7.ts): kept apart from every other suite, well formed, fair to the user asking, reproducible. */
describeBlindSet({ set: 'heldout7', name: 'seventh', earlier: ['heldout6', 'heldout5', 'heldout4', 'heldout3', 'heldout2', 'heldout'], setsBefore: SETS_BEFORE_HELDOUT7, benignExpectTools: true });
