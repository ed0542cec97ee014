/**
 * The local model's answers to medical-affairs and manager questions, written from the tools'
 * results with templates (as local-answers.ts does for reps). Numbers are quoted as the tools gave
 * them, each with the query or record behind it; quoted note text stays marked as quoted.
 */

import { quoteData } from '../../core/quoting.ts';
import { stageIds } from '../../maturity/thresholds.ts';
import { REPORT_OFFER } from './local-answers.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const percent = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const day = (iso: string) => iso.slice(0, 10);

/** "what are oncologists asking about since the congress?", "any safety signals in the notes this month?" */
/**
 * Unanswered questions numbered by who asked them, in the tool's order (its citations' order), so "the
 * first one" and "who asked it" point at what is on screen; an HCP's further questions share their line.
 */
function questionsByHcp(items: readonly { hcp: { id: string; name: string }; sentence: string }[], limit: number): string[] {
  const byHcp = new Map<string, { name: string; sentences: string[] }>();
  for (const item of items) {
    const entry = byHcp.get(item.hcp.id) ?? { name: item.hcp.name, sentences: [] };
    entry.sentences.push(item.sentence);
    byHcp.set(item.hcp.id, entry);
  }
  return [...byHcp].slice(0, limit).map(([id, entry], index) => `  ${index + 1}. ${entry.name} (${id}): ${entry.sentences.join(' Also: ')}`);
}

/** One possible adverse event a summary flagged: its note, day, HCP, product and the phrase that flagged it. */
const eventLine = (item: Json) => `- note ${item.noteId} (${day(item.writtenAt)}, ${item.hcp.name}, ${item.product ?? 'product not named'}): ${quoteData(item.matchedPhrase.quoted)}`;

/** "3 notes mention "liver failure"": how many notes of the period hold the words asked. */
export const mentions = (count: number, topic: string) => `${count} note${count === 1 ? ' mentions' : 's mention'} "${topic}"`;

