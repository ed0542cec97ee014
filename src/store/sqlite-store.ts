import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../core/app-error.ts';
import { nameKey, type Hcp } from '../domain/hcp.ts';
import type { User } from '../domain/user.ts';
import { isOutboundContact, type Interaction, type InteractionActivity } from '../domain/interaction.ts';
import type { Channel, Outcome, Purpose } from '../domain/vocabulary.ts';
import type { Consent } from '../domain/consent.ts';
import type { FieldNote } from '../domain/field-note.ts';
import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import type { Product } from '../domain/product.ts';
import type {
  ConsentRepository,
  ContentModuleRepository,
  LexicalScope,
  EmbeddingCacheRepository,
  FieldNoteRepository,
  HcpRepository,
  InteractionRepository,
  OmniStore,
  ProductRepository,
  UserRepository,
} from '../domain/repositories.ts';
import { ContactLoads } from './contact-loads.ts';
import { migrations } from './migrations.ts';
import { SqliteSettings } from './sqlite-settings.ts';
import { SqliteReaderPool } from './sqlite-reader-pool.ts';

type Row = Record<string, unknown>;

/**
 * Opens (creating if needed) the SQLite database at `path`, in WAL mode, and migrates it.
 * `bulkLoad` is for building a throwaway file: no journal and no syncs until `finishBulkLoad`.
 */
export function openSqliteStore(path: string, options: { bulkLoad?: boolean } = {}): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let database: Database.Database;
  try {
    database = new Database(path);
    // 8 KiB pages (new databases only): about a quarter faster on imports than the 4 KiB default (npm run bench).
    database.pragma('page_size = 8192');
    database.pragma(options.bulkLoad ? 'journal_mode = OFF' : 'journal_mode = WAL');
    database.pragma(options.bulkLoad ? 'synchronous = OFF' : 'synchronous = NORMAL');
    // A 256 MiB page cache keeps index pages of big imports in memory instead of spilling (default: 2 MiB).
    database.pragma(options.bulkLoad ? 'cache_size = -1000000' : 'cache_size = -262144');
    database.pragma('temp_store = MEMORY');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    migrate(database);
  } catch (error) {
    throw new AppError('STORE_FAILURE', `could not open the database at ${path}`, { cause: error });
  }
  return new SqliteStore(database);
}

function migrate(database: Database.Database): void {
  const current = database.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new AppError('STORE_FAILURE', `the database schema (version ${current}) is newer than this Omni (${migrations.length})`);
  }
  for (let version = current; version < migrations.length; version++) {
    database.transaction(() => {
      database.exec(migrations[version]!);
      database.pragma(`user_version = ${version + 1}`);
    })();
  }
}

const json = (value: unknown): string => JSON.stringify(value);

/** Runs a write, turning a UNIQUE violation on a secondary key into a CONFLICT the caller can report. */
function uniqueOrConflict(write: () => void, what: string): void {
  try {
    write();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('CONFLICT', `${what} already belongs to another record`, { cause: error });
    }
    throw error;
  }
}
const parseJson = <T>(value: unknown): T => JSON.parse(String(value)) as T;
const bool = (value: unknown): boolean => value === 1 || value === 1n;

export class SqliteStore implements OmniStore {
  readonly hcps: HcpRepository;
  readonly users: UserRepository;
  readonly interactions: InteractionRepository;
  readonly consents: ConsentRepository;
  readonly notes: FieldNoteRepository;
  readonly contentModules: ContentModuleRepository;
  readonly products: ProductRepository;
  readonly embeddingCache: EmbeddingCacheRepository;
  readonly settings: SqliteSettings;
  private readerPool: SqliteReaderPool | null = null;
  private readonly contactLoads: ContactLoads;

  constructor(readonly database: Database.Database) {
    this.contactLoads = new ContactLoads(database);
    this.hcps = new SqliteHcpRepository(database);
    this.users = new SqliteUserRepository(database);
    this.interactions = new SqliteInteractionRepository(database, this.contactLoads);
    this.consents = new SqliteConsentRepository(database);
    this.notes = new SqliteFieldNoteRepository(database);
    this.contentModules = new SqliteContentModuleRepository(database);
    this.products = new SqliteProductRepository(database);
    this.embeddingCache = new SqliteEmbeddingCacheRepository(database);
    this.settings = new SqliteSettings(database);
  }

  /** Runs `work` in one transaction; the contact loads its writes change are recounted once, at its end. */
  transaction<T>(work: () => T): T {
    return this.database.transaction(() => this.contactLoads.batch(work))();
  }

  /** Ends a bulk load: durable WAL mode from here on, and fresh statistics for the planner. */
  finishBulkLoad(): void {
    this.database.pragma('synchronous = NORMAL');
    this.database.pragma('journal_mode = WAL');
    this.database.exec('ANALYZE');
  }

  /**
   * Reader threads over this database's file, for read-only statements that should run side by side
   * (started on first use, stopped by close). Null for an in-memory database, which no other
   * connection can open.
   */
  readers(): SqliteReaderPool | null {
    if (this.database.memory || !this.database.open) return null;
    this.readerPool ??= new SqliteReaderPool(this.database.name);
    return this.readerPool;
  }

