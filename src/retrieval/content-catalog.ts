import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import { hasSearchableStatus, purposesFor, type ContentFilters } from './content-filters.ts';

/** The module versions one set of filters lets a search see. */
export interface EligibleSet {
  /** By id@version, the key both rankings return; the highest passing version of each module id. */
  readonly byKey: ReadonlyMap<string, ContentModule>;
  /** The same modules by id (one version per id). */
  readonly byId: ReadonlyMap<string, ContentModule>;
  /** Brand names (lower case) among them; product-neutral modules (templates) have none. */
  readonly brands: ReadonlySet<string>;
}

/**
 * How many filter combinations keep their eligible set. A rep's session reuses a handful; a territory
 * plan asks for one per specialty, channel and purpose among its HCPs.
 */
export const CACHED_FILTER_SETS = 64;

/**
 * A searchable module version with its filter fields pre-digested. Status, market and purpose are
 * settled by the group it sits in, so a search checks only dates, channel and audience.
 */
interface CatalogEntry {
  module: ContentModule;
  key: string;
  approvedAt: string;
  expiresAt: string | null;
  channels: ReadonlySet<string>;
  /** Lower-case audience specialties; null when the module is for every specialty. */
  audience: ReadonlySet<string> | null;
}

/**
 * The searchable module versions of the library, grouped by market and search purpose so that a
 * search filters only its own group, with the eligible sets of recent filter combinations cached.
 * Built from one read of the store; a refresh builds a new catalog, so the cache never goes stale.
 */
export class ContentCatalog {
  /** Per market and search purpose, ordered by id then version. */
  private readonly groups = new Map<string, CatalogEntry[]>();
  private readonly cache = new Map<string, EligibleSet>();
  /** Every brand with its generic name, for spotting a product named in a question. */
  readonly products: readonly { brand: string; generic: string }[];
  /** The module versions that can ever pass the filters (approved, or expired with dates): what the vector index holds. */
  readonly searchable: readonly ContentModule[];

  constructor(modules: readonly ContentModule[]) {
    const products = new Map<string, string>();
    const searchable: ContentModule[] = [];
    const ordered = [...modules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
    for (const module of ordered) {
      if (!hasSearchableStatus(module)) continue;
      searchable.push(module);
      const entry: CatalogEntry = {
        module,
        key: moduleKey(module),
        approvedAt: module.approvedAt,
        expiresAt: module.expiresAt,
        channels: new Set(module.allowedChannels),
        audience: module.audienceSpecialties.length > 0 ? new Set(module.audienceSpecialties.map((specialty) => specialty.toLowerCase())) : null,
      };
      for (const purpose of ['promotional', 'medical'] as const) {
        if (!purposesFor(purpose).includes(module.purpose)) continue;
        const key = groupKey(module.market, purpose);
        const group = this.groups.get(key) ?? [];
        group.push(entry);
        this.groups.set(key, group);
      }
      if (module.brandName !== '') products.set(module.brandName.toLowerCase(), module.genericName.toLowerCase());
    }
    this.products = [...products].map(([brand, generic]) => ({ brand, generic }));
    this.searchable = searchable;
  }

  eligible(filters: ContentFilters): EligibleSet {
    const cacheKey = JSON.stringify([filters.asOf, filters.market, filters.purpose, filters.channel ?? null, filters.specialty?.toLowerCase() ?? null]);
    const cached = this.cache.get(cacheKey);
    if (cached) {
      // Least recently used goes first: re-inserting moves this entry to the end.
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, cached);
      return cached;
    }
    // The filters of checkContentFilters in compiled form (content-catalog.test.ts holds them equal);
    // every result is checked with checkContentFilters itself before it leaves the library.
    const { asOf, channel } = filters;
    const specialty = filters.specialty?.toLowerCase();
    const byKey = new Map<string, ContentModule>();
    const brands = new Set<string>();
    let previous: CatalogEntry | undefined;
    for (const entry of this.groups.get(groupKey(filters.market, filters.purpose)) ?? []) {
      if (entry.approvedAt > asOf || (entry.expiresAt !== null && entry.expiresAt <= asOf)) continue;
      if (channel !== undefined && !entry.channels.has(channel)) continue;
      if (specialty !== undefined && entry.audience !== null && !entry.audience.has(specialty)) continue;
      // Ordered by id then version: a later passing version of the same id replaces the earlier one.
      if (previous?.module.id === entry.module.id) byKey.delete(previous.key);
      byKey.set(entry.key, entry.module);
      previous = entry;
    }
    const byId = new Map<string, ContentModule>();
    for (const module of byKey.values()) {
      byId.set(module.id, module);
      if (module.brandName !== '') brands.add(module.brandName.toLowerCase());
    }
    const set: EligibleSet = { byKey, byId, brands };
    this.cache.set(cacheKey, set);
    if (this.cache.size > CACHED_FILTER_SETS) this.cache.delete(this.cache.keys().next().value!);
    return set;
  }
}

function groupKey(market: string, purpose: ContentFilters['purpose']): string {
  return `${market}\u0000${purpose}`;
}
