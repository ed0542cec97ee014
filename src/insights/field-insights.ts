import type { AccessScope } from '../compliance/access-policy.ts';
import { Redactor } from '../compliance/redaction.ts';
import type { InteractionActivity } from '../domain/interaction.ts';
import type { Product } from '../domain/product.ts';
import type { AdverseEventFlag } from './adverse-events.ts';
import type { InsightLexicons } from './lexicons.ts';
import { NoteAnalyser, type InsightNote, type NoteAnalysis } from './note-analysis.ts';
import type { Period } from './periods.ts';
import { findUnansweredQuestions, type QuestionNote } from './questions.ts';
import { phraseStems, STOP_WORDS, tokenize } from './text.ts';
import { clusterThemes, defaultThemeOptions, type ThemeOptions } from './themes.ts';

/**
 * What the field is hearing, for medical affairs and MSLs: themes (with trend, emerging ones, quotes),
 * unanswered medical questions, competitor mentions and possible adverse events, over the notes of
 * a period (and the period before, for comparison). The engine reads; access (who may ask) is decided
 * by the tool from the caller's role, and what they may see comes in as an AccessScope.
 */
export interface FieldInsights {
  summarize(request: InsightRequest): InsightSummary;
}

export interface InsightRequest {
  scope: AccessScope;
  period: Period;
  /** The period before, of equal length, or null for no comparison. */
  previousPeriod: Period | null;
  /** A product id, brand or generic name; null for all. */
  product?: string | null;
  /** A concern ("safety", "access", "side effects") or words the notes must contain. */
  topic?: string | null;
  /** Part of the HCP's specialty, any case ("oncology", "oncologists", "Rheumatology"). */
  specialty?: string | null;
  /** A territory id (or a region prefix such as T-NE for T-NE-01...); must be within the scope. */
  territory?: string | null;
  limits?: Partial<InsightLimits>;
}

export interface InsightLimits {
  themes: number;
  quotesPerTheme: number;
  questions: number;
  competitorNoteIds: number;
}

export const defaultInsightLimits: InsightLimits = { themes: 10, quotesPerTheme: 3, questions: 25, competitorNoteIds: 20 };

export interface Quote {
  noteId: string;
  hcpId: string;
  writtenAt: string;
  kind: 'rep' | 'msl';
  /** The note (or its sentence), personal data redacted (src/compliance/redaction.ts). Data, not instructions. */
  text: string;
}

export interface Theme {
  id: string;
  /** Its key terms, best first, joined: "prior authorization, step therapy, denied". */
  label: string;
  keyTerms: string[];
  /** The seed concern most of its notes share, e.g. access_problem, or null for a theme found from the words alone. */
  concern: string | null;
  concernLabel: string | null;
  notes: number;
  previousNotes: number | null;
  trend: 'new' | 'up' | 'down' | 'flat' | null;
  changePercent: number | null;
  emerging: boolean;
  hcps: number;
  products: { productId: string; brandName: string; notes: number }[];
  quotes: Quote[];
  /** The ids of the theme's notes in the period (for tests and drill-down; the tool leaves them out). */
  noteIds: string[];
}

export interface AdverseEventItem {
  noteId: string;
  hcp: { id: string; name: string; territory: string };
  writtenAt: string;
  authorId: string;
  kind: 'rep' | 'msl';
  productId: string | null;
  product: string | null;
  /** The adverse-event wording as written in the note (redacted like every quote). */
  matchedPhrase: string;
  cue: string;
  rule: AdverseEventFlag['rule'];
  otherPhrases: string[];
  /** The sentence it was found in, redacted. */
  excerpt: string;
}

export interface QuestionItem {
  hcp: { id: string; name: string; territory: string; specialty: string };
  productId: string | null;
  product: string | null;
  concern: string | null;
  askedAt: string;
  daysOpen: number;
  via: ('field_note' | 'medical_inquiry' | 'call_center')[];
  noteId: string | null;
  interactionIds: string[];
  sentence: string;
  /** The note's text, redacted, when it was asked in a note. */
  question: string | null;
}

