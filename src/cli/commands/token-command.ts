import { AppError } from '../../core/app-error.ts';
import { DAY_MS, parseIsoDate, parseIsoDateTime } from '../../core/dates.ts';
import { SqliteApiTokens, type ApiTokenInfo } from '../../store/sqlite-api-tokens.ts';
import type { Command } from '../command.ts';

const USAGE = [
  'omni token create --as <user-id> [--expires <duration or date>] [--label <text>] [--json]',
  '       omni token list [--all] [--json]',
  '       omni token revoke <token-id> [--json]',
].join('\n');

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };
const LONGEST_MS = 3_660 * DAY_MS;

/**
 * When a token given `--expires <text>` at `now` stops working: a duration (`30m`, `12h`, `90d`,
 * `2w`), a date (`2027-03-31`: the end of that day, UTC) or a date-time (that moment). Refuses
 * a moment already past, or more than ten years away.
 */
export function tokenExpiry(text: string, now: Date): string {
  const duration = /^(\d{1,6})\s*([mhdw])$/.exec(text.trim());
  const day = parseIsoDate(text);
  const at = duration ? now.getTime() + Number(duration[1]) * UNIT_MS[duration[2]!]! : day ? Date.parse(day) + DAY_MS : Date.parse(parseIsoDateTime(text) ?? '');
  if (Number.isNaN(at)) throw new AppError('INVALID_INPUT', `--expires must be a duration (30m, 12h, 90d, 2w), a date (YYYY-MM-DD) or a date-time, not "${text}"`);
  if (at <= now.getTime()) throw new AppError('INVALID_INPUT', `--expires ${text} has already passed`);
  if (at - now.getTime() > LONGEST_MS) throw new AppError('INVALID_INPUT', `--expires ${text} is more than ten years away`);
  return new Date(at).toISOString();
}

export const tokenCommand: Command = {
  name: 'token',
  summary: 'issue, list and revoke API tokens (a token is shown once; only its hash is stored)',
  usage: USAGE,
  details: [
    'A token signs in to the HTTP API and the web page as its user: it sees what the user may see.',
    '  create   issue a token; --expires 30m|12h|90d|2w, a date (valid through that day, UTC) or a',
    '           date-time; without it the token does not expire. An expired token is refused like a wrong one.',
    '  list     id, user, label, created, expires, last used (to the minute) and status of each token;',
    '           never the secret. Revoked tokens only with --all.',
    '  revoke   stop one token working, by its id (from create or list)',
    'JSON output: create {token, id, userId, label, expiresAt}; list [{id, userId, label, createdAt,',
    'expiresAt, lastUsedAt, revokedAt, status}]; revoke {id, revoked, revokedAt}',
  ].join('\n'),
  options: {
    as: { type: 'string' },
    label: { type: 'string', default: 'omni token create' },
    expires: { type: 'string' },
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  run({ positionals, values }, context) {
    const [action, ...rest] = positionals;
    const arity = { create: 0, list: 0, revoke: 1 }[action ?? ''];
    if (arity === undefined || rest.length !== arity) throw new AppError('INVALID_INPUT', `usage: ${USAGE}`);
    const now = context.now();
    const expiresAt = action === 'create' && typeof values.expires === 'string' ? tokenExpiry(values.expires, now) : null;
    if (action === 'create' && typeof values.as !== 'string') throw new AppError('INVALID_INPUT', 'for whom? --as <user-id> is required (see omni users)');
    const store = context.openStore();
    try {
      const tokens = new SqliteApiTokens(store.database);
      if (action === 'list') {
        const listed = tokens.list(now).filter((token) => values.all || token.status !== 'revoked');
        context.out(values.json ? JSON.stringify(listed) : formatTokens(listed));
        return 0;
      }
      if (action === 'revoke') {
        const id = rest[0]!;
        const before = tokens.get(id, now);
        if (!before) throw new AppError('NOT_FOUND', `no token with id "${id}" (see omni token list)`);
        const revoked = tokens.revoke(id, now);
        const after = tokens.get(id, now)!;
        context.out(values.json ? JSON.stringify({ id, revoked, revokedAt: after.revokedAt }) : revoked ? `Revoked ${id} (${after.userId}, "${after.label}"): it no longer signs in.` : `${id} was already revoked on ${after.revokedAt}.`);
        return 0;
      }
      const user = store.users.getById(String(values.as));
      if (!user) throw new AppError('NOT_FOUND', `no user with id "${String(values.as)}" (see omni users)`);
      const label = String(values.label);
      const { token, id } = tokens.issue(user.id, label, { now, expiresAt });
      context.out(
        values.json
          ? JSON.stringify({ token, id, userId: user.id, label, expiresAt })
          : `${token}\n(id ${id}, for ${user.name}, ${user.role}; ${expiresAt ? `expires ${expiresAt}` : 'does not expire'}; shown once, keep it safe; omni token revoke ${id} stops it)`,
      );
      return 0;
    } finally {
      store.close();
    }
  },
};

function formatTokens(tokens: ApiTokenInfo[]): string {
  if (tokens.length === 0) return 'No tokens (omni token create --as <user-id>).';
  const rows = [['id', 'user', 'status', 'created', 'expires', 'last used', 'label'], ...tokens.map((token) => [token.id, token.userId, token.status, minute(token.createdAt), minute(token.expiresAt) || 'never', minute(token.lastUsedAt) || 'never', token.label])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

const minute = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')}Z` : '');
