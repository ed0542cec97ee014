import { loadInsightLexicons } from './lexicons.ts';
import { PhraseMatcher, phraseStems, spanText, stemOf, tokenize, type Token } from './text.ts';

/**
 * Possible adverse events in a field note, for pharmacovigilance follow-up. A term from the
 * adverse-event lexicon (data/insights/adverse-event-terms.json) flags a note when a patient
 * experienced it, read from the words around it:
 * - an experience cue shortly before the term, in the same sentence: "developed a major bleed",
 *   "had a skin infection", "described severe flushing", "experienced palpitations";
 * - or patient context shortly after it: "... rash while on X", "... after starting", "in a patient taking";
 * - or the note reports a side effect / adverse event / adverse reaction and mentions a patient.
 * Without a lexicon term, "developed/experienced <words>" in a sentence about a patient flags too
 * (the words become the phrase), so an event the lexicon lacks is not missed.
 * A negation up to five words before the cue, in the same clause ("no patients have developed",
 * "has not had any patients develop") clears it. Topic
 * talk without a patient ("discussed immune-mediated adverse reactions", "asked about bleeding risk")
 * does not flag. Pharmacovigilance prefers a false alarm to a miss: the rules lean to flagging.
 */
export interface AdverseEventFlag {
  /** The adverse-event wording as it stands in the note ("colitis with bloody diarrhea"). */
  phrase: string;
  /** What made it a patient's event: "developed", "while on", "side effect + patient", ... */
  cue: string;
  rule: 'lexicon_cue' | 'lexicon_context' | 'reported_side_effect' | 'experience_pattern';
  /** Character range of the phrase in the note. */
  start: number;
  end: number;
}

const EXPERIENCE_CUES = new Set(
  ['developed', 'develop', 'develops', 'developing', 'experienced', 'experiencing', 'experiences', 'had', 'has', 'having', 'suffered', 'suffering', 'presented', 'described', 'reported', 'reports', 'noted', 'diagnosed', 'complained', 'got', 'hospitalized', 'hospitalised', 'admitted'].map(stemOf),
);
const NEGATIONS = new Set(['no', 'not', 'never', 'without', 'none', 'denies', 'denied', "didn't", "hasn't", "haven't", "hadn't", 'nor'].map(stemOf));
const PATIENT_WORDS = new Set(['patient', 'patients', 'pt', 'pts', "patient's"].map(stemOf));
/** Phrases that report an event rather than name one. */
const REPORT_PHRASES = ['side effect', 'side effects', 'adverse event', 'adverse events', 'adverse reaction', 'adverse reactions', 'AE', 'AEs', 'possible AE'];
/** Patient context after a term: "<term> while on X", "<term> after starting", "<term> in a patient taking X". */
const CONTEXT_AFTER = ['while on', 'while taking', 'while receiving', 'after starting', 'since starting', 'after the first dose', 'in a patient', 'in patients', 'in one patient', 'in his patient', 'in her patient', 'in their patient'];
/** Where a generic "developed <words>" phrase ends. */
const PHRASE_STOPS = new Set(['about', 'after', 'while', 'on', 'in', 'with', 'which', 'that', 'who', 'since', 'during', 'when', 'following', 'within', 'and', 'but', 'so'].map(stemOf));
const SEVERITY = new Set(['severe', 'serious', 'persistent', 'marked', 'major', 'mild', 'moderate', 'new', 'acute', 'recurrent', 'significant', 'grade']);
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'vs', 'approx', 'no', 'e', 'g', 'i']);
const CUE_GAP = 3;
const CONTEXT_WINDOW = 6;
const MERGE_GAP = 2;
const NEGATION_WINDOW = 5;

type Marker = { kind: 'term' } | { kind: 'report' } | { kind: 'context' };

export class AdverseEventDetector {
  private readonly matcher = new PhraseMatcher<Marker>();
  private readonly contextMatcher = new PhraseMatcher<Marker>();