  close(): void {
    void this.readerPool?.close();
    this.readerPool = null;
    if (this.database.open) this.database.close();
  }
}

function countRows(database: Database.Database, table: string): () => number {
  const statement = database.prepare(`SELECT count(*) AS n FROM ${table}`).pluck();
  return () => statement.get() as number;
}

class SqliteHcpRepository implements HcpRepository {
  private readonly insert;
  private readonly byId;
  private readonly byNpi;
  private readonly existsStatement;
  private readonly byFullName;
  private readonly byNamePrefixes;
  private readonly inTerritories;
  readonly count;

  constructor(database: Database.Database) {
    this.insert = database.prepare(`
      INSERT INTO hcps (id, npi, first_name, last_name, first_name_key, last_name_key, full_name_key, credential,
        specialty, taxonomy_code, subspecialty_focus, institution, city, state, territory, segment, tier,
        influence_score, clinical_trial_involvement, patient_mix_tags, preferred_channel, source, synthetic)
      VALUES (@id, @npi, @firstName, @lastName, @firstNameKey, @lastNameKey, @fullNameKey, @credential,
        @specialty, @taxonomyCode, @subspecialtyFocus, @institution, @city, @state, @territory, @segment, @tier,
        @influenceScore, @clinicalTrialInvolvement, @patientMixTags, @preferredChannel, @source, @synthetic)
      ON CONFLICT (id) DO UPDATE SET npi = excluded.npi, first_name = excluded.first_name,
        last_name = excluded.last_name, first_name_key = excluded.first_name_key,
        last_name_key = excluded.last_name_key, full_name_key = excluded.full_name_key,
        credential = excluded.credential, specialty = excluded.specialty, taxonomy_code = excluded.taxonomy_code,
        subspecialty_focus = excluded.subspecialty_focus, institution = excluded.institution, city = excluded.city,
        state = excluded.state, territory = excluded.territory, segment = excluded.segment, tier = excluded.tier,
        influence_score = excluded.influence_score, clinical_trial_involvement = excluded.clinical_trial_involvement,
        patient_mix_tags = excluded.patient_mix_tags, preferred_channel = excluded.preferred_channel,
        source = excluded.source, synthetic = excluded.synthetic`);
    this.byId = database.prepare('SELECT * FROM hcps WHERE id = ?');
    this.byNpi = database.prepare('SELECT * FROM hcps WHERE npi = ?');
    this.existsStatement = database.prepare('SELECT 1 FROM hcps WHERE id = ?').pluck();
    const inScope = `(@territories IS NULL OR territory IN (SELECT value FROM json_each(@territories)))`;
    this.byFullName = database.prepare(
      `SELECT * FROM hcps WHERE full_name_key = @key AND ${inScope} ORDER BY last_name_key, first_name_key, id LIMIT @limit`,
    );
    // Prefix ranges instead of LIKE, so the name indexes are used.
    this.byNamePrefixes = database.prepare(`
      SELECT * FROM hcps
      WHERE last_name_key >= @last AND last_name_key < @last || char(1114111)
        AND first_name_key >= @first AND first_name_key < @first || char(1114111)
        AND ${inScope}
      UNION
      SELECT * FROM hcps
      WHERE @first = '' AND first_name_key >= @last AND first_name_key < @last || char(1114111) AND ${inScope}
      ORDER BY last_name_key, first_name_key, id LIMIT @limit`);
    this.inTerritories = database.prepare(`SELECT * FROM hcps WHERE ${inScope} ORDER BY territory, last_name_key, first_name_key, id`);
    this.count = countRows(database, 'hcps');
  }

  listInTerritories(territories: readonly string[] | undefined): Hcp[] {
    return (this.inTerritories.all({ territories: territories ? json(territories) : null }) as Row[]).map(toHcp);
  }

  upsert(hcp: Hcp): void {
    uniqueOrConflict(() => this.insertRow(hcp), `NPI ${hcp.npi}`);
  }

  private insertRow(hcp: Hcp): void {
    this.insert.run({
      ...hcp,
      firstNameKey: nameKey(hcp.firstName),
      lastNameKey: nameKey(hcp.lastName),
      fullNameKey: nameKey(`${hcp.firstName} ${hcp.lastName}`),
      clinicalTrialInvolvement: hcp.clinicalTrialInvolvement ? 1 : 0,
      patientMixTags: json(hcp.patientMixTags),
      synthetic: hcp.synthetic ? 1 : 0,
    });
  }

  getById(id: string): Hcp | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toHcp(row) : undefined;
  }

  getByNpi(npi: string): Hcp | undefined {
    const row = this.byNpi.get(npi) as Row | undefined;
    return row ? toHcp(row) : undefined;
  }

  exists(id: string): boolean {
    return this.existsStatement.get(id) !== undefined;
  }

  searchByName(query: string, options: { territories?: readonly string[]; limit: number }): Hcp[] {
    const key = nameKey(query);
    if (!key) return [];
    const territories = options.territories ? json(options.territories) : null;
    const exact = this.byFullName.all({ key, territories, limit: options.limit }) as Row[];
    if (exact.length > 0) return exact.map(toHcp);
    const words = key.split(' ');
    const last = words[words.length - 1]!;
    const first = words.length > 1 ? words[0]! : '';
    const found = this.byNamePrefixes.all({ last, first, territories, limit: options.limit }) as Row[];
    // "O'Connell", "Van Dyke": the whole query as one last name of several words.
    if (found.length === 0 && words.length > 1) return (this.byNamePrefixes.all({ last: key, first: '', territories, limit: options.limit }) as Row[]).map(toHcp);
    return found.map(toHcp);
  }
}