export interface CompetitorItem {
  name: string;
  mentions: number;
  previousMentions: number | null;
  hcps: number;
  againstProducts: { productId: string; brandName: string; mentions: number }[];
  noteIds: string[];
  quotes: Quote[];
}

export interface InsightSummary {
  period: Period;
  previousPeriod: Period | null;
  filters: {
    product: { id: string; name: string } | null;
    topic: { text: string; matchedBy: 'concern' | 'words'; concerns: string[] } | null;
    specialty: string | null;
    territories: string[] | 'all';
  };
  notes: { current: number; previous: number | null; hcps: number; rep: number; msl: number };
  method: { themes: string; k: number; mergedTo: number; fitNotes: number; features: number; seed: number; adverseEvents: string };
  themes: Theme[];
  themesOmitted: number;
  /** Notes in themes too small to report (fewer than 3 notes over both periods). */
  otherNotes: number;
  emergingThemes: string[];
  unansweredQuestions: { total: number; hcps: number; items: QuestionItem[] };
  competitorMentions: { notes: number; previousNotes: number | null; competitors: CompetitorItem[] };
  /** Every flagged note in the period, scope and filters except topic: never truncated. */
  possibleAdverseEvents: { total: number; items: AdverseEventItem[] };
  extractiveSummary: { sentence: string; quote: Quote | null }[];
}

/** What the summary needs besides the notes: catalogues and the reads for the question check. */
export interface SummaryInputs {
  products: readonly Pick<Product, 'id' | 'brandName' | 'genericName'>[];
  lexicons: InsightLexicons;
  /** Names to redact from every quote besides each note's own HCP (users, for instance). */
  extraNames: readonly string[];
  /** Both periods' notes, oldest first. */
  notes: readonly InsightNote[];
  /** Per HCP, the question channels and MSL meetings in the period (see QUESTION_ACTIVITY_CHANNELS). */
  readQuestionActivity(hcpIds: readonly string[]): ReadonlyMap<string, readonly InteractionActivity[]>;
  themeOptions?: Partial<ThemeOptions>;
}

const EMERGING_MAX_PREVIOUS_SHARE = 0.2;
const EMERGING_MIN_NOTES = 3;
const QUOTE_CANDIDATES = 400;

/** Resolves a topic to seed concerns (by label and aliases) or else to words every kept note must contain. */
export function resolveTopic(topic: string, lexicons: InsightLexicons): { concerns: string[]; words: string[] } {
  const generic = new Set(['question', 'questions', 'problem', 'problems', 'request', 'requests', 'possible', 'issue', 'issues'].map((word) => phraseStems(word)[0]!));
  // Stop words are listed as words ("this", "was"), and their stems can differ ("thi", "wa").
  const tokens = tokenize(topic);
  const stems = tokens.filter((token) => !STOP_WORDS.has(token.word) && !generic.has(token.stem)).map((token) => token.stem);
  const text = tokens.map((token) => token.stem).join(' ');
  const concerns = lexicons.seeds.seeds
    .filter((seed) => {
      const names = [seed.label, seed.id.replace(/_/g, ' '), ...seed.aliases].map((name) => phraseStems(name).join(' '));
      if (names.includes(text)) return true;
      const labelStems = new Set([seed.label, ...seed.aliases].flatMap((name) => phraseStems(name)).filter((stem) => !generic.has(stem)));
      return stems.length > 0 && stems.some((stem) => labelStems.has(stem));
    })
    .map((seed) => seed.id);
  return { concerns, words: stems };
}