  constructor(terms: readonly string[]) {
    const reports = new Set(REPORT_PHRASES.map((phrase) => phraseStems(phrase).join(' ')));
    for (const term of terms) if (!reports.has(phraseStems(term).join(' '))) this.matcher.add(term, { kind: 'term' });
    for (const phrase of REPORT_PHRASES) this.matcher.add(phrase, { kind: 'report' });
    for (const phrase of CONTEXT_AFTER) this.contextMatcher.add(phrase, { kind: 'context' });
  }

  /** Every adverse-event term in a text, adjacent ones as one phrase, cue or none: for a text already known to tell of an event. */
  terms(text: string, tokens: readonly Token[]): string[] {
    const matches = this.matcher.match(tokens).filter((match) => match.payloads.some((payload) => payload.kind === 'term'));
    return mergeAdjacent(matches, sentenceIndexes(text, tokens)).map((term) => spanText(text, tokens, term.from, term.to));
  }

  /** The possible adverse events of one note (usually none or one). */
  detect(text: string, tokens: readonly Token[]): AdverseEventFlag[] {
    if (tokens.length === 0) return [];
    const matches = this.matcher.match(tokens);
    // Most notes hold no adverse-event word and no "developed"/"experienced": nothing more to read.
    if (matches.length === 0 && !tokens.some((token) => token.stem === 'develop' || token.stem === 'experienc')) return [];
    const sentenceOf = sentenceIndexes(text, tokens);
    const terms = mergeAdjacent(matches.filter((match) => match.payloads.some((payload) => payload.kind === 'term')), sentenceOf).map((term) => {
      // Severity words before a term belong to the phrase: "severe flushing", "persistent lymphopenia".
      let from = term.from;
      while (from > 0 && SEVERITY.has(tokens[from - 1]!.word) && sentenceOf[from - 1] === sentenceOf[term.from]) from--;
      return { from, to: term.to, termFrom: term.from };
    });
    const reports = matches.filter((match) => match.payloads.some((payload) => payload.kind === 'report'));
    const contexts = this.contextMatcher.match(tokens);
    const mentionsPatient = tokens.some((token) => PATIENT_WORDS.has(token.stem));
    const flags: AdverseEventFlag[] = [];
    const flagged = new Set<number>();
    const flag = (from: number, to: number, cue: string, rule: AdverseEventFlag['rule']) => {
      if (flagged.has(from)) return;
      flagged.add(from);
      flags.push({ phrase: spanText(text, tokens, from, to), cue, rule, start: tokens[from]!.start, end: tokens[to - 1]!.end });
    };

    for (const term of terms) {
      const sentence = sentenceOf[term.from]!;
      // An experience cue at most CUE_GAP words before the term, in its sentence, not negated.
      for (let at = term.termFrom - 1; at >= Math.max(0, term.termFrom - 1 - CUE_GAP) && sentenceOf[at] === sentence; at--) {
        if (EXPERIENCE_CUES.has(tokens[at]!.stem) && !negatedBefore(tokens, sentenceOf, at)) {
          flag(term.from, term.to, tokens[at]!.word, 'lexicon_cue');
          break;
        }
      }
      if (flagged.has(term.from)) continue;
      // Patient context right after the term.
      const context = contexts.find((match) => match.from >= term.to && match.from <= term.to + CONTEXT_WINDOW && sentenceOf[match.from] === sentence);
      if (context && !negatedBefore(tokens, sentenceOf, term.from)) flag(term.from, term.to, spanText(text, tokens, context.from, context.to).toLowerCase(), 'lexicon_context');
    }

    // A reported side effect / adverse event in a note about a patient.
    const report = reports.find((match) => !negatedBefore(tokens, sentenceOf, match.from));
    if (flags.length === 0 && report && mentionsPatient) {
      const term = terms[0];
      const cue = `${spanText(text, tokens, report.from, report.to).toLowerCase()} + patient`;
      if (term) flag(term.from, term.to, cue, 'reported_side_effect');
      else flag(report.from, report.to, cue, 'reported_side_effect');
    }

    // "developed <words>" about a patient, for events the lexicon does not know.
    if (flags.length === 0 && mentionsPatient) {
      for (let at = 0; at < tokens.length - 1; at++) {
        const stem = tokens[at]!.stem;
        if (stem !== 'develop' && stem !== 'experienc') continue;
        if (negatedBefore(tokens, sentenceOf, at)) continue;
        let end = at + 1;
        while (end < tokens.length && end - at <= 4 && sentenceOf[end] === sentenceOf[at] && !PHRASE_STOPS.has(tokens[end]!.stem)) end++;
        if (end > at + 1) {
          flag(at + 1, end, tokens[at]!.word, 'experience_pattern');
          break;
        }
      }
    }
    return flags.sort((a, b) => a.start - b.start);
  }
}

