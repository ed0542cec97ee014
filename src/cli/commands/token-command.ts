import { AppError } from '../../core/app-error.ts';
import { SqliteApiTokens } from '../../store/sqlite-api-tokens.ts';
import type { Command } from '../command.ts';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'issue an API token for a user (shown once; only its hash is stored)',
  usage: 'omni token create --as <user-id> [--label <text>] [--json]',
  details: ['The token signs in to the HTTP API and the web page as that user: it sees what the user may see.', 'JSON output: {token, userId, label}'].join('\n'),
  options: { as: { type: 'string' }, label: { type: 'string', default: 'omni token create' }, json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    if (positionals[0] !== 'create' || positionals.length > 1) throw new AppError('INVALID_INPUT', 'usage: omni token create --as <user-id>');
    if (typeof values.as !== 'string') throw new AppError('INVALID_INPUT', 'for whom? --as <user-id> is required (see omni users)');
    const store = context.openStore();
    try {
      const user = store.users.getById(values.as);
      if (!user) throw new AppError('NOT_FOUND', `no user with id "${values.as}" (see omni users)`);
      const label = String(values.label);
      const token = new SqliteApiTokens(store.database).create(user.id, label, context.now());
      context.out(values.json ? JSON.stringify({ token, userId: user.id, label }) : `${token}\n(for ${user.name}, ${user.role}; shown once, keep it safe)`);
      return 0;
    } finally {
      store.close();
    }
  },
};
