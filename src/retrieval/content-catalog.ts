import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import { channels } from '../domain/vocabulary.ts';
import { hasSearchableStatus, purposesFor, type ContentFilters } from './content-filters.ts';
import { EligibleSet } from './eligible-set.ts';
import { LexicalIndex } from './lexical-index.ts';

export { EligibleSet } from './eligible-set.ts';

/**
 * How many filter combinations keep their eligible set. A rep's session reuses a handful; a territory
 * plan asks for one per specialty, channel and purpose among its HCPs.
 */
export const CACHED_FILTER_SETS = 64;

/** No expiry, as a date rank: after every date. */
const NEVER = 0x7fffffff;

/**
 * The stored module versions, each with a document number (its place in id-then-version order),
 * grouped by market and search purpose so that a search filters only its own group. Eligible sets
 * are masks over the document numbers, which is also how the lexical index and the vector mapping
 * address modules; the sets of recent filter combinations are cached. Built from one read of the
 * store; a refresh builds a new catalog, so neither the cache nor the lexical index goes stale.
 */
export class ContentCatalog {
  /** Every stored version (drafts and withdrawn ones too: they count in the bm25 statistics, as in FTS5), by document number. */
  readonly modules: readonly ContentModule[];
  /** id@version per document number. */
  readonly keys: readonly string[];
  /** Every brand with its generic name, for spotting a product named in a question. */
  readonly products: readonly { brand: string; generic: string }[];
  /** Each brand and generic name of three letters or more as " words " (lower case, punctuation as spaces), with its product's position. */
  readonly productNames: readonly { product: number; pattern: string }[];
  /** The module versions that can ever pass the filters (approved, or expired with dates): what the vector index holds. */
  readonly searchable: readonly ContentModule[];
  /** Per document number, its brand as a position in `products`; -1 for product-neutral (and never searchable) versions. */
  readonly brandOf: Int32Array;

  /** Per market and search purpose, the document numbers of its searchable versions, ascending. */
  private readonly groups = new Map<string, Uint32Array>();
  // The filter fields of checkContentFilters in compiled form, per document number.
  /**
   * The catalog's distinct dates, sorted. A date's rank is 2 * its position + 1 (a date between two
   * of them gets the even rank between), so comparing ranks is comparing the date strings.
   */
  private readonly dates: readonly string[];
  private readonly approvedRank: Int32Array;
  private readonly expiresRank: Int32Array;
  private readonly channelBits: Int32Array;
  /** Audience specialties (ids of lower-case names) at [audienceStart[d], audienceStart[d + 1]); none means every specialty. */
  private readonly audienceStart: Uint32Array;
  private readonly audienceIds: Int32Array;
  private readonly specialtyIds = new Map<string, number>();
  /** Versions of one module id share a number, so a later passing version can replace an earlier one. */
  private readonly idNumber: Int32Array;
  private readonly cache = new Map<string, EligibleSet>();
  /** Scratch for computing an eligible set, as long as the largest group. */
  private readonly passing: Uint32Array;
  private lexical: LexicalIndex | undefined;
  /** The replaced catalog's lexical index, until this one builds its own from it (never the catalog: no chain of old catalogs). */
  private previousLexical: LexicalIndex | undefined;

