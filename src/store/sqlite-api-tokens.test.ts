import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { User } from '../domain/user.ts';
import { migrations } from './migrations.ts';
import { SqliteApiTokens } from './sqlite-api-tokens.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

let directory: string;
let store: SqliteStore;
let tokens: SqliteApiTokens;
const at = (iso: string) => new Date(iso);

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-tokens-'));
  store = openSqliteStore(join(directory, 'omni.db'));
  for (const id of ['u-rep', 'u-admin']) store.users.upsert(User.parse({ id, name: id, role: id === 'u-rep' ? 'rep' : 'admin', territories: ['T-NE'] }));
  tokens = new SqliteApiTokens(store.database);
});
afterEach(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('SqliteApiTokens', () => {
  it('signs a token in until the moment it expires, then refuses it like an unknown one', () => {
    const { token } = tokens.issue('u-rep', 'short', { now: at('2026-11-20T10:00:00Z'), expiresAt: '2026-11-20T11:00:00.000Z' });
    expect(tokens.userIdFor(token, at('2026-11-20T10:59:59.999Z'))).toBe('u-rep');
    expect(tokens.userIdFor(token, at('2026-11-20T11:00:00.000Z'))).toBeUndefined();
    expect(tokens.userIdFor(token, at('2027-01-01T00:00:00Z'))).toBeUndefined();
    expect(tokens.userIdFor('omni_unknown', at('2026-11-20T10:30:00Z'))).toBeUndefined();
    const forever = tokens.create('u-rep', 'forever', at('2026-11-20T10:00:00Z'));
    expect(tokens.userIdFor(forever, at('2036-11-20T10:00:00Z'))).toBe('u-rep');
  });

  it('revokes one token by id and leaves the same user\'s other tokens working', () => {
    const first = tokens.issue('u-rep', 'laptop');
    const second = tokens.issue('u-rep', 'phone');
    expect(tokens.revoke(first.id)).toBe(true);
    expect(tokens.revoke(first.id)).toBe(false);
    expect(tokens.revoke('tok_nothing')).toBe(false);
    expect(tokens.userIdFor(first.token)).toBeUndefined();
    expect(tokens.userIdFor(second.token)).toBe('u-rep');
  });

  it('lists id, user, label, dates and status, never the secret or its hash, and last use to the minute', () => {
    const live = tokens.issue('u-rep', 'laptop', { now: at('2026-11-20T09:00:00Z') });
    const short = tokens.issue('u-admin', 'ci', { now: at('2026-11-20T09:30:00Z'), expiresAt: '2026-11-20T10:00:00.000Z' });
    const gone = tokens.issue('u-admin', 'old', { now: at('2026-11-20T09:45:00Z') });
    tokens.revoke(gone.id, at('2026-11-20T09:50:00Z'));
    tokens.userIdFor(live.token, at('2026-11-20T10:15:00Z'));
    tokens.userIdFor(live.token, at('2026-11-20T10:15:40Z')); // within the minute: not written again
    const listed = tokens.list(at('2026-11-20T10:20:00Z'));
    expect(listed).toEqual([
      { id: live.id, userId: 'u-rep', label: 'laptop', createdAt: '2026-11-20T09:00:00.000Z', expiresAt: null, lastUsedAt: '2026-11-20T10:15:00.000Z', revokedAt: null, status: 'active' },
      { id: short.id, userId: 'u-admin', label: 'ci', createdAt: '2026-11-20T09:30:00.000Z', expiresAt: '2026-11-20T10:00:00.000Z', lastUsedAt: null, revokedAt: null, status: 'expired' },
      { id: gone.id, userId: 'u-admin', label: 'old', createdAt: '2026-11-20T09:45:00.000Z', expiresAt: null, lastUsedAt: null, revokedAt: '2026-11-20T09:50:00.000Z', status: 'revoked' },
    ]);
    tokens.userIdFor(live.token, at('2026-11-20T10:16:30Z'));
    expect(tokens.get(live.id)!.lastUsedAt).toBe('2026-11-20T10:16:30.000Z');
    const text = JSON.stringify(tokens.list());
    for (const { token } of [live, short, gone]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(createHash('sha256').update(token).digest('hex'));
    }
  });

  it('keeps tokens issued before expiry existed working, never expiring, each with an id of its own', () => {
    const path = join(directory, 'old.db');
    const upgrade = migrations.findIndex((sql) => sql.includes('ADD COLUMN expires_at'));
    const old = new Database(path);
    for (const sql of migrations.slice(0, upgrade)) old.exec(sql);
    old.pragma(`user_version = ${upgrade}`);
    old.prepare("INSERT INTO users (id, name, role) VALUES ('u-rep', 'Rita', 'rep')").run();
    const insert = old.prepare("INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, 'u-rep', 'old', '2026-01-01T00:00:00.000Z')");
    for (const token of ['omni_old-one', 'omni_old-two']) insert.run(createHash('sha256').update(token).digest('hex'));
    old.close();
    const upgraded = openSqliteStore(path);
    try {
      const oldTokens = new SqliteApiTokens(upgraded.database);
      expect(oldTokens.userIdFor('omni_old-one', at('2030-01-01T00:00:00Z'))).toBe('u-rep');
      const listed = oldTokens.list();
      expect(listed.map((token) => [token.status, token.expiresAt])).toEqual([['active', null], ['active', null]]);
      expect(listed.every((token) => /^tok_[0-9a-f]{12}$/.test(token.id))).toBe(true);
      expect(new Set(listed.map((token) => token.id)).size).toBe(2);
    } finally {
      upgraded.close();
    }
  });
});