function toHcp(row: Row): Hcp {
  return {
    id: String(row.id),
    npi: (row.npi as string | null) ?? null,
    firstName: String(row.first_name),
    lastName: String(row.last_name),
    credential: String(row.credential),
    specialty: String(row.specialty),
    taxonomyCode: String(row.taxonomy_code),
    subspecialtyFocus: String(row.subspecialty_focus),
    institution: String(row.institution),
    city: String(row.city),
    state: String(row.state),
    territory: String(row.territory),
    segment: (row.segment as Hcp['segment']) ?? null,
    tier: (row.tier as number | null) ?? null,
    influenceScore: (row.influence_score as number | null) ?? null,
    clinicalTrialInvolvement: bool(row.clinical_trial_involvement),
    patientMixTags: parseJson<string[]>(row.patient_mix_tags),
    preferredChannel: (row.preferred_channel as Hcp['preferredChannel']) ?? null,
    source: row.source as Hcp['source'],
    synthetic: bool(row.synthetic),
  };
}

class SqliteUserRepository implements UserRepository {
  private readonly insert;
  private readonly byId;
  private readonly bySlack;
  private readonly all;

  constructor(database: Database.Database) {
    this.insert = database.prepare(`
      INSERT INTO users (id, name, role, territories, team, slack_user_id, synthetic)
      VALUES (@id, @name, @role, @territories, @team, @slackUserId, @synthetic)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, territories = excluded.territories,
        team = excluded.team, slack_user_id = excluded.slack_user_id, synthetic = excluded.synthetic`);
    this.byId = database.prepare('SELECT * FROM users WHERE id = ?');
    this.bySlack = database.prepare('SELECT * FROM users WHERE slack_user_id = ?');
    this.all = database.prepare('SELECT * FROM users ORDER BY role, id');
  }

  upsert(user: User): void {
    uniqueOrConflict(
      () => this.insert.run({ ...user, territories: json(user.territories), synthetic: user.synthetic ? 1 : 0 }),
      `Slack user id ${user.slackUserId}`,
    );
  }

  getById(id: string): User | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toUser(row) : undefined;
  }

  getBySlackUserId(slackUserId: string): User | undefined {
    const row = this.bySlack.get(slackUserId) as Row | undefined;
    return row ? toUser(row) : undefined;
  }

  list(): User[] {
    return (this.all.all() as Row[]).map(toUser);
  }

  exists(id: string): boolean {
    return this.byId.get(id) !== undefined;
  }
}

function toUser(row: Row): User {
  return {
    id: String(row.id),
    name: String(row.name),
    role: row.role as User['role'],
    territories: parseJson<string[]>(row.territories),
    team: String(row.team),
    slackUserId: (row.slack_user_id as string | null) ?? null,
    synthetic: bool(row.synthetic),
  };
}

class SqliteInteractionRepository implements InteractionRepository {
  private readonly insert;
  private readonly previous;
  private readonly update;
  private readonly recent;
  private readonly between;
  /** The NBA reads: activity lines, and the same rows as columns for the rare line that does not parse. */
  private readonly activity: { lines: Database.Statement; columns: Database.Statement; linesOnChannels: Database.Statement; columnsOnChannels: Database.Statement };
  private readonly activityKinds = new ActivityKinds();
  private readonly byId;
  private readonly latest;
  readonly count;

