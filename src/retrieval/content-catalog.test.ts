import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { ContentModule, moduleKey } from '../domain/content-module.ts';
import { channels, contentStatuses, purposes, type Channel } from '../domain/vocabulary.ts';
import { CACHED_FILTER_SETS, ContentCatalog } from './content-catalog.ts';
import { checkContentFilters, eligibleModules, passesContentFilters, type ContentFilters } from './content-filters.ts';

const MARKETS = ['US', 'CA', 'CA-QC', 'GB'] as const;
const SPECIALTIES = ['Medical Oncology', 'Hematology', 'Dermatology', 'Neurology', 'Cardiology'] as const;
const BRANDS = [
  ['Zeltra', 'zeltrazumab'],
  ['ONVARIX', 'Onvarimab'],
  ['Pelmora', 'pelmoratinib'],
  ['Quindex', 'quindexolol'],
] as const;

/** Day `offset` after 2024-01-01, as YYYY-MM-DD. */
function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function subset<T>(random: SeededRandom, items: readonly T[], probability: number): T[] {
  return items.filter(() => random.chance(probability));
}

function randomModules(random: SeededRandom, ids: number): ContentModule[] {
  const modules: ContentModule[] = [];
  for (let index = 0; index < ids; index++) {
    const versions = random.weighted([[1, 4], [2, 3], [3, 2], [5, 1]] as const);
    for (let version = 1; version <= versions; version++) {
      const approved = random.int(0, 1_300);
      const status = random.weighted([[contentStatuses[1], 6], [contentStatuses[3], 2], [contentStatuses[2], 1], [contentStatuses[0], 1]] as const);
      // "expired" without a date is possible and must never pass; approved modules often have no expiry.
      const expiresAt = random.chance(status === 'expired' ? 0.85 : 0.5) ? day(approved + random.int(1, 400)) : null;
      const branded = random.chance(0.6) ? random.pick(BRANDS) : undefined;
      let allowedChannels = subset(random, channels, 0.3);
      if (allowedChannels.length === 0) allowedChannels = [random.pick(channels)];
      modules.push(
        ContentModule.parse({
          id: `cm-${index}`,
          version,
          mlrCode: `MLR-${index}-${version}`,
          title: `Module ${index} version ${version}`,
          body: 'Body.',
          brandName: branded?.[0] ?? '',
          genericName: branded?.[1] ?? '',
          kind: 'claim',
          // Audiences are matched without regard to case, so spell them in varied case too.
          audienceSpecialties: random.chance(0.4) ? [] : subset(random, SPECIALTIES, 0.4).map((specialty) => (random.chance(0.2) ? specialty.toLowerCase() : specialty)),
          allowedChannels,
          purpose: random.pick(purposes),
          market: random.pick(MARKETS),
          approvedAt: day(approved),
          expiresAt,
          status,
        }),
      );
    }
  }
  return modules;
}

function randomFilters(random: SeededRandom): ContentFilters {
  const filters: ContentFilters = {
    asOf: day(random.int(-60, 1_500)),
    market: random.weighted([[MARKETS[0], 4], [MARKETS[1], 2], [MARKETS[2], 2], [MARKETS[3], 1], ['DE', 1]] as const),
    purpose: random.pick(['promotional', 'medical'] as const),
  };
  if (random.chance(0.6)) {
    const specialty = random.chance(0.2) ? 'Allergy' : random.pick(SPECIALTIES);
    // The audience match ignores case, so vary the case of the specialty asked for.
    filters.specialty = random.pick([specialty, specialty.toLowerCase(), specialty.toUpperCase()]);
  }
  if (random.chance(0.6)) filters.channel = random.pick(channels);
  return filters;
}

/** A seeded Fisher-Yates shuffle: the catalog must not depend on the order the store lists modules in. */
function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

const keysOf = (modules: Iterable<ContentModule>) => new Set([...modules].map(moduleKey));

