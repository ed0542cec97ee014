import { AppError } from '../../core/app-error.ts';
import { SqliteDecisionLog } from '../../audit/sqlite-decision-log.ts';
import { Channel } from '../../domain/vocabulary.ts';
import { explainRecommendation } from '../../nba/explain-recommendation.ts';
import { actionKinds, type ActionKind } from '../../nba/weights.ts';
import { callerFromOption } from '../caller.ts';
import type { Command } from '../command.ts';
import { formatExplanation } from '../format-nba.ts';

export const whyCommand: Command = {
  name: 'why',
  summary: 'why a logged recommendation, and why not another action or channel',
  usage: 'omni why <recommendation-id> [--action <kind>] [--channel <channel>] [--as <user-id>] [--json]',
  details: [
    'Answers from the decision log alone, so the answer is what was shown then.',
    `--action: ${actionKinds.join(', ')}`,
    '--channel: e.g. email ("why not email her?") names the gate and the record behind it, and the',
    'consented alternatives.',
    '--as <user-id>: answer as that user, who must be able to see the HCP (exit 4 otherwise).',
  ].join('\n'),
  options: { action: { type: 'string' }, channel: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    const [id, ...extra] = positionals;
    if (!id || extra.length > 0) throw new AppError('INVALID_INPUT', 'usage: omni why <recommendation-id> [--action <kind>] [--channel <channel>]');
    const ask: { kind?: ActionKind; channel?: Channel } = {};
    if (typeof values.action === 'string') {
      if (!(actionKinds as readonly string[]).includes(values.action)) throw new AppError('INVALID_INPUT', `--action must be one of ${actionKinds.join(', ')}`);
      ask.kind = values.action as ActionKind;
    }
    if (typeof values.channel === 'string') {
      const channel = Channel.safeParse(values.channel);
      if (!channel.success) throw new AppError('INVALID_INPUT', `--channel must be one of ${Channel.options.join(', ')}`);
      ask.channel = channel.data;
    }
    const store = context.openStore();
    try {
      const explanation = explainRecommendation(new SqliteDecisionLog(store.database), id, ask, { store, caller: callerFromOption(store, values.as) });
      context.out(values.json ? JSON.stringify(explanation) : formatExplanation(explanation));
      return 0;
    } finally {
      store.close();
    }
  },
};