  constructor(
    database: Database.Database,
    private readonly loads: ContactLoads,
  ) {
    // A scan of the table (there is no index by channel; an org-wide question asked now and then).
    this.latest = database.prepare('SELECT max(occurred_at) FROM interactions WHERE channel = ? AND occurred_at < ?').pluck();
    // A new id is inserted; an id already there is a re-import, written over by `update` (upsert).
    this.insert = database.prepare(`
      INSERT INTO interactions (id, hcp_id, actor_id, channel, outcome, purpose, occurred_at, product_id, topic,
        content_module_id, source_system, synthetic)
      VALUES (@id, @hcpId, @actorId, @channel, @outcome, @purpose, @occurredAt, @productId, @topic,
        @contentModuleId, @sourceSystem, @synthetic)
      ON CONFLICT (id) DO NOTHING`);
    this.previous = database.prepare('SELECT hcp_id, occurred_at, channel, outcome, actor_id FROM interactions WHERE id = ?').raw();
    this.update = database.prepare(`
      UPDATE interactions SET hcp_id = @hcpId, actor_id = @actorId, channel = @channel, outcome = @outcome, purpose = @purpose,
        occurred_at = @occurredAt, product_id = @productId, topic = @topic, content_module_id = @contentModuleId,
        source_system = @sourceSystem, synthetic = @synthetic,
        contacts_7_days = CASE WHEN @outbound THEN contacts_7_days END, contacts_30_days = CASE WHEN @outbound THEN contacts_30_days END
      WHERE id = @id`);
    this.recent = database.prepare(`
      SELECT * FROM interactions WHERE hcp_id = @hcpId AND occurred_at < @before
        AND (@purposes IS NULL OR purpose IN (SELECT value FROM json_each(@purposes)))
      ORDER BY occurred_at DESC, id DESC LIMIT @limit`);
    this.between = database.prepare(
      'SELECT * FROM interactions WHERE hcp_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id',
    );
    // The NBA engine's read (activityForHcps; activityForHcp is the same for one HCP). In index order
    // (ties by rowid, i.e. insertion), so no sort step: SQLite walks the IN list in order, one index
    // range per HCP, and rows come grouped by HCP, oldest first. Each row comes as one text, "hcp id
    // actor time [channel, outcome, purpose, product, topic]": ids and times hold no spaces (Id,
    // IsoDateTime) and the JSON comes last, so the driver builds one string per row instead of an
    // array of eight, and the JSON part is decoded once per distinct value (ActivityKinds): a third
    // less than columns per row (npm run bench). A line that does not parse (a space in an id written
    // around Omni's validation) sends the read to the same rows as columns.
    const kindJson = 'json_array(channel, outcome, purpose, product_id, topic)';
    const line = `hcp_id || ' ' || id || ' ' || actor_id || ' ' || occurred_at || ' ' || ${kindJson}`;
    const columns = `hcp_id, id, actor_id, occurred_at, ${kindJson}`;
    const where = "hcp_id IN (SELECT value FROM json_each(?)) AND occurred_at >= ? AND occurred_at < ?";
    const onChannels = 'AND channel IN (SELECT value FROM json_each(?))';
    const read = (what: string, filter: string) => database.prepare(`SELECT ${what} FROM interactions WHERE ${where} ${filter} ORDER BY hcp_id, occurred_at`);
    this.activity = {
      lines: read(line, '').pluck(),
      columns: read(columns, '').raw(),
      linesOnChannels: read(line, onChannels).pluck(),
      columnsOnChannels: read(columns, onChannels).raw(),
    };
    this.byId = database.prepare('SELECT * FROM interactions WHERE id = ?');
    this.count = countRows(database, 'interactions');
  }

  /**
   * Inserts the row, or writes over the row with its id. A new outbound contact, or a row that moves
   * (HCP or time) or changes kind, changes contact loads: noted with ContactLoads, which recounts them.
   */
  upsert(interaction: Interaction): void {
    const { id, hcpId, occurredAt } = interaction;
    const outbound = isOutboundContact(interaction);
    const row = { ...interaction, synthetic: interaction.synthetic ? 1 : 0 };
    if (this.insert.run(row).changes === 1) {
      if (outbound) this.loads.changed(hcpId, occurredAt);
      return;
    }
    const [previousHcp, previousAt, channel, outcome, actorId] = this.previous.get(id) as [string, string, Channel, Outcome, string];
    this.update.run({ ...row, outbound: outbound ? 1 : 0 });
    const wasOutbound = isOutboundContact({ channel, outcome, actorId });
    if (previousHcp === hcpId && previousAt === occurredAt && wasOutbound === outbound) return;
    if (wasOutbound) this.loads.changed(previousHcp, previousAt);
    if (outbound) this.loads.changed(hcpId, occurredAt);
  }

  recentForHcp(hcpId: string, options: { limit: number; before?: string; purposes?: readonly Interaction['purpose'][] }): Interaction[] {
    const purposes = options.purposes ? json(options.purposes) : null;
    return (this.recent.all({ hcpId, before: options.before ?? '9999', purposes, limit: options.limit }) as Row[]).map(toInteraction);
  }

  activityForHcp(hcpId: string, since: string, until: string, channels?: readonly Channel[]): InteractionActivity[] {
    return this.activityForHcps([hcpId], since, until, channels).get(hcpId) ?? [];
  }

  activityForHcps(hcpIds: readonly string[], since: string, until: string, channels?: readonly Channel[]): Map<string, InteractionActivity[]> {
    const parameters = channels ? [json(hcpIds), since, until, json(channels)] : [json(hcpIds), since, until];
    const lines = (channels ? this.activity.linesOnChannels : this.activity.lines).all(...parameters) as (string | null)[];
    const byHcp = new Map<string, InteractionActivity[]>();
    let current: string | undefined;
    let activity: InteractionActivity[] = [];
    const kinds = this.activityKinds;
    for (const line of lines) {
      const parsed = line === null ? undefined : kinds.fromLine(line);
      if (parsed === undefined) return this.activityFromColumns(parameters, channels !== undefined);
      if (kinds.lineHcpId !== current) {
        current = kinds.lineHcpId;
        activity = [];
        byHcp.set(current, activity);
      }
      activity.push(parsed);
    }
    return byHcp;
  }

