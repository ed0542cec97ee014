import { SETS_BEFORE_HELDOUT8 } from './heldout-kit.ts';
import { describeBlindSet } from './heldout-test-support.ts';

/** The eighth held-out sets (generate-heldout8.ts): kept apart from every other suite, well formed, fair to the user asking, reproducible. */
describeBlindSet({ set: 'heldout8', name: 'eighth', earlier: ['heldout7', 'heldout6', 'heldout5', 'heldout4', 'heldout3', 'heldout2', 'heldout'], setsBefore: SETS_BEFORE_HELDOUT8, benignExpectTools: true });