export function summarizeNotes(
  request: Pick<InsightRequest, 'period' | 'previousPeriod' | 'topic'> & { limits: InsightLimits; productId: string | null },
  inputs: SummaryInputs,
): Omit<InsightSummary, 'filters'> & { topic: InsightSummary['filters']['topic'] } {
  const { period, previousPeriod, limits } = request;
  const analyser = new NoteAnalyser(inputs.products, inputs.lexicons);
  const productNames = new Map(inputs.products.map((product) => [product.id, `${product.brandName} (${product.genericName})`]));
  const brandNames = new Map(inputs.products.map((product) => [product.id, product.brandName]));
  const productName = (id: string | null) => (id === null ? 'a product' : (productNames.get(id) ?? id));
  const seedLabels = new Map(inputs.lexicons.seeds.seeds.map((seed) => [seed.id, seed.label]));
  const medicalSeeds = new Set(inputs.lexicons.seeds.seeds.filter((seed) => seed.medicalQuestion).map((seed) => seed.id));
  const redactor = new Redactor({
    names: inputs.extraNames,
    products: [...inputs.products.flatMap((product) => [product.brandName, product.genericName]), ...inputs.lexicons.competitors.flatMap((competitor) => [competitor.brandName, competitor.genericName])],
  });
  const redact = (note: InsightNote, text = note.text) => redactor.redact(text, [note.hcp.firstName, note.hcp.lastName, `${note.hcp.firstName} ${note.hcp.lastName}`]);
  const quoteOf = (note: InsightNote, text?: string): Quote => ({ noteId: note.id, hcpId: note.hcpId, writtenAt: note.writtenAt, kind: note.kind, text: redact(note, text) });

  // Read every note once; the product filter is on the text (notes carry no product column).
  const resolved = request.topic ? resolveTopic(request.topic, inputs.lexicons) : null;
  const topicWords = resolved && resolved.concerns.length === 0 ? resolved.words : [];
  const inPeriod = (note: InsightNote, range: Period) => note.writtenAt >= range.from && note.writtenAt < range.to;
  const all: { note: InsightNote; analysis: NoteAnalysis; current: boolean }[] = [];
  for (const note of inputs.notes) {
    const current = inPeriod(note, period);
    if (!current && !(previousPeriod && inPeriod(note, previousPeriod))) continue;
    const analysis = analyser.analyse(note, topicWords);
    if (request.productId !== null && !analysis.productIds.includes(request.productId)) continue;
    all.push({ note, analysis, current });
  }

  // Possible adverse events: every flagged note of the period, whatever the topic.
  const adverseEvents: AdverseEventItem[] = [];
  for (const { note, analysis, current } of all) {
    if (!current || analysis.adverseEvents.length === 0) continue;
    const [first, ...others] = analysis.adverseEvents;
    const productId = nearestProduct(note.text, first!.start, analysis, inputs.products);
    adverseEvents.push({
      noteId: note.id,
      hcp: { id: note.hcpId, name: `${note.hcp.firstName} ${note.hcp.lastName}`, territory: note.hcp.territory },
      writtenAt: note.writtenAt,
      authorId: note.authorId,
      kind: note.kind,
      productId,
      product: productId === null ? null : productName(productId),
      matchedPhrase: redact(note, first!.phrase),
      cue: first!.cue,
      rule: first!.rule,
      otherPhrases: others.map((flag) => redact(note, flag.phrase)),
      excerpt: redact(note, sentenceOf(note.text, first!.start, first!.end)),
    });
  }
  adverseEvents.sort((a, b) => (a.writtenAt < b.writtenAt ? 1 : a.writtenAt > b.writtenAt ? -1 : a.noteId < b.noteId ? -1 : 1));

  // The topic filter, for everything else.
  let topic: InsightSummary['filters']['topic'] = null;
  let kept = all;
  if (request.topic && resolved) {
    if (resolved.concerns.length > 0) {
      const concerns = new Set(resolved.concerns);
      kept = all.filter(({ analysis }) => (analysis.concept !== null && concerns.has(analysis.concept)) || (concerns.has('possible_adverse_event') && analysis.adverseEvents.length > 0));
      topic = { text: request.topic, matchedBy: 'concern', concerns: resolved.concerns };
    } else {
      // Stems join words apart in meaning ("hospitalizations" and "hospital"): each word's own beginning must be in the note too.
      const beginnings = tokenize(request.topic).filter((token) => resolved.words.includes(token.stem)).map((token) => token.word.toLowerCase().slice(0, Math.max(4, token.word.length - 3)));
      kept = all.filter(({ note, analysis }) => analysis.hasWords && beginnings.every((beginning) => note.text.toLowerCase().includes(beginning)));
      topic = { text: request.topic, matchedBy: 'words', concerns: [] };
    }
  }
  const currentNotes = kept.filter((entry) => entry.current);

  // Themes over both periods together.
  const clustered = clusterThemes(
    kept.map((entry) => entry.analysis),
    analyser,
    (index) => analyser.labelFeatures(kept[index]!.note),
    { ...defaultThemeOptions, ...inputs.themeOptions },
  );
  const compare = previousPeriod !== null;
  const unnumbered: Omit<Theme, 'id'>[] = clustered.themes.map((cluster) => {
    // The theme's notes of this period, best fitting first.
    const current: (typeof kept)[number][] = [];
    for (const member of cluster.members) if (kept[member.note]!.current) current.push(kept[member.note]!);
    const notes = current.length;
    const previousNotes = compare ? cluster.members.length - notes : null;
    const products = new Map<string, number>();
    for (const entry of current) for (const id of entry.analysis.productIds) products.set(id, (products.get(id) ?? 0) + 1);
    return {
      label: cluster.keyTerms.slice(0, 3).join(', '),
      keyTerms: cluster.keyTerms,
      concern: cluster.concept,
      concernLabel: cluster.concept === null ? null : (seedLabels.get(cluster.concept) ?? cluster.concept),
      notes,
      previousNotes,
      ...trendOf(notes, previousNotes),
      emerging: previousNotes !== null && notes >= EMERGING_MIN_NOTES && previousNotes <= EMERGING_MAX_PREVIOUS_SHARE * notes,
      hcps: new Set(current.map((entry) => entry.note.hcpId)).size,
      products: [...products]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([productId, count]) => ({ productId, brandName: brandNames.get(productId) ?? productId, notes: count })),
      quotes: representativeQuotes(current.slice(0, QUOTE_CANDIDATES).map((entry) => entry.note), limits.quotesPerTheme).map((note) => quoteOf(note)),
      noteIds: current.map((entry) => entry.note.id),
    };
  });
  // Numbered in the order listed: most notes first.
  const themes: Theme[] = unnumbered
    .filter((theme) => theme.notes > 0)
    .sort((a, b) => b.notes - a.notes || (a.label < b.label ? -1 : 1))
    .map((theme, index) => ({ id: `theme-${index + 1}`, ...theme }));
  const shown = themes.filter((theme, index) => index < limits.themes || theme.emerging);

  // Unanswered medical questions: question notes of the period and the open inquiries of their HCPs.
  const questionNotes: QuestionNote[] = [];
  currentNotes.forEach(({ note, analysis }, index) => {
    if (analysis.asks && analysis.concept !== null && medicalSeeds.has(analysis.concept)) {
      questionNotes.push({ note: index, hcpId: note.hcpId, writtenAt: note.writtenAt, productId: analysis.productIds[0] ?? null, concern: analysis.concept });
    }
  });
  const activity = inputs.readQuestionActivity([...new Set(questionNotes.map((question) => question.hcpId))].sort());
  const unanswered = findUnansweredQuestions({
    questionNotes,
    activity,
    asOf: period.to,
    productName,
    concernLabel: (concern) => seedLabels.get(concern) ?? concern,
  }).filter((question) => (request.productId === null || question.productId === request.productId) && (topic === null || question.note !== null));
  const listed = new Set(unanswered.slice(0, limits.questions).map((question) => question.hcpId));
  const hcpOf = new Map<string, InsightNote['hcp']>();
  for (const { note } of currentNotes) if (listed.has(note.hcpId)) hcpOf.set(note.hcpId, note.hcp);
  const questionItems: QuestionItem[] = unanswered.slice(0, limits.questions).map((question) => {
    const hcp = hcpOf.get(question.hcpId)!;
    const note = question.note === null ? null : currentNotes[question.note]!.note;
    return {
      hcp: { id: question.hcpId, name: `${hcp.firstName} ${hcp.lastName}`, territory: hcp.territory, specialty: hcp.specialty },
      productId: question.productId,
      product: question.productId === null ? null : productName(question.productId),
      concern: question.concern,
      askedAt: question.askedAt,
      daysOpen: question.daysOpen,
      via: question.via,
      noteId: note?.id ?? null,
      interactionIds: question.interactionIds,
      sentence: question.sentence,
      question: note ? redact(note) : null,
    };
  });

  // Competitor mentions.
  const byCompetitor = inputs.lexicons.competitors.map(() => [] as (typeof kept)[number][]);
  for (const entry of kept) for (const index of entry.analysis.competitors) byCompetitor[index]!.push(entry);
  const competitorItems = inputs.lexicons.competitors
    .map((competitor, index) => {
      const mentioning = byCompetitor[index]!;
      const current = mentioning.filter((entry) => entry.current);
      const against = new Map<string, number>();
      for (const { analysis } of current) for (const id of analysis.productIds) against.set(id, (against.get(id) ?? 0) + 1);
      return {
        name: `${competitor.brandName} (${competitor.genericName})`,
        mentions: current.length,
        previousMentions: compare ? mentioning.length - current.length : null,
        hcps: new Set(current.map((entry) => entry.note.hcpId)).size,
        againstProducts: [...against]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([productId, count]) => ({ productId, brandName: brandNames.get(productId) ?? productId, mentions: count })),
        noteIds: current.slice(0, limits.competitorNoteIds).map((entry) => entry.note.id),
        quotes: representativeQuotes(current.map((entry) => entry.note).reverse(), 2).map((note) => quoteOf(note)),
      };
    })
    .filter((item) => item.mentions > 0 || (item.previousMentions ?? 0) > 0)
    .sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  const competitorNotes = kept.filter((entry) => entry.current && entry.analysis.competitors.length > 0).length;
  const previousCompetitorNotes = compare ? kept.filter((entry) => !entry.current && entry.analysis.competitors.length > 0).length : null;

  const previousCount = compare ? kept.length - currentNotes.length : null;
  const summary: Omit<InsightSummary, 'filters' | 'extractiveSummary'> & { topic: InsightSummary['filters']['topic'] } = {
    topic,
    period,
    previousPeriod,
    notes: {
      current: currentNotes.length,
      previous: previousCount,
      hcps: new Set(currentNotes.map((entry) => entry.note.hcpId)).size,
      rep: currentNotes.filter((entry) => entry.note.kind === 'rep').length,
      msl: currentNotes.filter((entry) => entry.note.kind === 'msl').length,
    },
    method: {
      themes: `${clustered.method.vectors}; spherical k-means (k-means++, seed ${clustered.method.seed}, k=${clustered.method.k} on ${clustered.method.fitNotes} notes) merged by centroid cosine >= ${(inputs.themeOptions?.mergeThreshold ?? defaultThemeOptions.mergeThreshold).toFixed(2)} into ${clustered.method.mergedTo - clustered.method.residualThemes}${clustered.method.residualThemes > 0 ? `, + ${clustered.method.residualThemes} from the notes that fit none` : ''}; labels by class-based TF-IDF`,
      k: clustered.method.k,
      mergedTo: clustered.method.mergedTo,
      fitNotes: clustered.method.fitNotes,
      features: clustered.method.features,
      seed: clustered.method.seed,
      adverseEvents: `lexicon of ${inputs.lexicons.adverseEventTerms.length} terms (FDA label adverse reactions + curated) with patient-experience cues; all flags listed`,
    },
    themes: shown,
    themesOmitted: themes.length - shown.length,
    otherNotes: clustered.otherNotes.filter((index) => kept[index]!.current).length,
    emergingThemes: themes.filter((theme) => theme.emerging).map((theme) => theme.id),
    unansweredQuestions: { total: unanswered.length, hcps: new Set(unanswered.map((question) => question.hcpId)).size, items: questionItems },
    competitorMentions: { notes: competitorNotes, previousNotes: previousCompetitorNotes, competitors: competitorItems },
    possibleAdverseEvents: { total: adverseEvents.length, items: adverseEvents },
  };
  return { ...summary, extractiveSummary: extractiveSummary(summary, themes) };
}