  private activityFromColumns(parameters: unknown[], onChannels: boolean): Map<string, InteractionActivity[]> {
    const byHcp = new Map<string, InteractionActivity[]>();
    for (const [hcpId, id, actorId, occurredAt, kindText] of (onChannels ? this.activity.columnsOnChannels : this.activity.columns).all(...parameters) as string[][]) {
      const activity = byHcp.get(hcpId!) ?? [];
      activity.push(this.activityKinds.activity(id!, actorId!, occurredAt!, kindText!));
      byHcp.set(hcpId!, activity);
    }
    return byHcp;
  }

  latestOnChannel(channel: Channel, before: string): string | undefined {
    return (this.latest.get(channel, before) as string | null) ?? undefined;
  }

  forHcpBetween(hcpId: string, since: string, until: string): Interaction[] {
    return (this.between.all(hcpId, since, until) as Row[]).map(toInteraction);
  }

  getById(id: string): Interaction | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toInteraction(row) : undefined;
  }
}

type ActivityKind = Pick<InteractionActivity, 'channel' | 'outcome' | 'purpose' | 'productId' | 'topic'>;

/**
 * Activity rows from their text. The (channel, outcome, purpose, product, topic) part is decoded by
 * its JSON text: a year of data holds a few hundred distinct ones, so most rows cost a map lookup,
 * not a parse and five strings. Bounded: past the limit a value is decoded every time (only slower).
 */
class ActivityKinds {
  private readonly decoded = new Map<string, ActivityKind>();
  private static readonly KEPT = 4_096;

  /** The HCP of the last line read by fromLine (a field, not a wrapper object per row). */
  lineHcpId = '';

  /** "hcp id actor time [json]", or undefined when the fields do not fall into place. */
  fromLine(line: string): InteractionActivity | undefined {
    const afterHcp = line.indexOf(' ');
    const afterId = line.indexOf(' ', afterHcp + 1);
    const afterActor = line.indexOf(' ', afterId + 1);
    const afterTime = line.indexOf(' ', afterActor + 1);
    // A space inside an id shifts every field after it, and the JSON part no longer starts the rest.
    if (afterHcp < 0 || afterId < 0 || afterActor < 0 || afterTime < 0 || line.charCodeAt(afterTime + 1) !== 0x5b /* [ */) return undefined;
    this.lineHcpId = line.slice(0, afterHcp);
    return this.activity(line.slice(afterHcp + 1, afterId), line.slice(afterId + 1, afterActor), line.slice(afterActor + 1, afterTime), line.slice(afterTime + 1));
  }

  activity(id: string, actorId: string, occurredAt: string, kindText: string): InteractionActivity {
    let kind = this.decoded.get(kindText);
    if (kind === undefined) {
      const [channel, outcome, purpose, productId, topic] = JSON.parse(kindText) as [Channel, Outcome, Purpose, string | null, string];
      kind = { channel, outcome, purpose, productId, topic };
      if (this.decoded.size < ActivityKinds.KEPT) this.decoded.set(kindText, kind);
    }
    return { id, actorId, channel: kind.channel, outcome: kind.outcome, purpose: kind.purpose, occurredAt, productId: kind.productId, topic: kind.topic };
  }
}

function toInteraction(row: Row): Interaction {
  return {
    id: String(row.id),
    hcpId: String(row.hcp_id),
    actorId: String(row.actor_id),
    channel: row.channel as Interaction['channel'],
    outcome: row.outcome as Interaction['outcome'],
    purpose: row.purpose as Interaction['purpose'],
    occurredAt: String(row.occurred_at),
    productId: (row.product_id as string | null) ?? null,
    topic: String(row.topic),
    contentModuleId: (row.content_module_id as string | null) ?? null,
    sourceSystem: String(row.source_system),
    synthetic: bool(row.synthetic),
  };
}

class SqliteConsentRepository implements ConsentRepository {
  private readonly insert;
  private readonly byHcp;
  private readonly ofMany;
  readonly count;

  constructor(database: Database.Database) {
    this.insert = database.prepare(`
      INSERT INTO consents (id, hcp_id, channel, purpose, product_id, status, recorded_at, source, expires_at,
        jurisdiction, synthetic)
      VALUES (@id, @hcpId, @channel, @purpose, @productId, @status, @recordedAt, @source, @expiresAt,
        @jurisdiction, @synthetic)
      ON CONFLICT (id) DO UPDATE SET hcp_id = excluded.hcp_id, channel = excluded.channel,
        purpose = excluded.purpose, product_id = excluded.product_id, status = excluded.status,
        recorded_at = excluded.recorded_at, source = excluded.source, expires_at = excluded.expires_at,
        jurisdiction = excluded.jurisdiction, synthetic = excluded.synthetic`);
    // Sorted in JS: an HCP has a handful of consent events, and ORDER BY here would sort in a temporary B-tree.
    this.byHcp = database.prepare('SELECT * FROM consents WHERE hcp_id = ?');
    // Raw rows in a fixed column order: the driver builds no keyed object per row (batch NBA reads every HCP).
    this.ofMany = database.prepare(`SELECT ${CONSENT_COLUMNS} FROM consents WHERE hcp_id IN (SELECT value FROM json_each(?))`).raw();
    this.count = countRows(database, 'consents');
  }