export function insightsAnswer(output: Json, focus: { concern: string | null; questions?: boolean; byProduct?: boolean }): string {
  if (output.status !== 'summarized') return output.message;
  const lines: string[] = [];
  // "unanswered medical questions by product": the counts per product first.
  const byProduct = focus.byProduct ? productCounts(output) : null;
  const questions = output.unansweredQuestions;
  const territories = output.filters.territories === 'all' ? null : output.filters.territories.join(', ');
  const scope = [territories, output.filters.specialty, output.filters.product?.name, output.filters.topic?.text].filter(Boolean).join(', ');
  lines.push(
    `Field notes ${day(output.period.from)} to ${day(output.period.to)}${scope ? ` (${scope})` : ''}: ${output.notes.current} notes on ${output.notes.hcps} HCPs` +
      (output.notes.previous === null ? '.' : ` (previous period: ${output.notes.previous}).`),
  );
  if (byProduct) lines.push(byProduct);
  // "which HCPs have unanswered medical questions?": that list first, in full, before the rest.
  if (focus.questions) {
    if (questions.total === 0) lines.push('No unanswered medical question in these notes.');
    else {
      lines.push(`Unanswered medical questions: ${questions.total} from ${questions.hcps} HCPs:`);
      lines.push(...questionsByHcp(questions.items, 10));
    }
    // The list covers the period's notes only: older questions still open are not dropped silently.
    if ((output.period?.days ?? 365) < 365) lines.push(`These are the questions from ${day(output.period.from)} to ${day(output.period.to)}; older ones may still be open. Ask for "open medical questions over the last 12 months" to see them all.`);
  }
  const events = output.possibleAdverseEvents;
  // Possible adverse events are never cut: each needs pharmacovigilance follow-up.
  const eventLines: string[] = [];
  if (events.total > 0) {
    eventLines.push(`Possible adverse events to report to pharmacovigilance: ${events.total}.`);
    for (const item of events.items) {
      eventLines.push(`  ${eventLine(item)}`);
    }
    eventLines.push(`  ${REPORT_OFFER}`);
  } else if (focus.concern === 'side effects' || focus.concern === 'safety') {
    eventLines.push('No possible adverse event was found in these notes.');
  }
  const themeLines: string[] = [];
  if (output.themes.length > 0) {
    themeLines.push('Themes, largest first:');
    for (const theme of output.themes.slice(0, 6)) {
      const trend = theme.trend === 'new' ? 'new this period' : theme.previousNotes === null ? '' : `${theme.trend} from ${theme.previousNotes}`;
      const quote = theme.quotes[0] ? ` e.g. ${quoteData(theme.quotes[0].text.quoted)}` : '';
      themeLines.push(`  - ${theme.concernLabel ?? theme.label}: ${theme.notes} notes, ${theme.hcps} HCPs${trend ? ` (${trend})` : ''}.${quote}`);
    }
  }
  // Too few notes for themes ("what are my dermatologists saying about stelara": one note): what they say, quoted.
  if (output.themes.length === 0 && output.notes.current > 0) {
    const said = (output.extractiveSummary as Json[]).filter((entry) => entry.quote).slice(0, 5);
    if (said.length > 0) themeLines.push('What the notes say:', ...said.map((entry) => `  - note ${entry.quote.noteId} (${day(entry.quote.writtenAt)}): ${quoteData(entry.quote.text.quoted, 240)}`));
  }
  // The events come first, unless a long list of them would bury the themes asked about ("biggest themes over the past year").
  const safetyAsked = focus.concern === 'side effects' || focus.concern === 'safety';
  lines.push(...(events.total > 10 && !safetyAsked ? [...themeLines, ...eventLines] : [...eventLines, ...themeLines]));
  // Emerging themes by what they are about, not their ids.
  const themeName = (id: string) => {
    const theme = (output.themes as Json[]).find((candidate) => candidate.id === id);
    return theme ? `${theme.concernLabel ?? theme.label} (${theme.notes} notes, ${theme.previousNotes ?? 0} before)` : id;
  };
  if (output.emergingThemes.length > 0) lines.push(`Emerging (new or growing fast): ${output.emergingThemes.map(themeName).join('; ')}.`);
  if (!focus.questions && questions.total > 0) {
    lines.push(`Unanswered medical questions: ${output.unansweredQuestions.total} from ${output.unansweredQuestions.hcps} HCPs, e.g.:`);
    lines.push(...questionsByHcp(output.unansweredQuestions.items, 5));
  }
  const competitors = output.competitorMentions.competitors;
  if (competitors.length > 0) lines.push(`Competitor mentions: ${competitors.map((competitor: Json) => `${competitor.name} ${competitor.mentions}`).join(', ')}.`);
  lines.push('(Extractive summary from the notes by the offline model; note text is quoted data.)');
  return lines.join('\n');
}

/** "abuse or overdose mentions": for each word asked, whether any note of the period holds it, with up to two of those notes quoted. */
export function wordsFoundLead(asked: readonly string[], outputs: Json[]): string {
  return asked
    .map((topic, index) => {
      const output = outputs[index];
      const count = output?.notes.current ?? 0;
      if (count === 0) return `No note in this period mentions "${topic}".`;
      const quotes = (output.extractiveSummary as Json[]).filter((entry) => entry.quote).slice(0, 2).map((entry) => `note ${entry.quote.noteId}: ${quoteData(entry.quote.text.quoted, 160)}`);
      return `${mentions(count, topic)}${quotes.length > 0 ? `: ${quotes.join('; ')}` : '.'}`;
    })
    .join('\n');
}

/** Per product: the notes of the themes, the possible adverse events and the unanswered questions. */
function productCounts(output: Json): string {
  const counts = new Map<string, { notes: number; events: number; questions: number }>();
  const entry = (name: string) => counts.get(name) ?? counts.set(name, { notes: 0, events: 0, questions: 0 }).get(name)!;
  for (const theme of output.themes) for (const product of theme.products) entry(product.brandName).notes += product.notes;
  for (const item of output.possibleAdverseEvents.items) entry((item.product ?? 'product not named').replace(/ \(.*\)$/, '')).events += 1;
  for (const item of output.unansweredQuestions.items) entry((item.product ?? 'product not named').replace(/ \(.*\)$/, '')).questions += 1;
  const rows = [...counts].sort((a, b) => b[1].questions - a[1].questions || b[1].notes - a[1].notes || a[0].localeCompare(b[0]));
  const listed = output.unansweredQuestions.items.length;
  const questions = listed < output.unansweredQuestions.total ? `unanswered medical questions among the ${listed} listed of ${output.unansweredQuestions.total}` : 'unanswered medical questions';
  return [`By product (notes in the themes listed, possible adverse events, ${questions}):`, ...rows.map(([name, count]) => `  - ${name}: ${count.notes} notes, ${count.events} possible AEs, ${count.questions} unanswered questions`)].join('\n');
}

