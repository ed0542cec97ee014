import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A token's visible prefix, so a leaked one is recognisable (and redacted from logs). */
export const TOKEN_PREFIX = 'omni_';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** How often a token's last use is written at most: a sign-in per request would otherwise write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** What is kept about a token: never the secret, only its sha256 (which is not listed either). */
export interface ApiTokenInfo {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  /** When it last signed someone in, to the minute; null if never. */
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

interface TokenRow {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/**
 * Bearer tokens for the HTTP API. A token is shown once when it is created; only its sha256 is
 * stored, so the database alone never yields a working token. Each has an id (to list and revoke it
 * by) and may have an expiry, checked at every sign-in: an expired token is refused like an unknown one.
 */
export class SqliteApiTokens {
  private readonly insert;
  private readonly lookup;
  private readonly touch;
  private readonly revokeLabelled;
  private readonly revokeOne;
  private readonly byId;
  private readonly listAll;

  constructor(database: Database.Database) {
    this.insert = database.prepare('INSERT INTO api_tokens (token_hash, id, user_id, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.lookup = database.prepare('SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)');
    this.touch = database.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)');
    this.revokeLabelled = database.prepare('UPDATE api_tokens SET revoked_at = ? WHERE label = ? AND revoked_at IS NULL');
    this.revokeOne = database.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    const columns = 'id, user_id, label, created_at, expires_at, last_used_at, revoked_at';
    this.byId = database.prepare(`SELECT ${columns} FROM api_tokens WHERE id = ?`);
    this.listAll = database.prepare(`SELECT ${columns} FROM api_tokens ORDER BY created_at, id`);
  }

  /** Issues a token for a user and returns it (the only time it can be seen) with its id. `expiresAt`: an ISO instant, or null for never. */
  issue(userId: string, label: string, options: { now?: Date; expiresAt?: string | null } = {}): { token: string; id: string } {
    const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    const id = `tok_${randomBytes(6).toString('hex')}`;
    this.insert.run(hashOf(token), id, userId, label, (options.now ?? new Date()).toISOString(), options.expiresAt ?? null);
    return { token, id };
  }

  /** Issues a token that never expires and returns it: the only time it can be seen. */
  create(userId: string, label: string, now: Date = new Date()): string {
    return this.issue(userId, label, { now }).token;
  }

  /** The user a token belongs to, or undefined for an unknown, revoked or expired token. Records its use (to the minute). */
  userIdFor(token: string, now: Date = new Date()): string | undefined {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
    const row = this.lookup.get(hashOf(token), now.toISOString()) as { id: string; user_id: string } | undefined;
    if (!row) return undefined;
    try {
      this.touch.run(now.toISOString(), row.id, new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString());
    } catch {
      // Bookkeeping only: a database that cannot be written (read-only, busy) still signs a valid token in.
    }
    return row.user_id;
  }

  /** Every token, oldest first, without its secret or hash; `status` as of `now`. */
  list(now: Date = new Date()): ApiTokenInfo[] {
    return (this.listAll.all() as TokenRow[]).map((row) => info(row, now));
  }

  get(id: string, now: Date = new Date()): ApiTokenInfo | undefined {
    const row = this.byId.get(id) as TokenRow | undefined;
    return row ? info(row, now) : undefined;
  }

  /** Revokes one token by id; false when there is no live token with that id. */
  revoke(id: string, now: Date = new Date()): boolean {
    return this.revokeOne.run(now.toISOString(), id).changes === 1;
  }

  /** Revokes every live token with this label (the demo tokens of an earlier start). */
  revokeLabel(label: string, now: Date = new Date()): number {
    return this.revokeLabelled.run(now.toISOString(), label).changes;
  }
}

function info(row: TokenRow, now: Date): ApiTokenInfo {
  const status = row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now.toISOString() ? 'expired' : 'active';
  return { id: row.id, userId: row.user_id, label: row.label, createdAt: row.created_at, expiresAt: row.expires_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, status };
}
