import { AppError } from '../../core/app-error.ts';
import { createNbaDependencies } from '../../container.ts';
import { planTerritory } from '../../nba/territory-plan.ts';
import { callerFromOption, dataClockFor, demoLines } from '../caller.ts';
import type { Command } from '../command.ts';
import { formatTerritoryPlan } from '../format-nba.ts';

export const planCommand: Command = {
  name: 'plan',
  summary: '"who should I see this week?": the HCPs of your territory ranked by their best action',
  usage: 'omni plan --as <user-id> [--as-of <date>] [--limit <n>] [--json]',
  details: [
    'Every HCP the user may see, each with their best allowed action and its top reason; dead ends and',
    'open medical questions are flagged. The plan is written to the decision log before it is printed.',
    'JSON output: TerritoryPlan (src/nba/territory-plan.ts): {planId, asOf, territories, hcpsConsidered,',
    '  weightsVersion, entries: [{rank, hcp, action, topReason, flags}]}',
  ].join('\n'),
  options: { as: { type: 'string' }, 'as-of': { type: 'string' }, limit: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    if (positionals.length > 0) throw new AppError('INVALID_INPUT', 'usage: omni plan --as <user-id>');
    if (typeof values.as !== 'string') throw new AppError('INVALID_INPUT', 'whose plan? --as <user-id> is required (see omni users)');
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new AppError('INVALID_INPUT', '--limit must be a whole number from 1 to 500');
    const store = context.openStore();
    try {
      const caller = callerFromOption(store, values.as);
      const clock = dataClockFor(store, values['as-of'], context.now);
      const asOf = clock.now().toISOString();
      const plan = planTerritory(createNbaDependencies(store, context.config), caller, asOf, { limit });
      context.out(values.json ? JSON.stringify(plan) : [formatTerritoryPlan(plan), ...demoLines(clock, asOf)].join('\n'));
      return 0;
    } finally {
      store.close();
    }
  },
};