  /**
   * `previous`, the catalog this one replaces, lends its lexical index: unchanged module text is
   * not tokenized again when the library is rebuilt after a write.
   */
  constructor(modules: readonly ContentModule[], previous?: ContentCatalog) {
    this.previousLexical = previous?.lexical;
    const ordered = [...modules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
    const count = ordered.length;
    this.modules = ordered;
    this.keys = ordered.map(moduleKey);
    this.dates = [...new Set(ordered.flatMap((module) => (module.expiresAt === null ? [module.approvedAt] : [module.approvedAt, module.expiresAt])))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const rankOf = new Map(this.dates.map((date, position) => [date, 2 * position + 1]));
    this.approvedRank = new Int32Array(count);
    this.expiresRank = new Int32Array(count);
    this.channelBits = new Int32Array(count);
    this.audienceStart = new Uint32Array(count + 1);
    const audienceIds: number[] = [];
    this.idNumber = new Int32Array(count);
    this.brandOf = new Int32Array(count).fill(-1);
    const brands = new Map<string, number>();
    const products: { brand: string; generic: string }[] = [];
    const grouped = new Map<string, number[]>();
    const searchable: ContentModule[] = [];
    ordered.forEach((module, document) => {
      this.idNumber[document] = document > 0 && ordered[document - 1]!.id === module.id ? this.idNumber[document - 1]! : document;
      this.approvedRank[document] = rankOf.get(module.approvedAt)!;
      this.expiresRank[document] = module.expiresAt === null ? NEVER : rankOf.get(module.expiresAt)!;
      for (const channel of module.allowedChannels) {
        const bit = channels.indexOf(channel);
        if (bit >= 0) this.channelBits[document]! |= 1 << bit;
      }
      for (const specialty of new Set(module.audienceSpecialties.map((name) => name.toLowerCase()))) {
        let id = this.specialtyIds.get(specialty);
        if (id === undefined) this.specialtyIds.set(specialty, (id = this.specialtyIds.size));
        audienceIds.push(id);
      }
      this.audienceStart[document + 1] = audienceIds.length;
      if (!hasSearchableStatus(module)) return;
      searchable.push(module);
      if (module.brandName !== '') {
        const brand = module.brandName.toLowerCase();
        let position = brands.get(brand);
        if (position === undefined) {
          brands.set(brand, (position = products.length));
          products.push({ brand, generic: module.genericName.toLowerCase() });
        }
        // As before: the generic name of the last version seen stands for the brand.
        products[position]!.generic = module.genericName.toLowerCase();
        this.brandOf[document] = position;
      }
      for (const purpose of ['promotional', 'medical'] as const) {
        if (!purposesFor(purpose).includes(module.purpose)) continue;
        const key = groupKey(module.market, purpose);
        const group = grouped.get(key) ?? [];
        group.push(document);
        grouped.set(key, group);
      }
    });
    for (const [key, documents] of grouped) this.groups.set(key, Uint32Array.from(documents));
    this.passing = new Uint32Array(Math.max(0, ...[...grouped.values()].map((documents) => documents.length)));
    this.audienceIds = Int32Array.from(audienceIds);
    this.products = products;
    this.productNames = products.flatMap(({ brand, generic }, product) =>
      [brand, generic].map((name) => name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).filter((words) => words.length > 2).map((words) => ({ product, pattern: ` ${words} ` })),
    );
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
    const set = this.compute(filters);
    this.cache.set(cacheKey, set);
    if (this.cache.size > CACHED_FILTER_SETS) this.cache.delete(this.cache.keys().next().value!);
    return set;
  }

  /**
   * The filters of checkContentFilters in compiled form (content-catalog.test.ts holds them equal);
   * every result is checked with checkContentFilters itself before it leaves the library.
   */
  private compute(filters: ContentFilters): EligibleSet {
    const group = this.groups.get(groupKey(filters.market, filters.purpose)) ?? new Uint32Array(0);
    const asOf = this.rankOfDate(filters.asOf);
    const channelBit = filters.channel === undefined ? 0 : channels.indexOf(filters.channel);
    // A channel Omni does not know passes nothing: no bit matches.
    const channelMask = filters.channel === undefined ? 0 : channelBit < 0 ? 0 : 1 << channelBit;
    const requireChannel = filters.channel !== undefined;
    const specialty = filters.specialty === undefined ? undefined : (this.specialtyIds.get(filters.specialty.toLowerCase()) ?? -1);
    const { approvedRank, expiresRank, channelBits, audienceStart, audienceIds, idNumber } = this;
    const documents = this.passing;
    const mask = new Uint8Array(this.modules.length);
    let count = 0;
    for (let position = 0; position < group.length; position++) {
      const document = group[position]!;
      if (approvedRank[document]! > asOf || expiresRank[document]! <= asOf) continue;
      if (requireChannel && (channelBits[document]! & channelMask) === 0) continue;
      if (specialty !== undefined) {
        const start = audienceStart[document]!;
        const end = audienceStart[document + 1]!;
        if (start < end) {
          let listed = false;
          for (let at = start; at < end && !listed; at++) listed = audienceIds[at] === specialty;
          if (!listed) continue;
        }
      }
      // Ordered by id then version: a later passing version of the same id replaces the earlier one.
      if (count > 0 && idNumber[documents[count - 1]!] === idNumber[document]) mask[documents[--count]!] = 0;
      documents[count++] = document;
      mask[document] = 1;
    }
    return new EligibleSet(this, documents.slice(0, count), mask);
  }

  /** `date` as a rank comparable with the catalog's date ranks: odd when the catalog holds it, else the even rank between. */
  private rankOfDate(date: string): number {
    let low = 0;
    let high = this.dates.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.dates[middle]! < date) low = middle + 1;
      else high = middle;
    }
    return this.dates[low] === date ? 2 * low + 1 : 2 * low;
  }

  /** The bm25 index over every version's text, built on first use (and reusing the previous catalog's tokens). */
  lexicalIndex(): LexicalIndex {
    if (!this.lexical) {
      this.lexical = new LexicalIndex(this.modules, this.previousLexical);
      this.previousLexical = undefined;
    }
    return this.lexical;
  }
}

function groupKey(market: string, purpose: ContentFilters['purpose']): string {
  return `${market}\u0000${purpose}`;
}
