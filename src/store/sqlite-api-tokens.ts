import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A token's visible prefix, so a leaked one is recognisable (and redacted from logs). */
export const TOKEN_PREFIX = 'omni_';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Bearer tokens for the HTTP API. A token is shown once when it is created; only its sha256 is
 * stored, so the database alone never yields a working token.
 */
export class SqliteApiTokens {
  private readonly insert;
  private readonly lookup;
  private readonly revokeLabelled;

  constructor(database: Database.Database) {
    this.insert = database.prepare('INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)');
    this.lookup = database.prepare('SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL').pluck();
    this.revokeLabelled = database.prepare('UPDATE api_tokens SET revoked_at = ? WHERE label = ? AND revoked_at IS NULL');
  }

  /** Issues a token for a user and returns it: the only time it can be seen. */
  create(userId: string, label: string, now: Date = new Date()): string {
    const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    this.insert.run(hashOf(token), userId, label, now.toISOString());
    return token;
  }

  /** The user a token belongs to, or undefined for an unknown or revoked token. */
  userIdFor(token: string): string | undefined {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
    return (this.lookup.get(hashOf(token)) as string | undefined) ?? undefined;
  }

  /** Revokes every live token with this label (the demo tokens of an earlier start). */
  revokeLabel(label: string, now: Date = new Date()): number {
    return this.revokeLabelled.run(now.toISOString(), label).changes;
  }
}
