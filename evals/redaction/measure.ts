import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonalDataKind } from '../../src/compliance/redaction.ts';
import { createAnalyticsContext, createNbaDependencies } from '../../src/container.ts';
import { callerFor } from '../../src/compliance/caller.ts';
import { quoteRedactor } from '../../src/profile/hcp-profile.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../../src/testing/demo-store.ts';
import { SHARED_DATA_DIR } from '../../src/testing/shared-data.ts';
import { lookupHcpProfileTool } from '../../tools/lookup-hcp-profile.ts';
import { summarizeFieldInsightsTool } from '../../tools/summarize-field-insights.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { bipiaNotes, syntheticNotes, type PlantedNote } from './planted-notes.ts';

/**
 * The redaction measure: notes with planted personal data are stored in a fresh demo database and
 * shown the way the tools show them (lookup_hcp_profile for each HCP's brief, summarize_field_insights
 * for medical affairs), and every quote is checked: a leak is any planted item (or BIPIA's own labelled
 * personal data) seen in a quote of its note. Over-redaction is measured twice: the note's product,
 * adverse event, dose, visit date and capitalised non-person terms lost from its brief quote, and words other than people's names
 * taken out of the demo's own notes (which carry no personal data beyond the HCPs' names).
 */
export interface Leak {
  noteId: string;
  kind: PersonalDataKind;
  planted: string;
  needle: string;
  where: string;
  quote: string;
}

export interface RedactionMeasure {
  notes: { synthetic: number; bipia: number; briefed: number };
  quotesChecked: { brief: number; insights: number };
  byKind: { kind: PersonalDataKind; planted: number; notes: number; leaked: number }[];
  leaks: Leak[];
  kept: { terms: number; lost: number; examples: string[] };
  demo: { notes: number; words: number; overRedactedWords: number; notesAffected: number; top: [string, number][] };
}

