import { AppError } from '../../core/app-error.ts';
import { parseIsoDateTime } from '../../core/dates.ts';
import { accessScopeFor, FULL_ACCESS } from '../../compliance/access-policy.ts';
import { lookupHcpProfile } from '../../profile/hcp-profile.ts';
import { formatProfileLookup } from '../format-profile.ts';
import { dataClockFor, demoLines } from '../caller.ts';
import type { Command } from '../command.ts';

export const hcpCommand: Command = {
  name: 'hcp',
  summary: "print an HCP's unified profile: identity, consent, latest interactions, open signals",
  usage: 'omni hcp <name or id> [--as <user-id>] [--as-of <date>] [--json]',
  details: [
    'A name matching several HCPs lists the candidates instead of guessing.',
    '--as <user-id> shows only what that user may see (a rep: their territory; medical affairs:',
    'medical interactions). Without --as the command runs as the local operator and sees everything.',
    '--as-of <date> computes consent and signals at that moment (default: now; on a demo database whose',
    'data ends before today, the end of its last day, and the output says "Demo data as of <day>.").',
    'Exit codes: 0 found or candidates listed, 3 no match, 4 outside the user\'s territories.',
    'JSON output: {status: "found", profile} | {status: "ambiguous", query, candidates}',
    '           | {status: "not_found", query} | {status: "out_of_scope", query, territories}',
  ].join('\n'),
  options: {
    as: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  run({ positionals, values }, context) {
    const query = positionals.join(' ').trim();
    if (!query) throw new AppError('INVALID_INPUT', 'whose profile? usage: omni hcp <name or id>');
    const asOfText = values['as-of'];
    if (typeof asOfText === 'string' && !parseIsoDateTime(asOfText)) throw new AppError('INVALID_INPUT', `--as-of must be an ISO 8601 date, not "${asOfText}"`);
    const store = context.openStore();
    try {
      const clock = dataClockFor(store, asOfText, context.now);
      const asOf = clock.now().toISOString();
      let scope = FULL_ACCESS;
      if (typeof values.as === 'string') {
        const user = store.users.getById(values.as);
        if (!user) throw new AppError('NOT_FOUND', `no user with id "${values.as}" (see omni users)`);
        scope = accessScopeFor(user);
      }
      const lookup = lookupHcpProfile(store, query, { asOf, scope, signalOptions: { deadEndDays: context.config.deadEndDays } });
      context.out(values.json ? JSON.stringify(lookup) : [formatProfileLookup(lookup), ...demoLines(clock, asOf)].join('\n'));
      return lookup.status === 'not_found' ? 3 : lookup.status === 'out_of_scope' ? 4 : 0;
    } finally {
      store.close();
    }
  },
};