describe('ContentCatalog.eligible', () => {
  const random = new SeededRandom(31);
  const modules = randomModules(random.fork('modules'), 250);
  // fork() derives from the parent's state, which does not move; each filter set gets its own fork.
  const filters = Array.from({ length: 300 }, (_, index) => randomFilters(random.fork(`filters-${index}`)));

  it('draws a varied library and varied filters', () => {
    expect(modules.length).toBeGreaterThan(400);
    expect(new Set(modules.map((module) => module.status)).size).toBe(4);
    expect(new Set(modules.map((module) => module.purpose)).size).toBe(4);
    expect(modules.some((module) => module.status === 'expired' && module.expiresAt === null)).toBe(true);
    expect(new Set(filters.map((filter) => JSON.stringify(filter))).size).toBe(filters.length);
    const sizes = filters.map((filter) => eligibleModules(modules, filter).size);
    expect(sizes.filter((size) => size === 0).length).toBeGreaterThan(0);
    expect(sizes.filter((size) => size > 5).length).toBeGreaterThan(filters.length / 4);
    // Several versions of one id pass together often enough that picking the highest one is exercised.
    const withOlderPassing = filters.filter((filter) => {
      const passing = modules.filter((module) => passesContentFilters(module, filter));
      return passing.length > new Set(passing.map((module) => module.id)).size;
    });
    expect(withOlderPassing.length).toBeGreaterThan(10);
  });

  it('is eligibleModules over the whole library, for every filter set', () => {
    const catalog = new ContentCatalog(modules);
    const fromShuffled = new ContentCatalog(shuffled(random.fork('shuffle'), modules));
    for (const filter of filters) {
      const expected = keysOf(eligibleModules(modules, filter).values());
      const eligible = catalog.eligible(filter);
      expect(new Set(eligible.byKey.keys()), JSON.stringify(filter)).toEqual(expected);
      expect(new Set(fromShuffled.eligible(filter).byKey.keys()), JSON.stringify(filter)).toEqual(expected);
      for (const [key, module] of eligible.byKey) expect(moduleKey(module)).toBe(key);
      // Only the highest passing version of an id.
      const ids = [...eligible.byKey.values()].map((module) => module.id);
      expect(new Set(ids).size).toBe(ids.length);
      // The document numbers and the mask the rankings read say the same.
      expect([...eligible.documents].map((document) => catalog.keys[document])).toEqual([...eligible.byKey.keys()]);
      expect([...eligible.documents]).toEqual([...eligible.documents].sort((a, b) => a - b));
      expect(eligible.mask.reduce((sum, bit) => sum + bit, 0)).toBe(eligible.size);
      for (const document of eligible.documents) expect(eligible.mask[document]).toBe(1);
      expect(eligible.mask).toHaveLength(catalog.modules.length);
    }
  });

  it('compares as-of dates as the filters do, for dates the library does not hold and odd strings', () => {
    const catalog = new ContentCatalog(modules);
    const held = [...new Set(modules.map((module) => module.approvedAt))].sort();
    const asOfs = ['', '0', '2023-12-31', '2024-1-5', '2024-01-01T12:00', '2025-06-15 ', 'zzzz', held[0]!, held.at(-1)!, `${held[10]}x`, '2030-01-01'];
    for (const asOf of asOfs) {
      for (const purpose of ['promotional', 'medical'] as const) {
        const filter: ContentFilters = { asOf, market: 'US', purpose };
        expect(new Set(catalog.eligible(filter).byKey.keys()), asOf).toEqual(keysOf(eligibleModules(modules, filter).values()));
      }
    }
  });

  it('agrees with an independent reading of the filters', () => {
    const catalog = new ContentCatalog(shuffled(random.fork('shuffle-2'), modules));
    for (const filter of filters.slice(0, 100)) {
      const passing = modules.filter((module) => {
        const searchable = module.status === 'approved' || (module.status === 'expired' && module.expiresAt !== null);
        const current = module.approvedAt <= filter.asOf && (module.expiresAt === null || filter.asOf < module.expiresAt);
        const audience =
          filter.specialty === undefined ||
          module.audienceSpecialties.length === 0 ||
          module.audienceSpecialties.some((specialty) => specialty.toLowerCase() === filter.specialty!.toLowerCase());
        const channel = filter.channel === undefined || module.allowedChannels.includes(filter.channel);
        const purpose = filter.purpose === 'medical' ? module.purpose === 'medical' : module.purpose === 'promotional' || module.purpose === 'events';
        return searchable && current && module.market === filter.market && audience && channel && purpose;
      });
      const highest = new Map<string, ContentModule>();
      for (const module of passing) if ((highest.get(module.id)?.version ?? 0) < module.version) highest.set(module.id, module);
      expect(new Set(catalog.eligible(filter).byKey.keys())).toEqual(keysOf(highest.values()));
    }
  });

  it('passesContentFilters is checkContentFilters(...).passed for every module and filter set', () => {
    let passed = 0;
    const disagreements: string[] = [];
    for (const filter of filters) {
      for (const module of modules) {
        const decision = checkContentFilters(module, filter);
        // One expect per pair would take seconds; collect the disagreements instead.
        if (passesContentFilters(module, filter) !== decision.passed || decision.reasons.length === 0) {
          disagreements.push(`${moduleKey(module)} ${JSON.stringify(filter)}`);
        }
        if (decision.passed) passed++;
      }
    }
    expect(disagreements).toEqual([]);
    expect(passed).toBeGreaterThan(100);
  });

  it('never returns market_research, withdrawn or draft modules', () => {
    const catalog = new ContentCatalog(modules);
    for (const filter of filters) {
      for (const module of catalog.eligible(filter).byKey.values()) {
        expect(module.purpose).not.toBe('market_research');
        expect(['approved', 'expired']).toContain(module.status);
      }
    }
  });
});

