import { FULL_ACCESS } from '../compliance/access-policy.ts';
import { DAY_MS } from '../core/dates.ts';
import { SeededRandom } from '../core/seeded-random.ts';
import { demoProducts, demoSpecialties } from '../demo/catalog.ts';
import { noteCategories, writeNote, type NoteCategory } from '../demo/note-templates.ts';
import type { InsightSummary } from '../insights/field-insights.ts';
import { previousPeriod, type Period } from '../insights/periods.ts';
import { SqliteFieldInsights } from '../insights/sqlite-field-insights.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { percentile, privateCopy } from './bench-support.ts';

/**
 * The field-insight part of `npm run bench -- --only insights` (issue 7): summarize_field_insights'
 * engine (SqliteFieldInsights.summarize, as medical affairs: every territory, rep and MSL notes, with
 * the previous period of equal length) over the most recent 2,000 notes of the demo database and the
 * most recent 100,000 notes of the large one (.bench/large.db; without it, 100,000 notes written by
 * the demo generator's templates into a private copy of the demo database). Baseline in the same
 * run: reading the same notes of both periods (the engine's own statement) and nothing else. Each
 * figure is the median of RUNS runs after a warm-up read.
 */
export interface InsightsBenchFigure {
  source: string;
  notes: number;
  previousNotes: number;
  period: { from: string; to: string; days: number };
  summarizeMs: number;
  summarizeRunsMs: number[];
  readMs: number;
  themes: number;
  emerging: number;
  possibleAdverseEvents: number;
  unansweredQuestions: number;
  k: number;
  fitNotes: number;
}

export interface InsightsBenchResults {
  small: InsightsBenchFigure;
  large: InsightsBenchFigure;
}

/** Odd, so the 0.5 percentile of the runs is their median. */
const RUNS = 3;
const SMALL_NOTES = 2_000;
const LARGE_NOTES = 100_000;

/** The period holding the `count` most recent notes before as-of (or all of them). */
function periodOfLatest(store: SqliteStore, count: number, asOf: string): Period {
  const from =
    (store.database.prepare('SELECT written_at FROM field_notes WHERE written_at < ? ORDER BY written_at DESC LIMIT 1 OFFSET ?').pluck().get(asOf, count - 1) as string | undefined) ??
    (store.database.prepare('SELECT min(written_at) FROM field_notes').pluck().get() as string);
  return { from, to: asOf, label: 'custom', days: Math.round(((Date.parse(asOf) - Date.parse(from)) / DAY_MS) * 100) / 100 };
}

function measure(store: SqliteStore, source: string, count: number, asOf: string, progress: (message: string) => void): InsightsBenchFigure {
  const engine = new SqliteFieldInsights(store);
  const period = periodOfLatest(store, count, asOf);
  const previous = previousPeriod(period);
  const read = () => engine.readNotes({ from: previous.from, to: period.to, kinds: FULL_ACCESS.noteKinds, territories: null, specialty: null });
  read(); // warm-up: pages into the cache, statement prepared
  const summarizeRuns: number[] = [];
  const readRuns: number[] = [];
  let summary: InsightSummary | undefined;
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    const notes = read();
    readRuns.push(performance.now() - started);
    started = performance.now();
    summary = engine.summarize({ scope: FULL_ACCESS, period, previousPeriod: previous });
    summarizeRuns.push(performance.now() - started);
    progress(`insights bench: ${source}, run ${run + 1}: ${summary.notes.current} + ${summary.notes.previous} notes (${notes.length} read) in ${Math.round(summarizeRuns[run]!)} ms`);
  }
  return {
    source,
    notes: summary!.notes.current,
    previousNotes: summary!.notes.previous ?? 0,
    period: { from: period.from, to: period.to, days: period.days },
    summarizeMs: percentile(summarizeRuns, 0.5),
    summarizeRunsMs: summarizeRuns,
    readMs: percentile(readRuns, 0.5),
    themes: summary!.themes.length + summary!.themesOmitted,
    emerging: summary!.emergingThemes.length,
    possibleAdverseEvents: summary!.possibleAdverseEvents.total,
    unansweredQuestions: summary!.unansweredQuestions.total,
    k: summary!.method.k,
    fitNotes: summary!.method.fitNotes,
  };
}

