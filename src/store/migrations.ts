import { outboundColumnsSql, recountLoadsSql } from './contact-loads.ts';

/**
 * Schema migrations, applied in order and tracked with SQLite's user_version. Never edit a
 * migration that has shipped: add a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE products (
    id TEXT PRIMARY KEY,
    brand_name TEXT NOT NULL,
    generic_name TEXT NOT NULL,
    therapeutic_area TEXT NOT NULL,
    label_id TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '[]'
  ) STRICT;

  CREATE TABLE hcps (
    id TEXT PRIMARY KEY,
    npi TEXT UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name_key TEXT NOT NULL,
    last_name_key TEXT NOT NULL,
    full_name_key TEXT NOT NULL,
    credential TEXT NOT NULL DEFAULT '',
    specialty TEXT NOT NULL,
    taxonomy_code TEXT NOT NULL DEFAULT '',
    subspecialty_focus TEXT NOT NULL DEFAULT '',
    institution TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT '',
    territory TEXT NOT NULL DEFAULT '',
    segment TEXT,
    tier INTEGER,
    influence_score REAL,
    clinical_trial_involvement INTEGER NOT NULL DEFAULT 0,
    patient_mix_tags TEXT NOT NULL DEFAULT '[]',
    preferred_channel TEXT,
    source TEXT NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX hcps_by_last_name ON hcps (last_name_key, first_name_key);
  CREATE INDEX hcps_by_first_name ON hcps (first_name_key);
  CREATE INDEX hcps_by_full_name ON hcps (full_name_key);
  CREATE INDEX hcps_by_territory ON hcps (territory, segment);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    territories TEXT NOT NULL DEFAULT '[]',
    team TEXT NOT NULL DEFAULT '',
    slack_user_id TEXT UNIQUE,
    synthetic INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX users_by_role ON users (role);

  CREATE TABLE interactions (
    id TEXT PRIMARY KEY,
    hcp_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL,
    purpose TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    product_id TEXT,
    topic TEXT NOT NULL DEFAULT '',
    content_module_id TEXT,
    source_system TEXT NOT NULL DEFAULT '',
    synthetic INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  -- One index per lookup path that exists; each extra index costs every import (see npm run bench).
  CREATE INDEX interactions_by_hcp_time ON interactions (hcp_id, occurred_at);

  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    hcp_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    product_id TEXT,
    status TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    source TEXT NOT NULL,
    expires_at TEXT,
    jurisdiction TEXT NOT NULL DEFAULT 'US',
    synthetic INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX consents_by_hcp ON consents (hcp_id, channel, purpose, recorded_at);

  CREATE TABLE field_notes (
    id TEXT PRIMARY KEY,
    hcp_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    written_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX field_notes_by_hcp_time ON field_notes (hcp_id, written_at);
  CREATE INDEX field_notes_by_time ON field_notes (written_at);

  CREATE TABLE content_modules (
    -- An explicit rowid survives VACUUM, so the full-text rows keyed by it stay in step.
    row_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    mlr_code TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    product_id TEXT,
    brand_name TEXT NOT NULL DEFAULT '',
    generic_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    audience_specialties TEXT NOT NULL DEFAULT '[]',
    allowed_channels TEXT NOT NULL DEFAULT '[]',
    purpose TEXT NOT NULL,
    market TEXT NOT NULL DEFAULT 'US',
    approved_at TEXT NOT NULL,
    expires_at TEXT,
    status TEXT NOT NULL,
    required_module_ids TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT '',
    synthetic INTEGER NOT NULL DEFAULT 0,
    UNIQUE (id, version)
  ) STRICT;
  CREATE INDEX content_modules_by_product ON content_modules (product_id, status);
  CREATE INDEX content_modules_by_mlr_code ON content_modules (mlr_code);
  `,
  // 2: lexical search over content modules and the embedding cache (content library, issue 3).
  `
  CREATE VIRTUAL TABLE content_fts USING fts5 (
    module_key UNINDEXED,
    title,
    body,
    mlr_code,
    brand_name,
    generic_name,
    tokenize = 'porter unicode61'
  );
  -- The text row shares the module row's rowid, so replacing it is a rowid lookup, not a scan.
  INSERT INTO content_fts (rowid, module_key, title, body, mlr_code, brand_name, generic_name)
    SELECT rowid, id || '@' || version, title, body, mlr_code, brand_name, generic_name FROM content_modules;

  CREATE TABLE embedding_cache (
    content_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (content_hash, model)
  ) STRICT, WITHOUT ROWID;
  `,
  // 3: the full-text rows carry the module's market and purpose as "scope" tokens, so a search can
  // keep to its market and purpose inside FTS5 instead of ranking every market's text first.
  `
  DROP TABLE content_fts;
  CREATE VIRTUAL TABLE content_fts USING fts5 (
    module_key UNINDEXED,
    title,
    body,
    mlr_code,
    brand_name,
    generic_name,
    scope,
    tokenize = 'porter unicode61'
  );
  INSERT INTO content_fts (rowid, module_key, title, body, mlr_code, brand_name, generic_name, scope)
    SELECT rowid, id || '@' || version, title, body, mlr_code, brand_name, generic_name,
      'market' || replace(lower(market), '-', '') || '0 purpose' || replace(purpose, '_', '') || '0' FROM content_modules;
  `,
  // 4: the append-only, hash-chained decision log (issue 4; src/audit/sqlite-decision-log.ts).
  // AUTOINCREMENT keeps the highest sequence ever written in sqlite_sequence, so verify can tell when
  // records were cut from the end of the chain. The triggers refuse UPDATE and DELETE, and an INSERT
  // that does not extend the chain (wrong sequence or previous hash, or a reused id: INSERT OR REPLACE
  // deletes without firing DELETE triggers). Nothing here can stop someone with the file and a SQLite
  // shell; verify is what proves the chain.
  `
  CREATE TABLE decision_log (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    hcp_id TEXT,
    refers_to TEXT,
    recorded_at TEXT NOT NULL,
    -- canonical JSON (src/audit/canonical-json.ts), exactly the text that was hashed
    payload TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT;
  CREATE INDEX decision_log_by_refers_to ON decision_log (refers_to) WHERE refers_to IS NOT NULL;

  CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log
  BEGIN
    SELECT RAISE(ABORT, 'decision_log is append-only: records cannot be updated');
  END;
  CREATE TRIGGER decision_log_no_delete BEFORE DELETE ON decision_log
  BEGIN
    SELECT RAISE(ABORT, 'decision_log is append-only: records cannot be deleted');
  END;
  CREATE TRIGGER decision_log_append_only BEFORE INSERT ON decision_log
  WHEN NEW.sequence IS NOT (SELECT coalesce(max(sequence), 0) + 1 FROM decision_log)
    OR NEW.previous_hash IS NOT coalesce((SELECT hash FROM decision_log ORDER BY sequence DESC LIMIT 1),
      '0000000000000000000000000000000000000000000000000000000000000000')
    OR EXISTS (SELECT 1 FROM decision_log WHERE id = NEW.id)
  BEGIN
    SELECT RAISE(ABORT, 'decision_log is append-only: a record must extend the chain');
  END;
  `,
  // 5: a revision number for the content library, bumped by every write to content_modules, so a
  // long-running process can tell that its in-memory catalog is stale (a module withdrawn elsewhere).
  `
  CREATE TABLE content_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
  ) STRICT;
  INSERT INTO content_revision (id, revision) VALUES (1, 0);
  CREATE TRIGGER content_revision_on_insert AFTER INSERT ON content_modules
  BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;
  CREATE TRIGGER content_revision_on_update AFTER UPDATE ON content_modules
  BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;
  CREATE TRIGGER content_revision_on_delete AFTER DELETE ON content_modules
  BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;
  `,
  // 6: conversation memory per thread (src/agent/conversation-memory.ts). A thread belongs to the user
  // who asks in it: the key starts with their id, so nobody can read another user's thread by its id.
  `
  CREATE TABLE conversation_turns (
    actor_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    turn INTEGER NOT NULL,
    asked_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    -- JSON ConversationFocus after this turn: who "her" is in the next question
    focus TEXT NOT NULL,
    -- JSON [{name, input}]
    tool_calls TEXT NOT NULL,
    model TEXT NOT NULL,
    PRIMARY KEY (actor_id, thread_id, turn)
  ) STRICT;
  `,
  // 7: bearer tokens for the HTTP API (src/store/sqlite-api-tokens.ts). Only the sha256 of a token is
  // kept, so a copy of the database does not give anyone a working token.
  `
  CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT;
  CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
  `,
  // 8: the performance metrics (issue 7, src/analytics/). They read a team's interactions for a period
  // HCP by HCP: the (hcp_id, occurred_at) index now carries the columns they test, so those reads
  // touch no table rows (it replaces the narrower index of the same name: every lookup that used it
  // can use this one). Two partial indexes hold only intent signals and medical questions, the
  // starting rows of the follow-up metrics; their WHERE clauses are the metrics' own predicates
  // (src/analytics/sql-fragments.ts; a test keeps them equal), or SQLite would not use them.
  // Decision-log records by kind and time, for the NBA acceptance rate over a period.
  `
  DROP INDEX interactions_by_hcp_time;
  CREATE INDEX interactions_by_hcp_time ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id);
  CREATE INDEX interactions_intents ON interactions (hcp_id, occurred_at, channel, outcome, product_id)
    WHERE ((channel = 'webinar' AND outcome = 'attended') OR (channel = 'content_download' AND outcome = 'downloaded') OR (channel = 'email' AND outcome = 'clicked') OR (channel = 'congress_booth' AND outcome = 'completed') OR (channel = 'website' AND outcome = 'requested'));
  CREATE INDEX interactions_medical_questions ON interactions (hcp_id, occurred_at, channel, outcome, product_id)
    WHERE (channel IN ('medical_inquiry', 'call_center') AND outcome = 'requested');
  CREATE INDEX decision_log_by_kind_time ON decision_log (kind, recorded_at, hcp_id, actor_id, id);
  `,
  // 9: two more partial indexes over interactions, each defined by a metric's own predicate
  // (src/analytics/sql-fragments.ts; a test keeps them equal). Outbound contacts (isOutboundContact,
  // about 60% of the rows) for reach, frequency and over-contacted HCPs, which then read no other rows.
  // Personal contacts (isPersonalContact, about a quarter) by (HCP, rep, time), for an HCP's primary
  // rep: each covering rep's contacts in 180 days counted straight from the index. The consents
  // index now carries every column consent coverage reads, so replaying an HCP's consents touches no
  // table rows (it replaces the narrower index of the same name, as migration 8 did for interactions).
  `
  DROP INDEX consents_by_hcp;
  CREATE INDEX consents_by_hcp ON consents (hcp_id, channel, purpose, recorded_at, id, product_id, status, expires_at);
  CREATE INDEX interactions_outbound ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id)
    WHERE (CASE outcome WHEN 'sent' THEN channel IN ('email', 'sms') OR (channel = 'whatsapp' AND NOT (substr(actor_id, 1, 7) = 'system:')) WHEN 'completed' THEN channel IN ('field_visit', 'remote_detail', 'msl_meeting', 'phone') AND NOT (substr(actor_id, 1, 7) = 'system:') WHEN 'replied' THEN channel = 'medical_inquiry' AND NOT (substr(actor_id, 1, 7) = 'system:') ELSE 0 END);
  CREATE INDEX interactions_personal_contacts ON interactions (hcp_id, actor_id, occurred_at, channel, outcome)
    WHERE (NOT (substr(actor_id, 1, 7) = 'system:') AND ((channel IN ('field_visit', 'remote_detail', 'msl_meeting', 'phone') AND outcome = 'completed') OR (channel IN ('email', 'sms', 'whatsapp') AND outcome = 'sent') OR (channel = 'medical_inquiry' AND outcome = 'replied')));
  `,
  // 10: each outbound contact's load, stored with it (src/store/contact-loads.ts): the outbound
  // contacts of its HCP in the 7 (30) days up to and including it, as the NBA engine counts them
  // against its caps, so the over-contacted metric reads the period's contacts from the outbound index
  // instead of running a window over 60 days of them (npm run bench). Rows already there are counted
  // here with one window; from then on the repository recounts what each write changes, and the
  // trigger what a delete changes. Loads are NULL on rows that are not outbound contacts.
  `
  ALTER TABLE interactions ADD COLUMN contacts_7_days INTEGER;
  ALTER TABLE interactions ADD COLUMN contacts_30_days INTEGER;
  DROP INDEX interactions_outbound;
  ${recountLoadsSql(`SELECT rowid AS row, hcp_id, occurred_at AS at, '' AS recount_from FROM interactions WHERE ${outboundColumnsSql('')}`)}
  CREATE INDEX interactions_outbound ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id, contacts_7_days, contacts_30_days)
    WHERE ${outboundColumnsSql('')};
  CREATE TRIGGER interactions_loads_after_delete AFTER DELETE ON interactions WHEN ${outboundColumnsSql('OLD.')}
  BEGIN
    ${recountLoadsSql(
      `SELECT rowid AS row, hcp_id, occurred_at AS at, OLD.occurred_at AS recount_from FROM interactions\n` +
        `      WHERE hcp_id = OLD.hcp_id AND occurred_at >= strftime('%Y-%m-%dT%H:%M:%fZ', OLD.occurred_at, '-31 days') AND ${outboundColumnsSql('')}`,
    )}
  END;
  `,
  // 11: the rows that are not a send (about 63%: every engagement and every rung of the engagement
  // ladder), for engagement rate and cross-channel progression, which then skip the sends (35% of all
  // rows) instead of reading past them: about a quarter faster on the large database (npm run bench).
  // The WHERE clause is the metrics' own notSentSql (src/analytics/sql-fragments.ts; a test keeps them equal).
  `
  CREATE INDEX interactions_not_sent ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id)
    WHERE outcome <> 'sent';
  `,
  // 12: facts about the database itself (src/store/sqlite-settings.ts). demo_as_of is where a demo
  // database's data ends: front ends answer as of that day once the wall clock has passed it. A demo
  // built before this migration (every HCP synthetic) gets its latest interaction as that moment.
  `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  INSERT INTO settings (key, value)
    SELECT 'demo_as_of', (SELECT max(occurred_at) FROM interactions)
    WHERE EXISTS (SELECT 1 FROM hcps) AND NOT EXISTS (SELECT 1 FROM hcps WHERE synthetic = 0)
      AND EXISTS (SELECT 1 FROM interactions);
  `,
  // 13: API tokens get an id to list and revoke them by (never the secret, whose sha256 stays the
  // key), an expiry checked at every sign-in, and when each was last used (src/store/sqlite-api-tokens.ts).
  // Tokens issued before this never expire and get a random id here.
  `
  ALTER TABLE api_tokens ADD COLUMN id TEXT;
  ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
  ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
  UPDATE api_tokens SET id = 'tok_' || lower(hex(randomblob(6)));
  CREATE UNIQUE INDEX api_tokens_by_id ON api_tokens (id);
  `,
  // 14: an HCP without a territory (an NPPES import before this migration) holds the real value
  // 'unassigned' (UNASSIGNED_TERRITORY in src/domain/hcp.ts), which every tool and filter accepts, not "".
  `
  UPDATE hcps SET territory = 'unassigned' WHERE trim(territory) = '';
  `,
  // 15: who approved a content module in MLR review (src/compliance/content-provenance.ts). Modules
  // stored before it have none, so none of them can reach a search or a draft until re-imported with one.
  `
  ALTER TABLE content_modules ADD COLUMN approved_by TEXT;
  `,
];