const base = (fields: Partial<ContentModule> & Pick<ContentModule, 'id'>) =>
  ContentModule.parse({
    version: 1,
    mlrCode: `MLR-${fields.id}`,
    title: 'Title',
    body: 'Body.',
    kind: 'claim',
    allowedChannels: ['email'],
    purpose: 'promotional',
    market: 'US',
    approvedAt: '2026-01-01',
    status: 'approved',
    ...fields,
  });

describe('ContentCatalog cache', () => {
  const modules = [
    base({ id: 'cm-a', audienceSpecialties: ['Medical Oncology'] }),
    base({ id: 'cm-b', audienceSpecialties: ['Dermatology'], allowedChannels: ['email', 'sms'] }),
    base({ id: 'cm-c' }),
  ];
  /** 40 distinct filter sets: one per day of 2026-06. */
  const filtersOn = (index: number): ContentFilters => ({ asOf: day(882 + index), market: 'US', purpose: 'promotional' });

  it('returns the same object for the same filters', () => {
    const catalog = new ContentCatalog(modules);
    const filters: ContentFilters = { asOf: '2026-06-01', market: 'US', purpose: 'promotional', channel: 'email', specialty: 'Medical Oncology' };
    const first = catalog.eligible(filters);
    expect(catalog.eligible({ ...filters })).toBe(first);
    // Key order does not matter either.
    expect(catalog.eligible({ specialty: 'Medical Oncology', channel: 'email', purpose: 'promotional', market: 'US', asOf: '2026-06-01' })).toBe(first);
    expect(new Set(first.byKey.keys())).toEqual(new Set(['cm-a@1', 'cm-c@1']));
  });

  it('shares one result between spellings of a specialty that differ only in case', () => {
    const catalog = new ContentCatalog(modules);
    const filters: ContentFilters = { asOf: '2026-06-01', market: 'US', purpose: 'promotional', specialty: 'Medical Oncology' };
    const first = catalog.eligible(filters);
    expect(catalog.eligible({ ...filters, specialty: 'medical oncology' })).toBe(first);
    expect(catalog.eligible({ ...filters, specialty: 'MEDICAL ONCOLOGY' })).toBe(first);
    // No specialty is a different filter set (cm-b passes too).
    const unfiltered = catalog.eligible({ asOf: '2026-06-01', market: 'US', purpose: 'promotional' });
    expect(unfiltered).not.toBe(first);
    expect(unfiltered.byKey.size).toBe(3);
    // A channel, a purpose or a market of its own is a distinct entry as well.
    expect(catalog.eligible({ ...filters, channel: 'sms' })).not.toBe(first);
    expect(catalog.eligible({ ...filters, channel: 'sms' }).byKey.size).toBe(0);
    expect(catalog.eligible({ ...filters, purpose: 'medical' }).byKey.size).toBe(0);
    expect(catalog.eligible({ ...filters, market: 'CA' }).byKey.size).toBe(0);
  });

  it('keeps CACHED_FILTER_SETS filter sets and evicts the least recently used', () => {
    const size = CACHED_FILTER_SETS;
    const catalog = new ContentCatalog(modules);
    const results = Array.from({ length: size }, (_, index) => catalog.eligible(filtersOn(index)));
    // All of them are still cached.
    results.forEach((result, index) => expect(catalog.eligible(filtersOn(index))).toBe(result));
    // Touch 0 so that 1 is now the oldest, then add one more set.
    expect(catalog.eligible(filtersOn(0))).toBe(results[0]);
    const extra = catalog.eligible(filtersOn(size));
    expect(catalog.eligible(filtersOn(0))).toBe(results[0]);
    expect(catalog.eligible(filtersOn(size))).toBe(extra);
    const recomputed = catalog.eligible(filtersOn(1));
    expect(recomputed).not.toBe(results[1]);
    expect(recomputed).toEqual(results[1]);
    // Bringing 1 back evicted the then-oldest (2), and nothing else.
    expect(catalog.eligible(filtersOn(3))).toBe(results[3]);
    const second = catalog.eligible(filtersOn(2));
    expect(second).not.toBe(results[2]);
    expect(second).toEqual(results[2]);
  });

  it('evicts the oldest when filled with more than CACHED_FILTER_SETS sets in a row', () => {
    const size = CACHED_FILTER_SETS;
    const total = size + 8;
    const catalog = new ContentCatalog(modules);
    const results = Array.from({ length: total }, (_, index) => catalog.eligible(filtersOn(index)));
    // The last `size` survive (checked newest first, so no hit moves an entry before it is checked).
    for (let index = total - 1; index >= total - size; index--) expect(catalog.eligible(filtersOn(index))).toBe(results[index]);
    const again = catalog.eligible(filtersOn(0));
    expect(again).not.toBe(results[0]);
    expect(again).toEqual(results[0]);
  });
});

