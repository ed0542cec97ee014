import { AppError } from '../../core/app-error.ts';
import { createNbaDependencies } from '../../container.ts';
import { recommendNextBestActions } from '../../nba/next-best-actions.ts';
import { callerFromOption, dataClockFor, demoLines } from '../caller.ts';
import type { Command } from '../command.ts';
import { formatNbaResult } from '../format-nba.ts';

export const nbaCommand: Command = {
  name: 'nba',
  summary: 'next best action for one HCP, with every signal, weight and gate behind it',
  usage: 'omni nba <hcp-id> [--as <user-id>] [--as-of <date>] [--json]',
  details: [
    'Scores field visit, remote detail, approved email, event invitation, MSL handoff, the',
    'medical-information route and waiting, as Σ weight × signal (weights: data/nba/weights.json).',
    'An action failing a gate (consent, frequency cap, approved content, access) is never recommended.',
    'The recommendation is written to the decision log before it is printed; if that fails, nothing is.',
    'Exit codes: 0 ok, 3 no such HCP or user, 4 outside the user\'s territories, 7 log not writable.',
    'JSON output: NbaResult (src/nba/next-best-actions.ts): {recommendationId, hcp, asOf, weightsVersion,',
    '  recommended, actions, blocked, signals, consents}',
  ].join('\n'),
  options: { as: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    const [hcpId, ...extra] = positionals;
    if (!hcpId || extra.length > 0) throw new AppError('INVALID_INPUT', 'which HCP? usage: omni nba <hcp-id> (find ids with omni hcp <name>)');
    const store = context.openStore();
    try {
      const caller = callerFromOption(store, values.as);
      const clock = dataClockFor(store, values['as-of'], context.now);
      const asOf = clock.now().toISOString();
      const result = recommendNextBestActions(createNbaDependencies(store, context.config), caller, hcpId, asOf);
      context.out(values.json ? JSON.stringify(result) : [formatNbaResult(result), ...demoLines(clock, asOf)].join('\n'));
      return 0;
    } finally {
      store.close();
    }
  },
};