/** "what is each region hearing": one summary per region, its largest themes, every possible adverse event and its open questions. */
export function insightsByRegionAnswer(outputs: Json[], regions: readonly { id: string; name: string }[]): string {
  const first = outputs.find((output) => output.status === 'summarized');
  if (!first) return outputs[0]?.message ?? 'No field-note summary came back.';
  const lines = [`Field notes by region, ${day(first.period.from)} to ${day(first.period.to)}:`];
  outputs.forEach((output, index) => {
    const region = regions[index]!;
    if (output.status !== 'summarized') {
      lines.push(`- ${region.name} (${region.id}): ${output.message}`);
      return;
    }
    const themes = output.themes.slice(0, 3).map((theme: Json) => `${theme.concernLabel ?? theme.label} (${theme.notes})`).join(', ');
    lines.push(
      `- ${region.name} (${region.id}): ${output.notes.current} notes on ${output.notes.hcps} HCPs${output.notes.previous === null ? '' : ` (previous period: ${output.notes.previous})`}.` +
        `${themes ? ` Largest themes: ${themes}.` : ''} Unanswered medical questions: ${output.unansweredQuestions.total}.`,
    );
    const events = output.possibleAdverseEvents;
    if (events.total > 0) {
      lines.push(`  Possible adverse events to report to pharmacovigilance: ${events.total}.`);
      for (const item of events.items) lines.push(`    ${eventLine(item)}`);
    }
  });
  if (outputs.some((output) => output.status === 'summarized' && output.possibleAdverseEvents.total > 0)) lines.push(REPORT_OFFER);
  lines.push('(Extractive summaries from the notes by the offline model; note text is quoted data.)');
  return lines.join('\n');
}

