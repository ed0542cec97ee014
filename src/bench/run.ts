import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SeededRandom } from '../core/seeded-random.ts';
import type { Interaction } from '../domain/interaction.ts';
import { FULL_ACCESS } from '../compliance/access-policy.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { loadDemoSeed, seedAnchorDay, type Scale } from '../demo/generate-demo.ts';
import { interactionImport } from '../ingest/import-kinds.ts';
import { nppesImport } from '../ingest/nppes-import.ts';
import { runImport } from '../ingest/run-import.ts';
import { lookupHcpProfile } from '../profile/hcp-profile.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { runContentBench } from './content-bench.ts';
import { runDecisionLogBench } from './decision-log-bench.ts';
import { runNbaBench } from './nba-bench.ts';
import { runAgentBench } from './agent-bench.ts';
import { runAgentPromptBench } from './agent-prompt-bench.ts';
import { runHttpBench } from './http-bench.ts';
import { runInsightsBench } from './insights-bench.ts';
import { runPerformanceBench } from './performance-bench.ts';
import { runSlackBench } from './slack-bench.ts';

/**
 * `npm run bench`: import throughput and profile assembly latency at demo and large scale.
 * Each figure comes with a baseline measured in the same run on the same database:
 * - import: the same rows written through the repository as ready-made objects (no file, no
 *   parsing, no validation), so the ratio shows what reading and checking costs;
 * - profile: fetching the HCP row alone by primary key.
 * Then the content library (content-bench.ts), always at 1,000 and 50,000 generated modules, and the
 * next-best-action engine and decision log (nba-bench.ts, decision-log-bench.ts).
 * Then the agent (agent-bench.ts: the local model's turn and its overhead; agent-prompt-bench.ts:
 * prompt tokens per persona through the OpenAI adapter against a loopback server).
 * Then the HTTP API (http-bench.ts: /v1/ask throughput and p95 at 20 concurrent clients) and the Slack
 * app (slack-bench.ts: acknowledgement p99 with 50 events at once); both under `--only http`.
 * Then field-insight summaries and team-performance queries (issue 7) under `--only analytics`.
 * `--only data|content|nba|agent|http|analytics|all` (default all) picks the part; `--scale` applies to the data part (the
 * nba part uses the large database when it has been built).
 * Figures go to .bench/results.json as { data: [...], content: {...}, nba: {...} }; a part not run
 * this time keeps its figures from the previous run.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_DIR = join(ROOT, '.bench');
const NPPES_CLEAN = join(ROOT, '..', 'shared', 'data', 'nppes', 'nppes_sample_5000_clean.csv');

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'both' },
    rows: { type: 'string' },
    samples: { type: 'string', default: '2000' },
    only: { type: 'string', default: 'all' },
  },
});
const only = values.only;
if (only !== 'data' && only !== 'content' && only !== 'nba' && only !== 'agent' && only !== 'http' && only !== 'analytics' && only !== 'all') {
  throw new Error('--only must be data, content, nba, agent, http, analytics or all');
}
const scales: Scale[] = values.scale === 'both' ? ['demo', 'large'] : [values.scale as Scale];
if (!scales.every((scale) => scale === 'demo' || scale === 'large')) throw new Error('--scale must be demo, large or both');
const samples = Number(values.samples);

interface ScaleResult {
  scale: Scale;
  database: { path: string; hcps: number; interactions: number; builtSeconds: number | null };
  import: { rows: number; rowsPerSecond: number; baselineRowsPerSecond: number; ratio: number; nppesRowsPerSecond: number | null };
  profile: {
    samples: number;
    /** First touch of each sampled HCP in this process: pages come from the OS, not SQLite's cache. */
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    warmP50Ms: number;
    warmP95Ms: number;
    /** Full-name lookups: a profile when the name is unique, else the list of candidates. */
    byNameP50Ms: number;
    byNameP95Ms: number;
    byNameUniqueShare: number;
    baselineP50Ms: number;
    baselineP95Ms: number;
  };
  cliWallMs: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function ensureDatabase(scale: Scale): { path: string; builtSeconds: number | null } {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `${scale}.db`);
  const expected = loadDemoSeed().scales[scale].hcps;
  if (existsSync(path)) {
    const store = openSqliteStore(path);
    const hcps = store.hcps.count();
    store.close();
    if (hcps >= expected) return { path, builtSeconds: null };
  }
  process.stderr.write(`building the ${scale} database at ${path} (large: several minutes, once)\n`);
  const started = performance.now();
  createDemoDatabase(path, {
    scale,
    replace: true,
    // The seed's own day: the benches ask as of it (loadDemoSeed().anchorDate).
    anchorDay: seedAnchorDay(loadDemoSeed()),
    onProgress: (done, total) => process.stderr.write(`  … ${done} of ${total} HCPs\n`),
  });
  return { path, builtSeconds: (performance.now() - started) / 1000 };
}

