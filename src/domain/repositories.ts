import type { Hcp } from './hcp.ts';
import type { User } from './user.ts';
import type { Interaction, InteractionActivity } from './interaction.ts';
import type { Consent } from './consent.ts';
import type { FieldNote } from './field-note.ts';
import type { ContentModule } from './content-module.ts';
import type { Product } from './product.ts';
import type { Channel, Purpose } from './vocabulary.ts';

/**
 * The store as the rest of Omni sees it. Interfaces are narrow on purpose: a PostgreSQL store for
 * many app instances implements the same ones. Writes are upserts by id, so imports are idempotent.
 */
export interface HcpRepository {
  /** Throws AppError CONFLICT when the NPI belongs to another HCP. */
  upsert(hcp: Hcp): void;
  getById(id: string): Hcp | undefined;
  getByNpi(npi: string): Hcp | undefined;
  exists(id: string): boolean;
  /** Case-insensitive match on full name, last name or name prefix; `territories` undefined means all. */
  searchByName(query: string, options: { territories?: readonly string[]; limit: number }): Hcp[];
  /** Every HCP in the territories (undefined: all), by territory then name. */
  listInTerritories(territories: readonly string[] | undefined): Hcp[];
  count(): number;
}

export interface UserRepository {
  /** Throws AppError CONFLICT when the Slack user id belongs to another user. */
  upsert(user: User): void;
  getById(id: string): User | undefined;
  getBySlackUserId(slackUserId: string): User | undefined;
  list(): User[];
  exists(id: string): boolean;
}

export interface InteractionRepository {
  upsert(interaction: Interaction): void;
  /** Newest first; `purposes` keeps only those purposes (a medical-only view). */
  recentForHcp(hcpId: string, options: { limit: number; before?: string; purposes?: readonly Purpose[] }): Interaction[];
  /** Oldest first, in [since, until). */
  forHcpBetween(hcpId: string, since: string, until: string): Interaction[];
  getById(id: string): Interaction | undefined;
  /**
   * The same rows with only the fields signals use, oldest first in [since, until): the NBA engine's
   * read, a fifth of the cost of whole rows (see npm run bench).
   */
  activityForHcp(hcpId: string, since: string, until: string, channels?: readonly Channel[]): InteractionActivity[];
  /**
   * activityForHcp for many HCPs in one statement (batch NBA): each HCP's rows as activityForHcp
   * gives them; an HCP without rows is missing from the map.
   */
  activityForHcps(hcpIds: readonly string[], since: string, until: string, channels?: readonly Channel[]): Map<string, InteractionActivity[]>;
  /** When the latest event on a channel happened before `before` (the congress "since the congress" means), across all HCPs. */
  latestOnChannel(channel: Channel, before: string): string | undefined;
  count(): number;
}

export interface ConsentRepository {
  upsert(consent: Consent): void;
  /** Every consent event for the HCP, oldest first. */
  forHcp(hcpId: string): Consent[];
  /** forHcp for many HCPs in one statement (batch NBA); an HCP without consent events is missing from the map. */
  forHcps(hcpIds: readonly string[]): Map<string, Consent[]>;
  count(): number;
}

export interface FieldNoteRepository {
  upsert(note: FieldNote): void;
  /** Newest first; `kinds` keeps only those note kinds (reps do not see MSL notes). */
  recentForHcp(hcpId: string, options: { limit: number; before?: string; kinds?: readonly FieldNote['kind'][] }): FieldNote[];
  count(): number;
}

export interface ContentModuleRepository {
  /** Also keeps the lexical (full-text) index of the module in step. */
  upsert(module: ContentModule): void;
  /** The highest version of a module, or a given version. */
  get(id: string, version?: number): ContentModule | undefined;
  exists(id: string): boolean;
  count(): number;
  /** Every version of every module, ordered by id then version. */
  list(): ContentModule[];
  /** Every version of the modules of one kind (templates), ordered by id then version. */
  listByKind(kind: ContentModule['kind']): ContentModule[];
  /** A number that changes whenever any module is written (by any process sharing the store). */
  revision(): number;
  /**
   * Full-text (bm25) search over title, body, MLR code, brand and generic name. `terms` are plain
   * words: they are quoted before they reach the query language, so no text can change the query.
   * Best first; lower bm25 is better.
   */
  lexicalSearch(terms: readonly string[], limit: number, scope?: LexicalScope): { id: string; version: number; bm25: number }[];
}

/** Keeps a lexical search to one market and the given purposes inside the full-text index. */
export interface LexicalScope {
  market: string;
  purposes: readonly string[];
}

/** Embedding vectors by content hash and model, so unchanged text is never embedded twice. */
export interface EmbeddingCacheRepository {
  get(contentHash: string, model: string): Float32Array | undefined;
  put(contentHash: string, model: string, vector: Float32Array): void;
}

export interface ProductRepository {
  upsert(product: Product): void;
  getById(id: string): Product | undefined;
  list(): Product[];
  exists(id: string): boolean;
}

export interface OmniStore {
  readonly hcps: HcpRepository;
  readonly users: UserRepository;
  readonly interactions: InteractionRepository;
  readonly consents: ConsentRepository;
  readonly notes: FieldNoteRepository;
  readonly contentModules: ContentModuleRepository;
  readonly products: ProductRepository;
  readonly embeddingCache: EmbeddingCacheRepository;
  /** Runs `work` atomically: everything it wrote lands, or nothing does. */
  transaction<T>(work: () => T): T;
  close(): void;
}
