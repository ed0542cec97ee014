import { AppError } from '../../core/app-error.ts';
import { parseIsoDate } from '../../core/dates.ts';
import { SqliteDecisionLog } from '../../audit/sqlite-decision-log.ts';
import { recordFeedback } from '../../nba/explain-recommendation.ts';
import { callerFromOption } from '../caller.ts';
import type { Command } from '../command.ts';
import { printable } from '../printable.ts';

const verdicts = ['accept', 'dismiss', 'snooze'] as const;

export const feedbackCommand: Command = {
  name: 'feedback',
  summary: 'accept, dismiss or snooze a recommendation; kept as a new decision-log record',
  usage: 'omni feedback <recommendation-id> accept|dismiss|snooze [--reason <text>] [--until <date>] [--as <user-id>] [--json]',
  details: [
    'The recommendation itself is never changed: feedback is a record of its own that refers to it.',
    '--as <user-id>: who gives the feedback; they must be able to see the HCP (exit 4 otherwise).',
  ].join('\n'),
  options: { reason: { type: 'string', default: '' }, until: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    const [id, verdict, ...extra] = positionals;
    if (!id || !verdict || extra.length > 0) throw new AppError('INVALID_INPUT', 'usage: omni feedback <recommendation-id> accept|dismiss|snooze [--reason <text>]');
    if (!(verdicts as readonly string[]).includes(verdict)) throw new AppError('INVALID_INPUT', `the verdict must be one of ${verdicts.join(', ')}`);
    const reason = String(values.reason ?? '').trim();
    if (reason.length > 500 || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(reason)) throw new AppError('INVALID_INPUT', '--reason must be at most 500 characters of plain text');
    let snoozeUntil: string | undefined;
    if (typeof values.until === 'string') {
      snoozeUntil = parseIsoDate(values.until);
      if (!snoozeUntil || verdict !== 'snooze') throw new AppError('INVALID_INPUT', '--until <YYYY-MM-DD> goes with snooze only');
    }
    const store = context.openStore();
    try {
      const caller = callerFromOption(store, values.as);
      const record = recordFeedback(new SqliteDecisionLog(store.database), { store, caller }, id, { verdict: verdict as (typeof verdicts)[number], reason, snoozeUntil });
      context.out(values.json ? JSON.stringify(record) : `Recorded ${verdict} on ${id} as ${record.id}${reason ? `: ${printable(reason)}` : ''}.`);
      return 0;
    } finally {
      store.close();
    }
  },
};