/** A negation word in the NEGATION_WINDOW words before `at`, in its sentence and clause ("but" ends the look-back). */
function negatedBefore(tokens: readonly Token[], sentenceOf: readonly number[], at: number): boolean {
  for (let index = at - 1; index >= Math.max(0, at - NEGATION_WINDOW) && sentenceOf[index] === sentenceOf[at]; index--) {
    if (tokens[index]!.word === 'but') return false;
    if (NEGATIONS.has(tokens[index]!.stem)) return true;
  }
  return false;
}

/** Adjacent term matches (at most MERGE_GAP words apart, same sentence) as one phrase: "abdominal pain and vomiting". */
function mergeAdjacent<T extends { from: number; to: number }>(matches: readonly T[], sentenceOf: readonly number[]): { from: number; to: number }[] {
  const merged: { from: number; to: number }[] = [];
  for (const match of matches) {
    const last = merged[merged.length - 1];
    if (last && match.from - last.to <= MERGE_GAP && sentenceOf[match.from] === sentenceOf[last.from]) last.to = match.to;
    else merged.push({ from: match.from, to: match.to });
  }
  return merged;
}

/** The sentence number of each token: a . ! ? ; or line break between two words ends a sentence (not after "Dr."). */
export function sentenceIndexes(text: string, tokens: readonly Token[]): number[] {
  const indexes = new Array<number>(tokens.length);
  let sentence = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (index > 0) {
      const previous = tokens[index - 1]!;
      let stop = false;
      let period = false;
      let other = false;
      for (let at = previous.end; at < tokens[index]!.start; at++) {
        const char = text.charCodeAt(at);
        if (char === 33 || char === 63 || char === 59 || char === 10) stop = true; // ! ? ; newline
        else if (char === 46) period = true;
        else if (char !== 32 && char !== 9) other = true;
      }
      // "Dr. Reyes": a full stop right after an abbreviation does not end the sentence.
      if (stop || (period && (other || !ABBREVIATIONS.has(previous.word)))) sentence++;
    }
    indexes[index] = sentence;
  }
  return indexes;
}

let defaultDetector: AdverseEventDetector | null = null;

/**
 * The possible adverse events in one text with the shipped lexicon (data/insights/adverse-event-terms.json):
 * a brief's field notes, the event in an account of one. The detector is built once.
 */
export function possibleAdverseEvents(text: string): AdverseEventFlag[] {
  return detector().detect(text, tokenize(text));
}

/** The adverse-event terms of a text that tells of an event ("a patient on GILENYA fainted"), whatever the cues. */
export function adverseEventTerms(text: string): string[] {
  return detector().terms(text, tokenize(text));
}

function detector(): AdverseEventDetector {
  defaultDetector ??= new AdverseEventDetector(loadInsightLexicons().adverseEventTerms);
  return defaultDetector;
}

/** What a brief says of a note that describes a possible adverse event. */
export interface NoteAdverseEventFlag {
  noteId: string;
  /** The event as the note words it ("injection-site reaction"). */
  phrase: string;
  /** What made it a patient's event ("developed", "while on"). */
  cue: string;
}

/** The notes that describe a possible adverse event (the first one each), in the notes' order. */
export function flagNotes(notes: readonly { id: string; text: string }[]): NoteAdverseEventFlag[] {
  return notes.flatMap((note) => {
    const [first] = possibleAdverseEvents(note.text);
    return first ? [{ noteId: note.id, phrase: first.phrase, cue: first.cue }] : [];
  });
}