/** Interactions with fresh ids on existing HCPs, as a CRM export would deliver them. */
function benchRows(store: SqliteStore, count: number, tag: string): Interaction[] {
  const hcpIds = (store.database.prepare("SELECT id FROM hcps WHERE source = 'synthetic' ORDER BY id").pluck().all() as string[]);
  const random = new SeededRandom(42);
  const channels = ['email', 'field_visit', 'webinar', 'website', 'phone'] as const;
  const outcomes = { email: 'opened', field_visit: 'completed', webinar: 'attended', website: 'opened', phone: 'completed' } as const;
  const rows: Interaction[] = [];
  for (let index = 0; index < count; index++) {
    const channel = random.pick(channels);
    rows.push({
      id: `bench-${tag}-${index}`,
      hcpId: hcpIds[random.int(0, hcpIds.length - 1)]!,
      actorId: 'system:bench',
      channel,
      outcome: outcomes[channel],
      purpose: 'promotional',
      occurredAt: new Date(Date.UTC(2026, 10, 21) + random.int(0, 86_400_000)).toISOString(),
      productId: 'prod-keytruda',
      topic: 'dosing schedule',
      contentModuleId: null,
      sourceSystem: 'bench',
      synthetic: true,
    });
  }
  return rows;
}

async function writeCsv(path: string, rows: Interaction[]): Promise<void> {
  const stream = createWriteStream(path);
  stream.write('id,hcp_id,actor_id,channel,outcome,purpose,occurred_at,product_id,topic,content_module_id,source_system,synthetic\n');
  for (const row of rows) {
    const line = `${row.id},${row.hcpId},${row.actorId},${row.channel},${row.outcome},${row.purpose},${row.occurredAt},${row.productId},${row.topic},,${row.sourceSystem},true\n`;
    if (!stream.write(line)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
}

function deleteBenchRows(store: SqliteStore): void {
  store.database.prepare("DELETE FROM interactions WHERE id LIKE 'bench-%'").run();
}

async function benchImport(store: SqliteStore, scale: Scale): Promise<ScaleResult['import']> {
  const count = Number(values.rows ?? (scale === 'demo' ? 100_000 : 1_000_000));
  deleteBenchRows(store);
  // Baseline: the same number of rows through the repository, no file and no validation.
  const baselineRows = benchRows(store, count, 'baseline');
  let started = performance.now();
  store.transaction(() => {
    for (const row of baselineRows) store.interactions.upsert(row);
  });
  const baselineSeconds = (performance.now() - started) / 1000;
  deleteBenchRows(store);

  const file = join(BENCH_DIR, `interactions-${scale}.csv`);
  await writeCsv(file, benchRows(store, count, 'import'));
  const report = runImport(store, interactionImport, file);
  if (!report.committed || report.inserted !== count) throw new Error(`bench import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
  const importSeconds = report.durationMs / 1000;
  deleteBenchRows(store);
  rmSync(file);

  let nppesRowsPerSecond: number | null = null;
  if (scale === 'demo' && existsSync(NPPES_CLEAN)) {
    started = performance.now();
    const nppes = runImport(store, nppesImport, NPPES_CLEAN);
    nppesRowsPerSecond = nppes.rowsRead / ((performance.now() - started) / 1000);
    store.database.prepare("DELETE FROM hcps WHERE source = 'nppes'").run();
  }
  const rowsPerSecond = count / importSeconds;
  const baselineRowsPerSecond = count / baselineSeconds;
  return { rows: count, rowsPerSecond, baselineRowsPerSecond, ratio: rowsPerSecond / baselineRowsPerSecond, nppesRowsPerSecond };
}

function benchProfile(store: SqliteStore): ScaleResult['profile'] {
  const asOf = loadDemoSeed().anchorDate;
  const hcps = store.database.prepare("SELECT id, first_name || ' ' || last_name AS name FROM hcps WHERE source = 'synthetic'").all() as { id: string; name: string }[];
  const random = new SeededRandom(7);
  const picks = Array.from({ length: samples }, () => hcps[random.int(0, hcps.length - 1)]!);
  // Warm up the prepared statements on HCPs outside the sample.
  for (let index = 0; index < 50; index++) lookupHcpProfile(store, hcps[index]!.id, { asOf, scope: FULL_ACCESS });
  const time = (work: (pick: { id: string; name: string }) => unknown) =>
    picks
      .map((pick) => {
        const started = performance.now();
        work(pick);
        return performance.now() - started;
      })
      .sort((a, b) => a - b);
  const firstTouch = time((pick) => lookupHcpProfile(store, pick.id, { asOf, scope: FULL_ACCESS }));
  const warm = time((pick) => lookupHcpProfile(store, pick.id, { asOf, scope: FULL_ACCESS }));
  let unique = 0;
  const byName = time((pick) => {
    if (lookupHcpProfile(store, pick.name, { asOf, scope: FULL_ACCESS }).status === 'found') unique++;
  });
  const baseline = time((pick) => store.hcps.getById(pick.id));
  return {
    samples,
    p50Ms: percentile(firstTouch, 0.5),
    p95Ms: percentile(firstTouch, 0.95),
    p99Ms: percentile(firstTouch, 0.99),
    warmP50Ms: percentile(warm, 0.5),
    warmP95Ms: percentile(warm, 0.95),
    byNameP50Ms: percentile(byName, 0.5),
    byNameP95Ms: percentile(byName, 0.95),
    byNameUniqueShare: unique / samples,
    baselineP50Ms: percentile(baseline, 0.5),
    baselineP95Ms: percentile(baseline, 0.95),
  };
}

/** One real `omni hcp` process, start to finish (tsx start-up included), median of 5. */
function cliWall(path: string): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    spawnSync(process.execPath, [join(ROOT, 'bin', 'omni.js'), 'hcp', 'hcp-000001', '--db', path, '--json'], { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const results: ScaleResult[] = [];
for (const scale of only === 'data' || only === 'all' ? scales : []) {
  const { path, builtSeconds } = ensureDatabase(scale);
  const store = openSqliteStore(path);
  try {
    const database = { path, hcps: store.hcps.count(), interactions: store.interactions.count(), builtSeconds };
    const importResult = await benchImport(store, scale);
    // Fold the import's WAL back into the database first, as a running server's checkpoints would.
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    const profile = benchProfile(store);
    results.push({ scale, database, import: importResult, profile, cliWallMs: cliWall(path) });
  } finally {
    store.close();
  }
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
const lines = [`Omni benchmark, ${new Date().toISOString()}, Node ${process.version}`];
for (const result of results) {
  const { database, import: imported, profile } = result;
  lines.push(
    '',
    `${result.scale} scale: ${thousands(database.hcps)} HCPs, ${thousands(database.interactions)} interactions${database.builtSeconds === null ? '' : ` (built in ${fixed(database.builtSeconds, 0)} s)`}`,
    `  import of ${thousands(imported.rows)} interactions (CSV, validated, one transaction): ${thousands(imported.rowsPerSecond)} rows/s  [target >= 100,000]  ${imported.rowsPerSecond >= 100_000 ? 'MET' : 'MISSED'}`,
    `    baseline, same rows as objects straight into the repository: ${thousands(imported.baselineRowsPerSecond)} rows/s; import/baseline = ${fixed(imported.ratio)}`,
    ...(imported.nppesRowsPerSecond === null ? [] : [`    NPPES clean file (5,000 rows): ${thousands(imported.nppesRowsPerSecond)} rows/s`]),
    `  profile assembly by id (${profile.samples} random HCPs, first touch): p50 ${fixed(profile.p50Ms)} ms, p95 ${fixed(profile.p95Ms)} ms, p99 ${fixed(profile.p99Ms)} ms  [target p95 < 5 ms]  ${profile.p95Ms < 5 ? 'MET' : 'MISSED'}`,
    `    same HCPs again (warm): p50 ${fixed(profile.warmP50Ms)} ms, p95 ${fixed(profile.warmP95Ms)} ms; baseline (HCP row by primary key): p50 ${fixed(profile.baselineP50Ms, 3)} ms, p95 ${fixed(profile.baselineP95Ms, 3)} ms`,
    `    by full name (${Math.round(profile.byNameUniqueShare * 100)}% unique → profile, the rest → candidate list): p50 ${fixed(profile.byNameP50Ms)} ms, p95 ${fixed(profile.byNameP95Ms)} ms`,
    `  one \`omni hcp\` process end to end (start-up included), median of 5: ${fixed(result.cliWallMs, 0)} ms`,
  );
}
if (only === 'data' || only === 'all') console.log(lines.join('\n'));
else console.log(lines[0]);

let content: unknown;
if (only === 'content' || only === 'all') {
  mkdirSync(BENCH_DIR, { recursive: true });
  const bench = await runContentBench(BENCH_DIR, (message) => process.stderr.write(`${message}\n`));
  console.log(bench.lines.join('\n'));
  content = bench.results;
}

let largeMigrationSeconds: number | null = null;
/**
 * The large database as the parts after `data` read it: opened once first, so that a pending
 * migration (new indexes) is applied and timed here rather than inside whichever bench opens it
 * first. Null when it has not been built.
 */
function largeDatabase(): { path: string; migrationSeconds: number } | null {
  const path = join(BENCH_DIR, 'large.db');
  if (!existsSync(path)) return null;
  if (largeMigrationSeconds === null) {
    process.stderr.write('opening the large database (applies any pending migration)\n');
    const started = performance.now();
    openSqliteStore(path).close();
    largeMigrationSeconds = (performance.now() - started) / 1000;
    console.log(`\nlarge database: opened and migrated in ${largeMigrationSeconds.toFixed(1)} s (near 0 when nothing was pending)`);
  }
  return { path, migrationSeconds: largeMigrationSeconds };
}

let nba: unknown;
if (only === 'nba' || only === 'all') {
  const demo = ensureDatabase('demo').path;
  const anchor = loadDemoSeed().anchorDate;
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  const engine = runNbaBench({ demo, large: largeDatabase()?.path ?? null, asOf: new Date(Date.parse(anchor)).toISOString() }, progress);
  progress('decision log bench: 20,000 single and 20,000 batched appends, verify of 100,000 records');
  const log = await runDecisionLogBench(join(BENCH_DIR, 'decision-log'));
  console.log([...engine.lines, ...log.lines].join('\n'));
  nba = { engine: engine.results, decisionLog: log.results };
}

let agent: unknown;
if (only === 'agent' || only === 'all') {
  const demo = ensureDatabase('demo').path;
  process.stderr.write('agent bench: local-model turns at demo scale, then prompt tokens per persona\n');
  const turns = await runAgentBench(demo, new Date(Date.parse(loadDemoSeed().anchorDate)).toISOString());
  const prompts = await runAgentPromptBench({ progress: (message) => process.stderr.write(`${message}\n`) });
  console.log([...turns.lines, '', ...prompts.lines].join('\n'));
  agent = { turns: turns.results, prompts: prompts.results };
}

let http: unknown;
if (only === 'http' || only === 'all') {
  const demo = ensureDatabase('demo').path;
  process.stderr.write('http bench: 20 concurrent clients against /v1/ask\n');
  const bench = await runHttpBench(demo, new Date(Date.parse(loadDemoSeed().anchorDate)).toISOString());
  process.stderr.write('slack bench: 50 signed events at once, twice\n');
  const slack = await runSlackBench(demo, new Date(Date.parse(loadDemoSeed().anchorDate)).toISOString());
  console.log([...bench.lines, ...slack.lines].join('\n'));
  http = { api: bench.results, slack: { rounds: slack.results, floor: slack.floor } };
}

let analytics: unknown;
if (only === 'analytics' || only === 'all') {
  const large = largeDatabase();
  const paths = { demo: ensureDatabase('demo').path, large: large?.path ?? null, asOf: new Date(Date.parse(loadDemoSeed().anchorDate)).toISOString() };
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  const insights = await runInsightsBench(paths, progress);
  console.log(insights.lines.join('\n'));
  // Team performance at large scale only (the demo's two managers have 600 HCPs between them).
  const performance = large ? await runPerformanceBench({ large: large.path, asOf: paths.asOf, migrationSeconds: large.migrationSeconds }, progress) : null;
  console.log(performance ? performance.lines.join('\n') : '\nquery_performance at large scale: skipped (no large database; run npm run bench -- --scale large --only data once)');
  analytics = { insights: insights.results, performance: performance?.results ?? null };
}

// The part not run this time keeps its previous figures (an older file is the bare data array).
const resultsPath = join(BENCH_DIR, 'results.json');
let previous: { data?: unknown; content?: unknown; nba?: unknown; agent?: unknown; http?: unknown; analytics?: unknown } = {};
if (existsSync(resultsPath)) {
  try {
    const parsed = JSON.parse(readFileSync(resultsPath, 'utf8')) as unknown;
    previous = Array.isArray(parsed) ? { data: parsed } : (parsed as typeof previous);
  } catch {
    previous = {};
  }
}
const saved = {
  data: only === 'data' || only === 'all' ? results : (previous.data ?? []),
  content: only === 'content' || only === 'all' ? content : (previous.content ?? null),
  nba: only === 'nba' || only === 'all' ? nba : (previous.nba ?? null),
  agent: only === 'agent' || only === 'all' ? agent : (previous.agent ?? null),
  http: only === 'http' || only === 'all' ? http : (previous.http ?? null),
  analytics: only === 'analytics' || only === 'all' ? analytics : (previous.analytics ?? null),
};
mkdirSync(BENCH_DIR, { recursive: true });
writeFileSync(resultsPath, JSON.stringify(saved, null, 2));
console.log(`\n(raw figures in ${resultsPath})`);