/** `count` notes written by the generator's templates over the 60 days before as-of, for the demo HCPs. */
export function writeTemplateNotes(store: SqliteStore, count: number, asOf: string): void {
  const random = new SeededRandom(7_100);
  const hcps = store.hcps.listInTerritories(undefined);
  const areaOf = new Map(demoSpecialties.map((specialty) => [specialty.specialty, specialty.area]));
  const reps = store.users.list().filter((user) => user.role === 'rep' || user.role === 'msl');
  const weights: [NoteCategory, number][] = [['routine', 0.4], ['positive_feedback', 0.08], ['access_problem', 0.12], ['competitor_comparison', 0.12], ['dosing_question', 0.1], ['safety_question', 0.08], ['off_label_ask', 0.05], ['possible_adverse_event', 0.05]];
  if (weights.length !== noteCategories.length) throw new Error('a note category has no weight');
  const end = Date.parse(asOf);
  store.transaction(() => {
    for (let index = 0; index < count; index++) {
      const hcp = random.pick(hcps);
      const area = areaOf.get(hcp.specialty);
      const product = random.pick(demoProducts.filter((candidate) => candidate.therapeuticArea === area));
      const author = random.pick(reps);
      store.notes.upsert({
        id: `note-bench-${String(index).padStart(6, '0')}`,
        hcpId: hcp.id,
        authorId: author.id,
        writtenAt: new Date(end - 1 - Math.floor(random.next() * 60 * DAY_MS)).toISOString(),
        kind: author.role === 'msl' ? 'msl' : 'rep',
        text: writeNote(random, random.weighted(weights), {
          name: `Dr. ${hcp.lastName}`,
          pronoun: 'them',
          product,
          topic: random.pick(product.topics),
          focus: hcp.subspecialtyFocus,
          channel: hcp.preferredChannel ?? 'email',
          event: `${product.brandName} webinar`,
        }),
        synthetic: true,
      });
    }
  });
}

export async function runInsightsBench(
  paths: { demo: string; large: string | null; asOf: string },
  progress: (message: string) => void = () => {},
): Promise<{ results: InsightsBenchResults; lines: string[] }> {
  progress(`insights bench: the latest ${SMALL_NOTES.toLocaleString('en-US')} notes of the demo database`);
  const demo = openSqliteStore(paths.demo);
  let small: InsightsBenchFigure;
  try {
    small = measure(demo, 'demo database', SMALL_NOTES, paths.asOf, progress);
  } finally {
    demo.close();
  }

  let large: InsightsBenchFigure;
  if (paths.large) {
    progress(`insights bench: the latest ${LARGE_NOTES.toLocaleString('en-US')} notes of the large database`);
    const store = openSqliteStore(paths.large);
    try {
      large = measure(store, 'large database (.bench/large.db)', LARGE_NOTES, paths.asOf, progress);
    } finally {
      store.close();
    }
  } else {
    progress(`insights bench: no large database; writing ${LARGE_NOTES.toLocaleString('en-US')} template notes into a copy of the demo database`);
    const copy = await privateCopy(paths.demo, 'omni-insights-bench-');
    const store = openSqliteStore(copy.path);
    try {
      writeTemplateNotes(store, LARGE_NOTES, paths.asOf);
      large = measure(store, `${LARGE_NOTES.toLocaleString('en-US')} template notes over 60 days in a copy of the demo database`, LARGE_NOTES, paths.asOf, progress);
    } finally {
      store.close();
      copy.remove();
    }
  }

  const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
  const line = (figure: InsightsBenchFigure) => [
    `  ${thousands(figure.notes)} notes (+ ${thousands(figure.previousNotes)} in the previous ${figure.period.days} days), ${figure.source}: summary ${thousands(figure.summarizeMs)} ms (median of ${RUNS}: ${figure.summarizeRunsMs.map(thousands).join(', ')} ms)`,
    `    baseline, reading the same notes only: ${thousands(figure.readMs)} ms (summary/read = ${(figure.summarizeMs / Math.max(figure.readMs, 0.001)).toFixed(1)}x); ${figure.themes} themes (k ${figure.k} on ${thousands(figure.fitNotes)} notes), ${figure.emerging} emerging, ${thousands(figure.possibleAdverseEvents)} possible adverse events, ${thousands(figure.unansweredQuestions)} unanswered questions`,
  ];
  const lines = ['', 'Field insights (issue 7): summarize_field_insights as medical affairs, with the previous period', ...line(small), ...line(large)];
  return { results: { small, large }, lines };
}

// Lets the bench run on its own: npx tsx src/bench/insights-bench.ts <demo.db> [large.db|-] [asOf]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [demo, large, asOf] = process.argv.slice(2);
  if (!demo) throw new Error('usage: insights-bench.ts <demo.db> [large.db|-] [asOf]');
  const { lines } = await runInsightsBench(
    { demo, large: large && large !== '-' ? large : null, asOf: asOf ?? '2026-11-20T18:00:00.000Z' },
    (message) => process.stderr.write(`${message}\n`),
  );
  console.log(lines.join('\n'));
}