function trendOf(notes: number, previous: number | null): Pick<Theme, 'trend' | 'changePercent'> {
  if (previous === null) return { trend: null, changePercent: null };
  const changePercent = previous > 0 ? Math.round(((notes - previous) / previous) * 100) : null;
  if (previous === 0) return { trend: notes > 0 ? 'new' : 'flat', changePercent };
  if (notes >= previous * 1.25 && notes - previous >= 3) return { trend: 'up', changePercent };
  if (notes <= previous * 0.8 && previous - notes >= 3) return { trend: 'down', changePercent };
  return { trend: 'flat', changePercent };
}

/**
 * Up to `count` notes that stand for the theme: the given order is best first (nearest the centroid);
 * one per HCP and per wording (names and numbers aside) while there are enough.
 */
function representativeQuotes(notes: readonly InsightNote[], count: number): InsightNote[] {
  const chosen: InsightNote[] = [];
  const wordings = new Set<string>();
  const hcps = new Set<string>();
  // The wording without capitalised words (names, products) and numbers: template-like notes look alike.
  const wording = (note: InsightNote) => note.text.replace(/\b[A-Z][\w'\u2019-]*|[^a-z]+/g, ' ').trim();
  // The first pass looks for distinct HCPs and wordings among the best-fitting notes only.
  const candidates = notes.slice(0, QUOTE_CANDIDATES);
  for (const pass of [true, false]) {
    for (const note of pass ? candidates : notes) {
      if (chosen.length >= count) return chosen;
      if (chosen.includes(note)) continue;
      const key = wording(note);
      if (pass && (wordings.has(key) || hcps.has(note.hcpId))) continue;
      chosen.push(note);
      wordings.add(key);
      hcps.add(note.hcpId);
    }
  }
  return chosen;
}

/** The sentence around a character range ("Dr." does not end one). */
function sentenceOf(text: string, start: number, end: number): string {
  const boundary = /[.!?\n]/;
  const isAbbreviation = (at: number) => /(?:^|\s)(?:Dr|Mr|Mrs|Ms|St|vs)$/.test(text.slice(Math.max(0, at - 4), at));
  let from = start;
  while (from > 0 && !(boundary.test(text[from - 1]!) && !isAbbreviation(from - 1))) from--;
  let to = end;
  while (to < text.length && !(boundary.test(text[to]!) && !isAbbreviation(to))) to++;
  return text.slice(from, Math.min(text.length, to + 1)).trim();
}

/** The product named nearest to the adverse-event phrase (the one the patient was on), else the note's first. */
function nearestProduct(text: string, at: number, analysis: NoteAnalysis, products: SummaryInputs['products']): string | null {
  if (analysis.productIds.length <= 1) return analysis.productIds[0] ?? null;
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = text.toLowerCase();
  for (const id of analysis.productIds) {
    const product = products.find((candidate) => candidate.id === id)!;
    for (const name of [product.brandName, product.genericName]) {
      for (let index = lower.indexOf(name.toLowerCase()); index >= 0; index = lower.indexOf(name.toLowerCase(), index + 1)) {
        const distance = Math.abs(index - at);
        if (distance < bestDistance) [best, bestDistance] = [id, distance];
      }
    }
  }
  return best;
}

/** Sentences from the counts, key terms and quotes: the local model's write-up (no note text outside `quote`). */
function extractiveSummary(summary: Omit<InsightSummary, 'filters' | 'extractiveSummary'>, allThemes: readonly Theme[]): InsightSummary['extractiveSummary'] {
  const sentences: InsightSummary['extractiveSummary'] = [];
  const day = (iso: string) => iso.slice(0, 10);
  const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  const { notes, period, previousPeriod } = summary;
  const lastDay = day(new Date(Date.parse(period.to) - 1).toISOString());
  sentences.push({
    sentence:
      `${plural(notes.current, 'field note')} (${notes.rep} rep, ${notes.msl} MSL) from ${plural(notes.hcps, 'HCP')} between ${day(period.from)} and ${lastDay}` +
      (previousPeriod && notes.previous !== null ? `, against ${notes.previous.toLocaleString('en-US')} in the previous ${period.days} days.` : '.'),
    quote: null,
  });
  if (notes.current === 0) {
    sentences.push({ sentence: 'No notes match these filters in this period.', quote: null });
    return sentences;
  }
  const top = summary.themes.filter((theme) => !theme.emerging).slice(0, 3);
  for (const theme of top) {
    const trend =
      theme.previousNotes === null ? '' : theme.trend === 'up' ? `, up from ${theme.previousNotes}` : theme.trend === 'down' ? `, down from ${theme.previousNotes}` : theme.trend === 'new' ? ', new this period' : `, steady (${theme.previousNotes} before)`;
    const concern = theme.concernLabel ? ` (${theme.concernLabel})` : '';
    sentences.push({ sentence: `Theme "${theme.label}"${concern}: ${plural(theme.notes, 'note')} from ${plural(theme.hcps, 'HCP')}${trend}.`, quote: theme.quotes[0] ?? null });
  }
  for (const theme of allThemes.filter((candidate) => candidate.emerging)) {
    sentences.push({
      sentence: `Emerging: "${theme.label}"${theme.concernLabel ? ` (${theme.concernLabel})` : ''}, ${plural(theme.notes, 'note')} from ${plural(theme.hcps, 'HCP')} this period against ${theme.previousNotes ?? 0} before.`,
      quote: theme.quotes[0] ?? null,
    });
  }
  const events = summary.possibleAdverseEvents;
  sentences.push({
    sentence:
      events.total === 0
        ? 'No possible adverse events were flagged in these notes.'
        : `${plural(events.total, 'possible adverse event')} flagged for pharmacovigilance follow-up (every one listed): ${events.items
            .map((item) => `${item.noteId} (${item.hcp.id}, ${day(item.writtenAt)}${item.product ? `, ${item.product.split(' (')[0]}` : ''})`)
            .join('; ')}.`,
    quote: null,
  });
  const questions = summary.unansweredQuestions;
  if (questions.total > 0) {
    const oldest = questions.items[0];
    sentences.push({
      sentence: `${plural(questions.total, 'unanswered medical question')} from ${plural(questions.hcps, 'HCP')}${oldest ? `; the oldest has waited ${plural(oldest.daysOpen, 'day')} (${oldest.hcp.id})` : ''}.`,
      quote: null,
    });
  }
  const competitors = summary.competitorMentions.competitors.filter((item) => item.mentions > 0);
  if (competitors.length > 0) {
    sentences.push({
      sentence: `Competitors named in ${plural(summary.competitorMentions.notes, 'note')}: ${competitors
        .slice(0, 5)
        .map((item) => `${item.name} ${item.mentions}${item.previousMentions !== null ? ` (${item.previousMentions} before)` : ''}`)
        .join(', ')}.`,
      quote: null,
    });
  }
  return sentences;
}
