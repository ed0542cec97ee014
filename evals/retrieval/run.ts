import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { demoProducts } from '../../src/demo/catalog.ts';
import { demoContentModules, loadDemoSeed } from '../../src/demo/generate-demo.ts';
import { Channel } from '../../src/domain/vocabulary.ts';
import { ApprovedContentLibrary, type ContentSearchResult, type RankingMode } from '../../src/retrieval/approved-content-search.ts';
import { checkContentFilters, eligibleModules, type ContentFilters } from '../../src/retrieval/content-filters.ts';
import { ContentVectorIndex } from '../../src/retrieval/content-vector-index.ts';
import { createEmbedder } from '../../src/retrieval/create-embedder.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { readJsonl } from '../lib/jsonl.ts';
import { firstRelevantRank, mean, recallAtK, reciprocalRank } from './metrics.ts';

/**
 * `npm run eval:retrieval [-- --embedder use|hashed-ngram]`: recall@5 and MRR@10 of the approved
 * content search over the labelled queries in evals/datasets/retrieval.jsonl, for bm25 alone
 * (mode 'lexical'), vectors alone ('vector') and reciprocal rank fusion ('hybrid'), side by side.
 * Every result is also checked against the query's hard filters; any result that breaks one makes
 * the run exit non-zero.
 *
 * The library is the demo content library (demoContentModules at the demo seed's anchor date) in a
 * throwaway SQLite store. Vectors are cached by content hash in var/eval-cache (git-ignored), so a
 * rerun embeds nothing new.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_DATASET = join(ROOT, 'evals', 'datasets', 'retrieval.jsonl');
const REPORT_DIR = join(ROOT, 'evals', 'reports');
const CACHE_PATH = join(ROOT, 'var', 'eval-cache', 'retrieval-embeddings.db');
const RECALL_K = 5;
const MRR_CUTOFF = 10;

const rankers = [
  { name: 'bm25', mode: 'lexical' },
  { name: 'vectors', mode: 'vector' },
  { name: 'hybrid', mode: 'hybrid' },
] as const satisfies readonly { name: string; mode: RankingMode }[];
type RankerName = (typeof rankers)[number]['name'];

const LabelledQuery = z.object({
  id: z.string().min(1),
  query: z.string().min(1),
  filters: z
    .object({
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      market: z.string().min(1),
      purpose: z.enum(['promotional', 'medical']),
      specialty: z.string().min(1).optional(),
      channel: Channel.optional(),
    })
    .strict(),
  relevant: z.array(z.string().min(1)).min(1),
  source: z.string().regex(/^(written|medquad:\S+ adapted)$/),
});
type LabelledQuery = z.infer<typeof LabelledQuery>;

interface QueryOutcome {
  ranked: string[];
  firstRelevantRank: number | null;
  reciprocalRank: number;
  recallAt5: number;
  violations: { id: string; version: number; reason: string }[];
}

function loadDataset(path: string): LabelledQuery[] {
  const queries = readJsonl(path, LabelledQuery);
  if (queries.length === 0) throw new Error(`${path}: no queries`);
  const seen = new Set<string>();
  for (const query of queries) {
    if (seen.has(query.id)) throw new Error(`${path}: duplicate query id ${query.id}`);
    seen.add(query.id);
  }
  return queries;
}

const format = (value: number) => value.toFixed(3);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      embedder: { type: 'string', default: 'use' },
      dataset: { type: 'string', default: DEFAULT_DATASET },
      // For tuning on the development set only; reports are written with the library's default.
      'vector-weight': { type: 'string' },
    },
  });
  const vectorWeight = values['vector-weight'] === undefined ? undefined : Number(values['vector-weight']);
  const embedderKind = values.embedder;
  if (embedderKind !== 'use' && embedderKind !== 'hashed-ngram') throw new Error('--embedder must be use or hashed-ngram');
  const datasetPath = values.dataset;
  const command = ['npm run eval:retrieval', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');

  const queries = loadDataset(datasetPath);
  const seed = loadDemoSeed();
  const modules = demoContentModules(Date.parse(seed.anchorDate));

  const directory = mkdtempSync(join(tmpdir(), 'omni-eval-retrieval-'));
  mkdirSync(join(ROOT, 'var', 'eval-cache'), { recursive: true });
  const store = openSqliteStore(join(directory, 'library.db'));
  const cacheStore = openSqliteStore(CACHE_PATH);
  try {
    for (const product of demoProducts) {
      store.products.upsert({ id: product.id, brandName: product.brandName, genericName: product.genericName, therapeuticArea: product.therapeuticArea, labelId: product.labelId, topics: product.topics });
    }
    store.transaction(() => {
      for (const module of modules) store.contentModules.upsert(module);
    });

    // Every labelled module must exist and be eligible under its query's filters, or the label is wrong.
    const stored = store.contentModules.list();
    const knownIds = new Set(stored.map((module) => module.id));
    const labelErrors: string[] = [];
    for (const query of queries) {
      const eligible = eligibleModules(stored, query.filters);
      for (const id of query.relevant) {
        if (!knownIds.has(id)) labelErrors.push(`${query.id}: unknown module ${id}`);
        else if (!eligible.has(id)) labelErrors.push(`${query.id}: ${id} can never be returned under ${JSON.stringify(query.filters)}`);
      }
    }
    if (labelErrors.length > 0) {
      console.error(`dataset errors:\n  ${labelErrors.join('\n  ')}`);
      return 2;
    }

    const embedder = await createEmbedder({ kind: embedderKind }, cacheStore);
    const library = new ApprovedContentLibrary(store, ContentVectorIndex.open(embedder, null));
    const started = performance.now();
    const sync = await library.refresh();
    const indexSeconds = (performance.now() - started) / 1000;
    console.log(`library: ${modules.length} modules, ${sync?.added ?? 0} searchable versions indexed with ${embedder.model} in ${indexSeconds.toFixed(1)} s`);

    const outcomes = new Map<string, Record<RankerName, QueryOutcome>>();
    const searchStarted = performance.now();
    for (const query of queries) {
      const perRanker = {} as Record<RankerName, QueryOutcome>;
      for (const ranker of rankers) {
        const results: ContentSearchResult[] = await library.search(query.query, query.filters, { limit: MRR_CUTOFF, mode: ranker.mode, vectorWeight });
        const violations = results.flatMap((result) => {
          const module = store.contentModules.get(result.id, result.version);
          const decision = module ? checkContentFilters(module, query.filters) : { passed: false, reasons: ['module not in the store'] };
          return decision.passed ? [] : [{ id: result.id, version: result.version, reason: decision.reasons.join('; ') }];
        });
        const ranked = results.map((result) => result.id);
        perRanker[ranker.name] = {
          ranked,
          firstRelevantRank: firstRelevantRank(ranked, query.relevant, MRR_CUTOFF),
          reciprocalRank: reciprocalRank(ranked, query.relevant, MRR_CUTOFF),
          recallAt5: recallAtK(ranked, query.relevant, RECALL_K),
          violations,
        };
      }
      outcomes.set(query.id, perRanker);
    }
    const searchSeconds = (performance.now() - searchStarted) / 1000;

    const summary = Object.fromEntries(
      rankers.map((ranker) => {
        const all = queries.map((query) => outcomes.get(query.id)![ranker.name]);
        return [
          ranker.name,
          {
            mode: ranker.mode,
            recallAt5: mean(all.map((outcome) => outcome.recallAt5)),
            mrr: mean(all.map((outcome) => outcome.reciprocalRank)),
            hitAt1: all.filter((outcome) => outcome.firstRelevantRank === 1).length / all.length,
            noRelevantInTop10: all.filter((outcome) => outcome.firstRelevantRank === null).length,
            filterViolations: all.reduce((sum, outcome) => sum + outcome.violations.length, 0),
          },
        ];
      }),
    ) as Record<RankerName, { mode: RankingMode; recallAt5: number; mrr: number; hitAt1: number; noRelevantInTop10: number; filterViolations: number }>;
    const hybridBeatsBoth = summary.hybrid.mrr > summary.bm25.mrr && summary.hybrid.mrr > summary.vectors.mrr;
    // Per query, against each single ranker: does hybrid put the first relevant module higher, lower or level?
    const headToHead = Object.fromEntries(
      (['bm25', 'vectors'] as const).map((single) => {
        const pairs = queries.map((query) => outcomes.get(query.id)!).map((outcome) => outcome.hybrid.reciprocalRank - outcome[single].reciprocalRank);
        return [single, { hybridBetter: pairs.filter((delta) => delta > 0).length, hybridWorse: pairs.filter((delta) => delta < 0).length, level: pairs.filter((delta) => delta === 0).length }];
      }),
    ) as Record<'bm25' | 'vectors', { hybridBetter: number; hybridWorse: number; level: number }>;
    const bySource = (['medquad', 'written'] as const).map((source) => {
      const subset = queries.filter((query) => (source === 'written' ? query.source === 'written' : query.source.startsWith('medquad:')));
      return {
        source,
        queries: subset.length,
        ...Object.fromEntries(rankers.map((ranker) => [ranker.name, mean(subset.map((query) => outcomes.get(query.id)![ranker.name].reciprocalRank))])),
      } as { source: string; queries: number } & Record<RankerName, number>;
    });
    const violations = rankers.reduce((sum, ranker) => sum + summary[ranker.name].filterViolations, 0);

    // Hybrid failures: the top hybrid result is not relevant. "loses" marks queries where a single
    // ranker put a relevant module higher than the fusion did.
    const titles = new Map(stored.map((module) => [module.id, module.title]));
    const hybridFailures = queries
      .map((query) => ({ query, outcome: outcomes.get(query.id)! }))
      .filter(({ outcome }) => outcome.hybrid.firstRelevantRank !== 1)
      .map(({ query, outcome }) => ({
        id: query.id,
        query: query.query,
        filters: query.filters,
        relevant: query.relevant,
        firstRelevantRank: { bm25: outcome.bm25.firstRelevantRank, vectors: outcome.vectors.firstRelevantRank, hybrid: outcome.hybrid.firstRelevantRank },
        losesToSingleRanker: outcome.hybrid.reciprocalRank < Math.max(outcome.bm25.reciprocalRank, outcome.vectors.reciprocalRank),
        hybridTop3: outcome.hybrid.ranked.slice(0, 3).map((id) => ({ id, title: titles.get(id) ?? '' })),
      }));

    const medquad = queries.filter((query) => query.source.startsWith('medquad:')).length;
    const report = {
      generatedAt: new Date().toISOString(),
      command,
      embedder: { kind: embedderKind, model: embedder.model, dimensions: embedder.dimensions },
      dataset: {
        path: relative(ROOT, datasetPath),
        queries: queries.length,
        medquadAdapted: medquad,
        written: queries.length - medquad,
        withFilterBeyondDefaults: queries.filter((query) => query.filters.channel || query.filters.specialty || query.filters.purpose === 'medical').length,
        relevantPerQuery: mean(queries.map((query) => query.relevant.length)),
      },
      library: { anchorDate: seed.anchorDate, modules: modules.length, indexedVersions: sync?.added ?? 0 },
      metrics: { recallK: RECALL_K, mrrCutoff: MRR_CUTOFF, ...summary },
      hybridBeatsBothOnMrr: hybridBeatsBoth,
      headToHead,
      mrrBySource: bySource,
      filterViolations: violations,
      timings: { indexSeconds, searchSeconds },
      hybridFailures,
      perQuery: queries.map((query) => {
        const outcome = outcomes.get(query.id)!;
        return {
          id: query.id,
          source: query.source,
          relevant: query.relevant,
          ...Object.fromEntries(
            rankers.map((ranker) => [
              ranker.name,
              { firstRelevantRank: outcome[ranker.name].firstRelevantRank, recallAt5: outcome[ranker.name].recallAt5, top5: outcome[ranker.name].ranked.slice(0, 5), violations: outcome[ranker.name].violations },
            ]),
          ),
        };
      }),
    };

    const table = [
      '| ranker | mode | recall@5 | MRR@10 | hit@1 | no relevant in top 10 | filter violations |',
      '|---|---|---|---|---|---|---|',
      ...rankers.map((ranker) => {
        const row = summary[ranker.name];
        return `| ${ranker.name} | ${ranker.mode} | ${format(row.recallAt5)} | ${format(row.mrr)} | ${format(row.hitAt1)} | ${row.noRelevantInTop10} | ${row.filterViolations} |`;
      }),
    ];
    console.log(`\n${queries.length} queries (${medquad} adapted from MedQuAD, ${queries.length - medquad} written), embedder ${embedder.model}\n`);
    console.log(table.join('\n'));
    console.log(`\nhybrid beats both single rankers on MRR: ${hybridBeatsBoth ? 'yes' : 'NO'}`);
    console.log(`per query against bm25: hybrid higher on ${headToHead.bm25.hybridBetter}, lower on ${headToHead.bm25.hybridWorse}; against vectors: higher on ${headToHead.vectors.hybridBetter}, lower on ${headToHead.vectors.hybridWorse}`);
    console.log(`hybrid misses rank 1 on ${hybridFailures.length} queries, loses to a single ranker on ${hybridFailures.filter((failure) => failure.losesToSingleRanker).length}`);
    console.log(`filter violations: ${violations}`);

    const markdown = [
      '# Retrieval eval: approved content search',
      '',
      `- Date: ${report.generatedAt}`,
      `- Command: \`${command}\``,
      `- Embedder: ${embedder.model} (${embedderKind}, ${embedder.dimensions} dimensions)`,
      `- Dataset: ${report.dataset.path}: ${queries.length} queries (${medquad} adapted from MedQuAD drug questions, ${queries.length - medquad} written), ${report.dataset.withFilterBeyondDefaults} with a channel, specialty or medical-purpose filter, ${report.dataset.relevantPerQuery.toFixed(2)} relevant modules per query on average`,
      `- Library: demo content library at anchor ${seed.anchorDate}: ${modules.length} modules, ${report.library.indexedVersions} searchable versions indexed`,
      `- Metrics: recall@${RECALL_K} (share of a query's relevant modules in the top ${RECALL_K}), MRR@${MRR_CUTOFF} (reciprocal rank of the first relevant module in the top ${MRR_CUTOFF}, 0 if none), hit@1; every result checked against the query's filters with checkContentFilters`,
      '',
      table.join('\n'),
      '',
      `Hybrid beats both single rankers on MRR: **${hybridBeatsBoth ? 'yes' : 'no'}**. Filter violations: **${violations}**.`,
      '',
      'Per query, rank of the first relevant module, hybrid against each single ranker:',
      '',
      '| against | hybrid higher | hybrid lower | level |',
      '|---|---|---|---|',
      ...(['bm25', 'vectors'] as const).map((single) => `| ${single} | ${headToHead[single].hybridBetter} | ${headToHead[single].hybridWorse} | ${headToHead[single].level} |`),
      '',
      'MRR@10 by query source:',
      '',
      '| source | queries | bm25 | vectors | hybrid |',
      '|---|---|---|---|---|',
      ...bySource.map((row) => `| ${row.source} | ${row.queries} | ${format(row.bm25)} | ${format(row.vectors)} | ${format(row.hybrid)} |`),
      '',
      `## Hybrid failures (${hybridFailures.length} queries whose top hybrid result is not relevant)`,
      '',
      '"loses" marks a query where bm25 or vectors alone ranked a relevant module higher than hybrid. Ranks are of the first relevant module (— = not in the top 10).',
      '',
      '| query | bm25 | vectors | hybrid | loses | hybrid top 3 |',
      '|---|---|---|---|---|---|',
      ...hybridFailures.map((failure) => {
        const rank = (value: number | null) => (value === null ? '—' : String(value));
        const top = failure.hybridTop3.map((hit) => `${hit.id}${failure.relevant.includes(hit.id) ? ' ✓' : ''}`).join(', ');
        return `| ${failure.id}: ${failure.query.replace(/\|/g, '\\|')} | ${rank(failure.firstRelevantRank.bm25)} | ${rank(failure.firstRelevantRank.vectors)} | ${rank(failure.firstRelevantRank.hybrid)} | ${failure.losesToSingleRanker ? 'yes' : ''} | ${top} |`;
      }),
      '',
    ].join('\n');

    mkdirSync(REPORT_DIR, { recursive: true });
    // One report per dataset: retrieval.jsonl writes retrieval.{json,md}, retrieval-heldout.jsonl retrieval-heldout.{json,md}.
    const name = basename(datasetPath, '.jsonl');
    writeFileSync(join(REPORT_DIR, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(REPORT_DIR, `${name}.md`), markdown);
    console.log(`\nwrote ${relative(ROOT, join(REPORT_DIR, `${name}.json`))} and ${relative(ROOT, join(REPORT_DIR, `${name}.md`))}`);
    return violations > 0 ? 1 : 0;
  } finally {
    store.close();
    cacheStore.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