/** "how's the Northeast doing on follow-ups vs last quarter?", "which reps have the most dead ends?" */
export function performanceAnswer(output: Json, options: { ranked: boolean }): string {
  if (output.status === 'unsupported') return `${output.message} It can be broken down by ${output.supportedDimensions.join(', ')}.`;
  if (output.status !== 'answered') return output.message;
  const value = (cell: Json) => (cell?.value === null || cell?.value === undefined ? 'n/a' : output.unit === 'share' ? percent(cell.value) : output.unit === 'days' ? `${cell.value.toFixed(1)} days` : cell.value.toFixed(2));
  const counts = (cell: Json) => (cell && cell.numerator !== null && cell.denominator !== null && output.unit === 'share' ? ` (${cell.numerator}/${cell.denominator})` : '');
  const change = (row: Json) =>
    row.change === null || row.change === undefined
      ? ''
      : `, ${row.change >= 0 ? 'up' : 'down'} ${output.unit === 'share' ? `${Math.abs(row.change * 100).toFixed(1)} points` : Math.abs(row.change).toFixed(2)} from ${value(row.previous)}`;
  const where = output.filters.territory ? ` in ${output.filters.territory.join(', ')}` : '';
  const header = `${output.label}${where}, ${day(output.period.from)} to ${day(output.period.to)}${output.comparedWith ? ` vs ${day(output.comparedWith.from)} to ${day(output.comparedWith.to)}` : ''}:`;
  const rows = [...output.rows];
  // A series by week or month stays in time order, however it was asked.
  if (options.ranked && output.dimension !== 'week' && output.dimension !== 'month') rows.sort((a: Json, b: Json) => (b.current?.value ?? -Infinity) - (a.current?.value ?? -Infinity));
  const lines = [header];
  // Nothing to count is said plainly, not left as an empty table or a row of n/a.
  if (rows.length === 0 || rows.every((row: Json) => row.current?.value === null || row.current?.value === undefined)) {
    const filters = Object.entries(output.filters ?? {}).filter(([, filter]) => filter !== undefined && filter !== null).map(([name, filter]) => `${name} ${Array.isArray(filter) ? filter.join(', ') : String(filter)}`);
    lines.push(`  No ${output.label.toLowerCase()} to report for this period${filters.length > 0 ? ` with ${filters.join('; ')}` : ''}: the data has nothing to count (for example, no recommendation got feedback, or no HCP had an intent signal).`);
  }
  const hasValue = (cell: Json) => cell?.value !== null && cell?.value !== undefined;
  // A comparison with nothing to compare with is said, not dropped ("vs same time last year" before the data starts).
  const noComparison = output.comparedWith && rows.some((row: Json) => hasValue(row.current)) && rows.every((row: Json) => !hasValue(row.previous));
  if (noComparison) lines.push(`  No comparison: nothing was recorded to count from ${day(output.comparedWith.from)} to ${day(output.comparedWith.to)}, so only this period's figure is shown.`);
  const missing = (row: Json) => (output.comparedWith && !noComparison && hasValue(row.current) && !hasValue(row.previous) ? ' (nothing to compare with in the earlier period)' : '');
  // A series by week or month shows its latest rows; other breakdowns their first (ranked) ones.
  const series = output.dimension === 'week' || output.dimension === 'month';
  const shown = rows.length > 12 ? (series ? rows.slice(-12) : rows.slice(0, 12)) : rows;
  if (rows.length > 12 && series) lines.push(`  … ${rows.length - 12} earlier ${output.dimension}s before these.`);
  for (const row of shown) lines.push(`  - ${row.label}: ${value(row.current)}${counts(row.current)}${change(row)}${missing(row)} [query ${row.current?.queryId ?? 'n/a'}]`);
  if (rows.length > 12 && !series) lines.push(`  … and ${rows.length - 12} more rows.`);
  lines.push(`Definition: ${output.definition}`);
  return lines.join('\n');
}

/** "where are we on omnichannel maturity?" */
export function maturityAnswer(output: Json, focus: { weakest?: boolean } = {}): string {
  if (output.status !== 'assessed') return output.message;
  // "what's dragging it down": the measured dimensions at the lowest stage, first.
  const measured = (output.dimensions as Json[]).filter((dimension) => dimension.stage !== 'unknown');
  const rank = (dimension: Json) => stageIds.indexOf(dimension.stage);
  const lowest = Math.min(...measured.map(rank));
  const weakest = measured.filter((dimension) => rank(dimension) === lowest);
  const lead = focus.weakest && weakest.length > 0 ? [`Holding the stage down: ${weakest.map((dimension) => `${dimension.label} (${dimension.stageLabel})`).join(', ')}.`] : [];
  const leftOut = output.scope.leftOut > 0 ? `; ${output.scope.leftOut} left out: in no territory and never contacted` : '';
  const lines = [...lead, `Omnichannel maturity (${day(output.period.since)} to ${day(output.period.until)}, ${output.scope.hcps} HCPs engaged${leftOut}): ${output.overall.stageLabel} overall (${output.overall.rule}).`];
  for (const dimension of output.dimensions) {
    const metric = dimension.metrics[0];
    const evidence = dimension.stage === 'unknown' ? dimension.unknownReason : metric ? `${metric.label} ${metric.numerator !== null && metric.denominator !== null ? `${metric.numerator}/${metric.denominator} = ` : ''}${percentOrNumber(metric.value)}` : '';
    lines.push(`  - ${dimension.label}: ${dimension.stageLabel}${evidence ? ` (${evidence})` : ''}`);
  }
  if (output.nextStep) lines.push(`Next step, biggest gap: ${output.nextStep.sentence}`);
  lines.push(`Thresholds ${output.thresholds.version}.`);
  return lines.join('\n');
}

function percentOrNumber(value: number | null): string {
  if (value === null) return 'n/a';
  return value <= 1 && value >= 0 ? percent(value) : value.toFixed(2);
}