describe('ContentCatalog lexical index', () => {
  it('is built once per catalog, over every stored version, and a replacing catalog ranks its own text', () => {
    const first = new ContentCatalog([base({ id: 'cm-a', body: 'Infusion reactions.' }), base({ id: 'cm-b', body: 'Neuropathy.', status: 'draft' })]);
    const index = first.lexicalIndex();
    expect(first.lexicalIndex()).toBe(index);
    expect(index.size).toBe(2);
    const everyone = new Uint8Array(2).fill(1);
    expect(index.search(['neuropathy'], everyone, 5).map((hit) => first.keys[hit.document])).toEqual(['cm-b@1']);
    // cm-a rewritten: the new catalog reuses the old index's terms for cm-b only.
    const second = new ContentCatalog([base({ id: 'cm-a', body: 'Hepatic dosing.' }), base({ id: 'cm-b', body: 'Neuropathy.', status: 'draft' })], first);
    expect(second.lexicalIndex().search(['infusion'], everyone, 5)).toEqual([]);
    expect(second.lexicalIndex().search(['hepatic'], everyone, 5).map((hit) => second.keys[hit.document])).toEqual(['cm-a@1']);
    expect(second.lexicalIndex().search(['neuropathy'], everyone, 5)).toEqual(index.search(['neuropathy'], everyone, 5));
    // The first catalog still ranks the text it was built from.
    expect(index.search(['infusion'], everyone, 5).map((hit) => first.keys[hit.document])).toEqual(['cm-a@1']);
  });
});

describe('ContentCatalog brands and products', () => {
  const modules = [
    base({ id: 'cm-us', brandName: 'ZELTRA', genericName: 'Zeltrazumab' }),
    base({ id: 'cm-us-2', brandName: 'Zeltra', genericName: 'zeltrazumab', version: 2 }),
    base({ id: 'cm-ca', market: 'CA', brandName: 'Onvarix', genericName: 'onvarimab' }),
    base({ id: 'cm-medical', purpose: 'medical', brandName: 'Pelmora', genericName: 'Pelmoratinib' }),
    base({ id: 'cm-sms', allowedChannels: ['sms'], brandName: 'Quindex', genericName: 'quindexolol' }),
    base({ id: 'cm-template', kind: 'template' }),
  ];

  it('lists only the brands of eligible modules, in lower case', () => {
    const catalog = new ContentCatalog(modules);
    const eligible = catalog.eligible({ asOf: '2026-06-01', market: 'US', purpose: 'promotional', channel: 'email' });
    expect(new Set(eligible.byKey.keys())).toEqual(new Set(['cm-us@1', 'cm-us-2@2', 'cm-template@1']));
    expect(eligible.brands).toEqual(new Set(['zeltra']));
    expect(catalog.eligible({ asOf: '2026-06-01', market: 'US', purpose: 'medical' }).brands).toEqual(new Set(['pelmora']));
    expect(catalog.eligible({ asOf: '2026-06-01', market: 'CA', purpose: 'promotional' }).brands).toEqual(new Set(['onvarix']));
    expect(catalog.eligible({ asOf: '2025-06-01', market: 'US', purpose: 'promotional' }).brands).toEqual(new Set());
  });

  it('brands are exactly the brands of byKey, for random filters', () => {
    const random = new SeededRandom(7);
    const library = randomModules(random.fork('modules'), 120);
    const catalog = new ContentCatalog(library);
    for (let index = 0; index < 100; index++) {
      const eligible = catalog.eligible(randomFilters(random.fork(`filters-${index}`)));
      const expected = new Set([...eligible.byKey.values()].filter((module) => module.brandName !== '').map((module) => module.brandName.toLowerCase()));
      expect(eligible.brands).toEqual(expected);
    }
  });

  it('lists each brand once with its generic name, lower case', () => {
    const catalog = new ContentCatalog(modules);
    const products = [...catalog.products].sort((a, b) => a.brand.localeCompare(b.brand));
    expect(products).toEqual([
      { brand: 'onvarix', generic: 'onvarimab' },
      { brand: 'pelmora', generic: 'pelmoratinib' },
      { brand: 'quindex', generic: 'quindexolol' },
      { brand: 'zeltra', generic: 'zeltrazumab' },
    ]);
  });
});