  upsert(consent: Consent): void {
    this.insert.run({ ...consent, synthetic: consent.synthetic ? 1 : 0 });
  }

  forHcp(hcpId: string): Consent[] {
    return (this.byHcp.all(hcpId) as Row[]).map(toConsent).sort(byRecordedAt);
  }

  forHcps(hcpIds: readonly string[]): Map<string, Consent[]> {
    const byHcp = new Map<string, Consent[]>();
    for (const row of this.ofMany.all(json(hcpIds)) as ConsentRow[]) {
      const consent = toConsentFromRaw(row);
      const events = byHcp.get(consent.hcpId);
      if (events) events.push(consent);
      else byHcp.set(consent.hcpId, [consent]);
    }
    for (const events of byHcp.values()) events.sort(byRecordedAt);
    return byHcp;
  }
}

function toConsent(row: Row): Consent {
  return {
    id: String(row.id),
    hcpId: String(row.hcp_id),
    channel: row.channel as Consent['channel'],
    purpose: row.purpose as Consent['purpose'],
    productId: (row.product_id as string | null) ?? null,
    status: row.status as Consent['status'],
    recordedAt: String(row.recorded_at),
    source: String(row.source),
    expiresAt: (row.expires_at as string | null) ?? null,
    jurisdiction: String(row.jurisdiction),
    synthetic: bool(row.synthetic),
  };
}

const CONSENT_COLUMNS = 'id, hcp_id, channel, purpose, product_id, status, recorded_at, source, expires_at, jurisdiction, synthetic';
type ConsentRow = [string, string, Consent['channel'], Consent['purpose'], string | null, Consent['status'], string, string, string | null, string, number | bigint];

/** toConsent for a raw row of CONSENT_COLUMNS. */
function toConsentFromRaw([id, hcpId, channel, purpose, productId, status, recordedAt, source, expiresAt, jurisdiction, synthetic]: ConsentRow): Consent {
  return {
    id: String(id),
    hcpId: String(hcpId),
    channel,
    purpose,
    productId: productId ?? null,
    status,
    recordedAt: String(recordedAt),
    source: String(source),
    expiresAt: expiresAt ?? null,
    jurisdiction: String(jurisdiction),
    synthetic: bool(synthetic),
  };
}

const byRecordedAt = (a: Consent, b: Consent) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

class SqliteFieldNoteRepository implements FieldNoteRepository {
  private readonly insert;
  private readonly recent;
  readonly count;

  constructor(database: Database.Database) {
    this.insert = database.prepare(`
      INSERT INTO field_notes (id, hcp_id, author_id, written_at, kind, text, synthetic)
      VALUES (@id, @hcpId, @authorId, @writtenAt, @kind, @text, @synthetic)
      ON CONFLICT (id) DO UPDATE SET hcp_id = excluded.hcp_id, author_id = excluded.author_id,
        written_at = excluded.written_at, kind = excluded.kind, text = excluded.text, synthetic = excluded.synthetic`);
    this.recent = database.prepare(`
      SELECT * FROM field_notes WHERE hcp_id = @hcpId AND written_at < @before
        AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
      ORDER BY written_at DESC, id DESC LIMIT @limit`);
    this.count = countRows(database, 'field_notes');
  }

  upsert(note: FieldNote): void {
    this.insert.run({ ...note, synthetic: note.synthetic ? 1 : 0 });
  }

  recentForHcp(hcpId: string, options: { limit: number; before?: string; kinds?: readonly FieldNote['kind'][] }): FieldNote[] {
    const kinds = options.kinds ? json(options.kinds) : null;
    return (this.recent.all({ hcpId, before: options.before ?? '9999', kinds, limit: options.limit }) as Row[]).map((row) => ({
      id: String(row.id),
      hcpId: String(row.hcp_id),
      authorId: String(row.author_id),
      writtenAt: String(row.written_at),
      kind: row.kind as FieldNote['kind'],
      text: String(row.text),
      synthetic: bool(row.synthetic),
    }));
  }
}

/** Matching rows the rare terms of a lexical search may bring to bm25 before common terms are left to scoring only. */
const RARE_TERM_ROWS = 5_000;

/** One FTS5 token for a scope value: "market" + "ca-qc" is "marketcaqc0" (the tokenizer would split "ca-qc"). */
function scopeToken(prefix: 'market' | 'purpose', value: string): string {
  // The trailing 0 keeps the porter stemmer off: "marketes" (ES) and "marketer" would both stem to "market".
  return `${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, '')}0`;
}

/** User terms match these columns only, never the scope tokens. */
const TEXT_COLUMNS = '{title body mlr_code brand_name generic_name}';

/** The full-text scope column of a module; migration 3 writes the same tokens in SQL. */
export function contentScopeText(module: Pick<ContentModule, 'market' | 'purpose'>): string {
  return `${scopeToken('market', module.market)} ${scopeToken('purpose', module.purpose)}`;
}

