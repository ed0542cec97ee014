import type { ContentModule } from '../domain/content-module.ts';
import type { ContentCatalog } from './content-catalog.ts';

/**
 * The module versions one set of filters lets a search see: the highest passing version of each
 * module id, as document numbers of its catalog. The rankings read `mask` (one byte per document, so
 * a posting or a vector is kept or skipped with one load); the maps are built on first use, for
 * callers that want modules by key or id.
 */
export class EligibleSet {
  // Private fields: two sets with the same documents are equal (toEqual), whichever maps were built.
  readonly #catalog: ContentCatalog;
  #byKey: Map<string, ContentModule> | undefined;
  #byId: Map<string, ContentModule> | undefined;
  #brands: Set<string> | undefined;

  constructor(
    catalog: ContentCatalog,
    /** Document numbers, ascending (id then version order). */
    readonly documents: Uint32Array,
    /** 1 at each eligible document number, 0 elsewhere; as long as the catalog. */
    readonly mask: Uint8Array,
  ) {
    this.#catalog = catalog;
  }

  get size(): number {
    return this.documents.length;
  }

  /** By id@version, the key both rankings return. */
  get byKey(): ReadonlyMap<string, ContentModule> {
    if (!this.#byKey) {
      const { keys, modules } = this.#catalog;
      this.#byKey = new Map();
      for (const document of this.documents) this.#byKey.set(keys[document]!, modules[document]!);
    }
    return this.#byKey;
  }

  /** The same modules by id (one version per id). */
  get byId(): ReadonlyMap<string, ContentModule> {
    if (!this.#byId) {
      const { modules } = this.#catalog;
      this.#byId = new Map();
      for (const document of this.documents) this.#byId.set(modules[document]!.id, modules[document]!);
    }
    return this.#byId;
  }

  /** Brand names (lower case) among them; product-neutral modules (templates) have none. */
  get brands(): ReadonlySet<string> {
    if (!this.#brands) {
      const { brandOf, products } = this.#catalog;
      this.#brands = new Set();
      for (const document of this.documents) if (brandOf[document]! >= 0) this.#brands.add(products[brandOf[document]!]!.brand);
    }
    return this.#brands;
  }
}