const KINDS: PersonalDataKind[] = ['name', 'email', 'phone', 'account', 'address', 'dob', 'mrn'];
const hoursAgo = (hours: number) => new Date(Date.parse(DEMO_AS_OF) - hours * 3_600_000).toISOString();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A needle is seen when it stands whole: a name as a word (case as written), digits not inside a longer number. */
function seen(quote: string, needle: string): boolean {
  if (/^\d+$/.test(needle)) return new RegExp(`(?<!\\d)${needle}(?!\\d)`).test(quote);
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(needle)}(?![\\p{L}\\d])`, 'u').test(quote);
}

function contextFor(store: SqliteStore, userId: string): ToolContext {
  const user = store.users.getById(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const nba = createNbaDependencies(store, { deadEndDays: 14 });
  return { user, caller: callerFor(user), asOf: DEMO_AS_OF, store, nba, content: nba.content, decisionLog: nba.decisionLog, analytics: createAnalyticsContext(store) };
}

export function loadBipiaContexts(): string[] {
  const path = join(SHARED_DATA_DIR, 'attacks', 'bipia', 'email_train.jsonl');
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { context: string }).context);
}

export async function measureRedaction(options: { synthetic?: number } = {}): Promise<RedactionMeasure> {
  const world = createTemporaryDemoStore('omni-redaction-eval-');
  try {
    const { store } = world;
    const products = store.products.list();
    const planted: PlantedNote[] = [...syntheticNotes(options.synthetic ?? 240, products), ...bipiaNotes(loadBipiaContexts(), products)];

    // Two planted notes per HCP, the newest of each, written by a rep of the HCP's territory.
    const reps = store.users.list().filter((user) => user.role === 'rep');
    const hcps = store.hcps.listInTerritories(undefined).filter((hcp) => reps.some((rep) => rep.territories.includes(hcp.territory)));
    const placed = planted.map((note, index) => {
      const hcp = hcps[Math.floor(index / 2) * 3 % hcps.length]!;
      const rep = reps.find((user) => user.territories.includes(hcp.territory))!;
      store.notes.upsert({ id: note.id, hcpId: hcp.id, authorId: rep.id, writtenAt: hoursAgo(1 + (index % 48)), kind: 'rep', text: note.text, synthetic: true });
      return { note, hcp, rep };
    });

    // Every quote shown, by note: the briefs (lookup_hcp_profile as the territory's rep) and the insight summary.
    const quotes = new Map<string, { where: string; text: string }[]>();
    const show = (noteId: string, where: string, text: string) => quotes.set(noteId, [...(quotes.get(noteId) ?? []), { where, text }]);
    let briefQuotes = 0;
    const briefed = new Set<string>();
    for (const { hcp, rep } of placed) {
      if (briefed.has(hcp.id)) continue;
      briefed.add(hcp.id);
      const output = (await lookupHcpProfileTool.execute(lookupHcpProfileTool.input.parse({ hcp: hcp.id }), contextFor(store, rep.id))) as { status: string; recentNotes?: { id: string; text: { quoted: string } }[] };
      for (const note of output.recentNotes ?? []) {
        show(note.id, 'brief', note.text.quoted);
        briefQuotes++;
      }
    }
    let insightQuotes = 0;
    // Theme labels and key terms are words of the notes too: no planted item may become one.
    const labels: string[] = [];
    for (const topic of [null, 'side effects']) {
      const output = summarizeFieldInsightsTool.output.parse(await summarizeFieldInsightsTool.execute(summarizeFieldInsightsTool.input.parse({ period: 'last_7_days', maxThemes: 25, topic }), contextFor(store, 'u-medaffairs')));
      if (output.status !== 'summarized') throw new Error(`the insight summary answered ${output.status}`);
      const quote = (noteId: string, where: string, text: { quoted: string }) => {
        show(noteId, where, text.quoted);
        insightQuotes++;
      };
      for (const theme of output.themes) {
        for (const item of theme.quotes) quote(item.noteId, `insights ${theme.id} quote`, item.text);
        labels.push([theme.label, ...theme.keyTerms].join(' | '));
      }
      for (const competitor of output.competitorMentions.competitors) for (const item of competitor.quotes) quote(item.noteId, 'insights competitor quote', item.text);
      for (const item of output.possibleAdverseEvents.items) {
        quote(item.noteId, 'insights adverse-event excerpt', item.excerpt);
        quote(item.noteId, 'insights adverse-event phrase', item.matchedPhrase);
      }
      for (const item of output.unansweredQuestions.items) if (item.noteId && item.question) quote(item.noteId, 'insights question', item.question);
      for (const entry of output.extractiveSummary) if (entry.quote) quote(entry.quote.noteId, 'insights summary quote', entry.quote.text);
    }

    const leaks: Leak[] = [];
    const byKind = new Map(KINDS.map((kind) => [kind, { kind, planted: 0, notes: new Set<string>(), leaked: 0 }]));
    let keptTerms = 0;
    const lost: string[] = [];
    for (const note of planted) {
      const shown = quotes.get(note.id) ?? [];
      for (const item of note.planted) {
        const entry = byKind.get(item.kind)!;
        entry.planted++;
        entry.notes.add(note.id);
        const leak = [...shown, ...labels.map((text) => ({ where: 'insights theme label', text }))].flatMap((quote) => item.needles.filter((needle) => seen(quote.text, needle)).map((needle) => ({ needle, quote })))[0];
        if (leak) {
          entry.leaked++;
          leaks.push({ noteId: note.id, kind: item.kind, planted: item.text, needle: leak.needle, where: leak.quote.where, quote: leak.quote.text });
        }
      }
      const brief = shown.find((quote) => quote.where === 'brief');
      if (!brief) continue;
      for (const term of note.kept) {
        keptTerms++;
        if (!brief.text.includes(term)) lost.push(`${note.id}: "${term}"`);
      }
    }

    return {
      notes: { synthetic: planted.filter((note) => note.source === 'synthetic').length, bipia: planted.filter((note) => note.source === 'bipia').length, briefed: planted.filter((note) => quotes.get(note.id)?.some((quote) => quote.where === 'brief')).length },
      quotesChecked: { brief: briefQuotes, insights: insightQuotes },
      byKind: [...byKind.values()].map((entry) => ({ kind: entry.kind, planted: entry.planted, notes: entry.notes.size, leaked: entry.leaked })),
      leaks,
      kept: { terms: keptTerms, lost: lost.length, examples: lost.slice(0, 10) },
      demo: demoOverRedaction(store),
    };
  } finally {
    world.remove();
  }
}

/** Words other than people's names that redaction takes out of the demo's notes of the last 90 days. */
function demoOverRedaction(store: SqliteStore): RedactionMeasure['demo'] {
  const since = new Date(Date.parse(DEMO_AS_OF) - 90 * 86_400_000).toISOString();
  const rows = store.database.prepare("SELECT hcp_id AS hcpId, text FROM field_notes WHERE written_at >= ? AND id NOT LIKE 'note-pii-%' ORDER BY id").all(since) as { hcpId: string; text: string }[];
  const people = new Set(store.users.list().flatMap((user) => user.name.split(/\s+/)));
  const products = store.products.list();
  const top = new Map<string, number>();
  let words = 0;
  let overRedacted = 0;
  let affected = 0;
  const redactors = new Map<string, ReturnType<typeof quoteRedactor>>();
  for (const row of rows) {
    const hcp = store.hcps.getById(row.hcpId)!;
    const redactor = redactors.get(hcp.id) ?? quoteRedactor(store, hcp, products);
    redactors.set(hcp.id, redactor);
    words += row.text.split(/\s+/).filter(Boolean).length;
    const names = new Set([hcp.firstName, hcp.lastName, ...people]);
    const wrong = redactor
      .find(row.text)
      .map((finding) => row.text.slice(finding.start, finding.end))
      .filter((text) => !text.split(/\s+/).every((word) => names.has(word.replace(/['’]s$/, ''))));
    if (wrong.length > 0) affected++;
    for (const text of wrong) {
      overRedacted += text.split(/\s+/).length;
      top.set(text, (top.get(text) ?? 0) + 1);
    }
  }
  return { notes: rows.length, words, overRedactedWords: overRedacted, notesAffected: affected, top: [...top].sort((a, b) => b[1] - a[1]).slice(0, 10) };
}

/** The figures as printed by `npm run eval:redaction`. */
export function formatMeasure(measure: RedactionMeasure): string {
  const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`);
  const totalPlanted = measure.byKind.reduce((sum, entry) => sum + entry.planted, 0);
  const lines = [
    `Redaction of personal data in quotes (src/compliance/redaction.ts), ${measure.notes.synthetic} synthetic notes + ${measure.notes.bipia} built from BIPIA email contexts; ${measure.notes.briefed} shown in full in a brief.`,
    `Quotes checked: ${measure.quotesChecked.brief} in briefs (lookup_hcp_profile), ${measure.quotesChecked.insights} in insight summaries (summarize_field_insights).`,
    '',
    'kind      planted  notes  leaked',
    ...measure.byKind.map((entry) => `${entry.kind.padEnd(9)} ${String(entry.planted).padStart(7)} ${String(entry.notes).padStart(6)} ${String(entry.leaked).padStart(7)}`),
    `all       ${String(totalPlanted).padStart(7)} ${String(measure.notes.synthetic + measure.notes.bipia).padStart(6)} ${String(measure.leaks.length).padStart(7)}   leak rate ${percent(measure.leaks.length, totalPlanted)}`,
    ...measure.leaks.slice(0, 10).map((leak) => `  leak: ${leak.noteId} ${leak.kind} "${leak.needle}" in ${leak.where}: ${leak.quote.slice(0, 160)}`),
    '',
    `Over-redaction: ${measure.kept.lost} of ${measure.kept.terms} product, adverse-event, dose, visit-date and other capitalised terms (eponyms, payers, places) lost from the planted notes' briefs (${percent(measure.kept.lost, measure.kept.terms)}).`,
    ...measure.kept.examples.map((example) => `  lost: ${example}`),
    `Over-redaction on the demo's own notes (last 90 days, no personal data but the HCPs' names): ${measure.demo.overRedactedWords} of ${measure.demo.words} words taken out wrongly (${percent(measure.demo.overRedactedWords, measure.demo.words)}), in ${measure.demo.notesAffected} of ${measure.demo.notes} notes.`,
    ...(measure.demo.top.length > 0 ? [`  most often: ${measure.demo.top.map(([text, count]) => `"${text}" ${count}`).join(', ')}`] : []),
  ];
  return lines.join('\n');
}