class SqliteContentModuleRepository implements ContentModuleRepository {
  private readonly insert;
  private readonly latest;
  private readonly byVersion;
  private readonly ofKind;
  private readonly all;
  private readonly rowidOf;
  private readonly deleteText;
  private readonly insertText;
  private readonly search;
  private readonly matchCount;
  private readonly revisionStatement;
  /** Documents per query term, for choosing the rare terms; any write clears it. */
  private readonly documentFrequency = new Map<string, number>();
  readonly count;

  constructor(database: Database.Database) {
    this.all = database.prepare('SELECT * FROM content_modules ORDER BY id, version');
    this.rowidOf = database.prepare('SELECT rowid FROM content_modules WHERE id = ? AND version = ?').pluck();
    this.deleteText = database.prepare('DELETE FROM content_fts WHERE rowid = ?');
    this.insertText = database.prepare(
      'INSERT INTO content_fts (rowid, module_key, title, body, mlr_code, brand_name, generic_name, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // The scope column (the last weight) only selects; it never adds to a score.
    this.search = database.prepare(
      'SELECT module_key AS key, bm25(content_fts, 0, 1, 1, 1, 1, 1, 0) AS score FROM content_fts WHERE content_fts MATCH ? ORDER BY score LIMIT ?',
    );
    this.matchCount = database.prepare('SELECT count(*) FROM content_fts WHERE content_fts MATCH ?').pluck();
    this.revisionStatement = database.prepare('SELECT revision FROM content_revision WHERE id = 1').pluck();
    this.insert = database.prepare(`
      INSERT INTO content_modules (id, version, mlr_code, title, body, product_id, brand_name, generic_name, kind,
        audience_specialties, allowed_channels, purpose, market, approved_at, approved_by, expires_at, status,
        required_module_ids, source, synthetic)
      VALUES (@id, @version, @mlrCode, @title, @body, @productId, @brandName, @genericName, @kind,
        @audienceSpecialties, @allowedChannels, @purpose, @market, @approvedAt, @approvedBy, @expiresAt, @status,
        @requiredModuleIds, @source, @synthetic)
      ON CONFLICT (id, version) DO UPDATE SET mlr_code = excluded.mlr_code, title = excluded.title,
        body = excluded.body, product_id = excluded.product_id, brand_name = excluded.brand_name,
        generic_name = excluded.generic_name, kind = excluded.kind,
        audience_specialties = excluded.audience_specialties, allowed_channels = excluded.allowed_channels,
        purpose = excluded.purpose, market = excluded.market, approved_at = excluded.approved_at,
        approved_by = excluded.approved_by, expires_at = excluded.expires_at, status = excluded.status,
        required_module_ids = excluded.required_module_ids, source = excluded.source,
        synthetic = excluded.synthetic`);
    this.latest = database.prepare('SELECT * FROM content_modules WHERE id = ? ORDER BY version DESC LIMIT 1');
    this.byVersion = database.prepare('SELECT * FROM content_modules WHERE id = ? AND version = ?');
    this.ofKind = database.prepare('SELECT * FROM content_modules WHERE kind = ? ORDER BY id, version');
    this.count = countRows(database, 'content_modules');
  }

  upsert(module: ContentModule): void {
    this.insert.run({
      ...module,
      audienceSpecialties: json(module.audienceSpecialties),
      allowedChannels: json(module.allowedChannels),
      requiredModuleIds: json(module.requiredModuleIds),
      synthetic: module.synthetic ? 1 : 0,
    });
    // The text row shares the module row's rowid: replacing it is a lookup, not a scan of the index.
    const rowid = this.rowidOf.get(module.id, module.version) as number;
    this.deleteText.run(rowid);
    this.insertText.run(rowid, moduleKey(module), module.title, module.body, module.mlrCode, module.brandName, module.genericName, contentScopeText(module));
    this.documentFrequency.clear();
  }

  list(): ContentModule[] {
    return (this.all.all() as Row[]).map(toContentModule);
  }

  listByKind(kind: ContentModule['kind']): ContentModule[] {
    return (this.ofKind.all(kind) as Row[]).map(toContentModule);
  }

  revision(): number {
    return this.revisionStatement.get() as number;
  }

  lexicalSearch(terms: readonly string[], limit: number, scope?: LexicalScope): { id: string; version: number; bm25: number }[] {
    // Each term becomes a quoted FTS5 string, so operators and column filters in user text are inert.
    const quoted = [...new Set(terms.map((term) => term.replace(/"/g, '').trim()).filter((term) => term !== ''))].map((term) => `"${term}"`);
    // A term no row holds can neither match nor narrow the search (a typo, a name).
    const present = quoted.filter((term) => this.frequency(term) > 0);
    if (present.length === 0 || (scope && scope.purposes.length === 0)) return [];
    const clauses: string[] = [];
    if (scope) {
      clauses.push(`scope : "${scopeToken('market', scope.market)}"`);
      clauses.push(`scope : (${scope.purposes.map((purpose) => `"${scopeToken('purpose', purpose)}"`).join(' OR ')})`);
    }
    // bm25 costs about a microsecond for every matching row, and an OR of common words matches most
    // of a large library. So rows must contain one of the rarest terms (up to RARE_TERM_ROWS matches
    // between them). The OR of every term follows, so common terms still add to the scores of the rows
    // that qualify; the rare terms, written twice, count twice (bm25 scores each phrase written).
    const rare = this.rarestTerms(present);
    if (rare.length < present.length) clauses.push(`${TEXT_COLUMNS} : (${rare.join(' OR ')})`);
    clauses.push(`${TEXT_COLUMNS} : (${present.join(' OR ')})`);
    return (this.search.all(clauses.join(' AND '), limit) as { key: string; score: number }[]).map((row) => {
      const at = row.key.lastIndexOf('@');
      return { id: row.key.slice(0, at), version: Number(row.key.slice(at + 1)), bm25: row.score };
    });
  }

  /** How many rows hold a quoted term, cached until the next write. */
  private frequency(quotedTerm: string): number {
    let documents = this.documentFrequency.get(quotedTerm);
    if (documents === undefined) {
      documents = this.matchCount.get(`${TEXT_COLUMNS} : ${quotedTerm}`) as number;
      this.documentFrequency.set(quotedTerm, documents);
    }
    return documents;
  }

  /** The least frequent of the terms whose matches add up to RARE_TERM_ROWS (at least one). */
  private rarestTerms(quoted: readonly string[]): string[] {
    const rarestFirst = [...quoted].sort((a, b) => this.frequency(a) - this.frequency(b));
    const kept: string[] = [];
    let rows = 0;
    for (const term of rarestFirst) {
      if (kept.length > 0 && rows + this.frequency(term) > RARE_TERM_ROWS) break;
      kept.push(term);
      rows += this.frequency(term);
    }
    return kept;
  }

  get(id: string, version?: number): ContentModule | undefined {
    const row = (version === undefined ? this.latest.get(id) : this.byVersion.get(id, version)) as Row | undefined;
    return row ? toContentModule(row) : undefined;
  }

  exists(id: string): boolean {
    return this.latest.get(id) !== undefined;
  }
}

function toContentModule(row: Row): ContentModule {
  return {
    id: String(row.id),
    version: Number(row.version),
    mlrCode: String(row.mlr_code),
    title: String(row.title),
    body: String(row.body),
    productId: (row.product_id as string | null) ?? null,
    brandName: String(row.brand_name),
    genericName: String(row.generic_name),
    kind: row.kind as ContentModule['kind'],
    audienceSpecialties: parseJson<string[]>(row.audience_specialties),
    allowedChannels: parseJson<ContentModule['allowedChannels']>(row.allowed_channels),
    purpose: row.purpose as ContentModule['purpose'],
    market: String(row.market),
    approvedAt: String(row.approved_at),
    approvedBy: (row.approved_by as string | null) ?? null,
    expiresAt: (row.expires_at as string | null) ?? null,
    status: row.status as ContentModule['status'],
    requiredModuleIds: parseJson<string[]>(row.required_module_ids),
    source: String(row.source),
    synthetic: bool(row.synthetic),
  };
}

class SqliteEmbeddingCacheRepository implements EmbeddingCacheRepository {
  private readonly select;
  private readonly insert;

  constructor(database: Database.Database) {
    this.select = database.prepare('SELECT vector FROM embedding_cache WHERE content_hash = ? AND model = ?').pluck();
    this.insert = database.prepare(
      'INSERT OR REPLACE INTO embedding_cache (content_hash, model, dimensions, vector) VALUES (?, ?, ?, ?)',
    );
  }

  get(contentHash: string, model: string): Float32Array | undefined {
    const blob = this.select.get(contentHash, model) as Buffer | undefined;
    if (!blob) return undefined;
    // Copy out of the driver's buffer: it may be reused.
    return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  }

  put(contentHash: string, model: string, vector: Float32Array): void {
    this.insert.run(contentHash, model, vector.length, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
  }
}

class SqliteProductRepository implements ProductRepository {
  private readonly insert;
  private readonly byId;
  private readonly all;

  constructor(database: Database.Database) {
    this.insert = database.prepare(`
      INSERT INTO products (id, brand_name, generic_name, therapeutic_area, label_id, topics)
      VALUES (@id, @brandName, @genericName, @therapeuticArea, @labelId, @topics)
      ON CONFLICT (id) DO UPDATE SET brand_name = excluded.brand_name, generic_name = excluded.generic_name,
        therapeutic_area = excluded.therapeutic_area, label_id = excluded.label_id, topics = excluded.topics`);
    this.byId = database.prepare('SELECT * FROM products WHERE id = ?');
    this.all = database.prepare('SELECT * FROM products ORDER BY id');
  }

  upsert(product: Product): void {
    this.insert.run({ ...product, topics: json(product.topics) });
  }

  getById(id: string): Product | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toProduct(row) : undefined;
  }

  list(): Product[] {
    return (this.all.all() as Row[]).map(toProduct);
  }

  exists(id: string): boolean {
    return this.byId.get(id) !== undefined;
  }
}

function toProduct(row: Row): Product {
  return {
    id: String(row.id),
    brandName: String(row.brand_name),
    genericName: String(row.generic_name),
    therapeuticArea: row.therapeutic_area as Product['therapeuticArea'],
    labelId: String(row.label_id),
    topics: parseJson<string[]>(row.topics),
  };
}
