import type { Product } from '../domain/product.ts';
import { AdverseEventDetector, type AdverseEventFlag } from './adverse-events.ts';
import type { InsightLexicons } from './lexicons.ts';
import { PhraseMatcher, STOP_WORDS, stemOf, tokenize, type Token } from './text.ts';

/** A field note as the insight engine reads it: the note and the few HCP fields it filters and redacts by. */
export interface InsightNote {
  id: string;
  hcpId: string;
  authorId: string;
  writtenAt: string;
  kind: 'rep' | 'msl';
  text: string;
  hcp: { firstName: string; lastName: string; territory: string; specialty: string };
}

/** What the engine reads from one note's text. Nothing here comes from anywhere but the text (and the catalogues). */
export interface NoteAnalysis {
  /** Our products named in the note (brand or generic), first mention first. */
  productIds: string[];
  /** Competitors named (indexes into the competitor list), first mention first. */
  competitors: number[];
  adverseEvents: AdverseEventFlag[];
  /** The seed concern the note's words point to most (theme-seeds.json), or null. */
  concept: string | null;
  /** The note asks something (a question mark, "asked", "question", "MIR", ...). */
  asks: boolean;
  /** Theme features: ids of its content words (names and products left out; competitors as one marker). */
  features: number[];
  /** The note holds every one of the words asked for (analyse's `words`, as stems); true when none were asked for. */
  hasWords: boolean;
}

type EntityKind = { kind: 'product'; id: string } | { kind: 'competitor'; index: number };
interface SeedHit {
  seed: number;
  weight: number;
}

const QUESTION_STEMS = new Set(['ask', 'asks', 'asked', 'asking', 'question', 'questions', 'wondered', 'wonders', 'inquired', 'inquiry', 'enquiry', 'mir', 'mirs'].map(stemOf));
const COMPETITOR_FEATURE = '<competitor>';

function isContentWord(token: Token): boolean {
  if (token.word.length < 2 || STOP_WORDS.has(token.word)) return false;
  const first = token.word.charCodeAt(0);
  return !(first >= 48 && first <= 57 && /^\d+$/.test(token.word));
}

/**
 * Reads notes for the insight engine: products, competitors, seed concerns, possible adverse events
 * and the theme features, over one shared vocabulary (one analyser per summary, so feature ids are
 * comparable across the notes it has read).
 */
export class NoteAnalyser {
  private readonly entities = new PhraseMatcher<EntityKind>();
  private readonly seedMatcher = new PhraseMatcher<SeedHit>();
  private readonly detector: AdverseEventDetector;
  private readonly seedIds: string[];
  private readonly seedRequiresQuestion: boolean[];
  private readonly competitorSeed: number;
  private readonly adverseEventSeed: number;
  readonly vocabulary = new Map<string, number>();
  /** Per feature id: its words as most often written ("" for features that are not words, e.g. the competitor marker). */
  private readonly surfaces: Map<string, number>[] = [];
  private readonly featureNames: string[] = [];

  constructor(
    products: readonly Pick<Product, 'id' | 'brandName' | 'genericName'>[],
    private readonly lexicons: InsightLexicons,
  ) {
    for (const product of products) {
      this.entities.add(product.brandName, { kind: 'product', id: product.id });
      this.entities.add(product.genericName, { kind: 'product', id: product.id });
    }
    lexicons.competitors.forEach((competitor, index) => {
      this.entities.add(competitor.brandName, { kind: 'competitor', index });
      this.entities.add(competitor.genericName, { kind: 'competitor', index });
    });
    const seeds = lexicons.seeds.seeds;
    this.seedIds = seeds.map((seed) => seed.id);
    this.seedRequiresQuestion = seeds.map((seed) => seed.requiresQuestion);
    seeds.forEach((seed, index) => {
      for (const term of seed.terms) this.seedMatcher.add(term.phrase, { seed: index, weight: term.weight });
    });
    this.competitorSeed = this.seedIds.indexOf('competitor_comparison');
    this.adverseEventSeed = this.seedIds.indexOf('possible_adverse_event');
    this.detector = new AdverseEventDetector(lexicons.adverseEventTerms);
  }

  get seeds(): readonly string[] {
    return this.seedIds;
  }

  /**
   * Reads one note. `words` (stems): whether the note holds all of them (a topic given as words).
   * Tokens are not kept (a summary reads 100,000 notes); labelFeatures reads a note again for labels.
   */
  analyse(note: InsightNote, words: readonly string[] = []): NoteAnalysis {
    const { tokens, masked, competitorAt, productIds, competitors } = this.read(note);
    const adverseEvents = this.detector.detect(note.text, tokens);
    const asks = note.text.includes('?') || tokens.some((token, at) => QUESTION_STEMS.has(token.stem) && !(at > 0 && (tokens[at - 1]!.word === 'no' || tokens[at - 1]!.word === 'without')));

    // The seed concern: the highest score at or above minScore; ties go to the seed listed first.
    const scores = new Float64Array(this.seedIds.length);
    for (const match of this.seedMatcher.match(tokens)) {
      // Phrases that stem alike ("dose", "doses") share a match: each seed counts it once, at its highest weight.
      const weights = new Map<number, number>();
      for (const hit of match.payloads) if (asks || !this.seedRequiresQuestion[hit.seed]) weights.set(hit.seed, Math.max(weights.get(hit.seed) ?? 0, hit.weight));
      for (const [seed, weight] of weights) scores[seed]! += weight;
    }
    if (this.competitorSeed >= 0 && competitors.length > 0) scores[this.competitorSeed]! += this.lexicons.seeds.competitorNameWeight;
    if (this.adverseEventSeed >= 0 && adverseEvents.length > 0) scores[this.adverseEventSeed]! += this.lexicons.seeds.adverseEventWeight;
    let best = -1;
    for (let seed = 0; seed < scores.length; seed++) if (scores[seed]! >= this.lexicons.seeds.minScore && (best < 0 || scores[seed]! > scores[best]!)) best = seed;

    // Features: content words; names and products left out, competitors as one marker.
    const features: number[] = [];
    for (let at = 0; at < tokens.length; at++) {
      if (masked[at]) {
        if (competitorAt.has(at)) features.push(this.feature(COMPETITOR_FEATURE, null));
        continue;
      }
      const token = tokens[at]!;
      if (isContentWord(token)) features.push(this.feature(token.stem, null));
    }
    const hasWords = words.length === 0 || words.every((word) => tokens.some((token) => token.stem === word));
    return { productIds, competitors, adverseEvents, concept: best >= 0 ? this.seedIds[best]! : null, asks, features, hasWords };
  }

  /** A note's words and word pairs for theme labels ("prior auth"), recording how each is written. */
  labelFeatures(note: InsightNote): number[] {
    const { tokens, masked } = this.read(note);
    const features: number[] = [];
    let previous: Token | null = null;
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at]!;
      if (masked[at]) {
        previous = null;
        continue;
      }
      if (!isContentWord(token)) continue;
      features.push(this.feature(token.stem, token.word));
      if (previous !== null) features.push(this.feature(`${previous.stem} ${token.stem}`, `${previous.word} ${token.word}`));
      previous = token;
    }
    return features;
  }

  /** Tokens, with products, competitors and the HCP's own names found and masked. */
  private read(note: InsightNote) {
    const tokens = tokenize(note.text);
    const masked = new Uint8Array(tokens.length);
    const productIds: string[] = [];
    const competitors: number[] = [];
    const competitorAt = new Set<number>();
    for (const match of this.entities.match(tokens)) {
      for (let at = match.from; at < match.to; at++) masked[at] = 1;
      const entity = match.payloads[0]!;
      if (entity.kind === 'product') {
        if (!productIds.includes(entity.id)) productIds.push(entity.id);
      } else {
        competitorAt.add(match.from);
        for (const payload of match.payloads) if (payload.kind === 'competitor' && !competitors.includes(payload.index)) competitors.push(payload.index);
      }
    }
    const first = note.hcp.firstName.toLowerCase();
    const last = note.hcp.lastName.toLowerCase();
    for (let at = 0; at < tokens.length; at++) if (tokens[at]!.word === first || tokens[at]!.word === last) masked[at] = 1;
    return { tokens, masked, competitorAt, productIds, competitors };
  }

  private feature(key: string, surface: string | null): number {
    let id = this.vocabulary.get(key);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(key, id);
      this.surfaces.push(new Map());
      this.featureNames.push(key);
    }
    if (surface !== null) {
      const counts = this.surfaces[id]!;
      counts.set(surface, (counts.get(surface) ?? 0) + 1);
    }
    return id;
  }

  /** How a feature reads: its most frequent written form, or null for a marker that is not a word. */
  displayOf(feature: number): string | null {
    const counts = this.surfaces[feature];
    if (!counts || counts.size === 0) return null;
    let best: string | null = null;
    let bestCount = -1;
    for (const [surface, count] of counts) if (count > bestCount || (count === bestCount && surface < best!)) [best, bestCount] = [surface, count];
    return best;
  }

  /** A feature's key: a stem, two stems joined by a space (a bigram), or a marker. */
  keyOf(feature: number): string {
    return this.featureNames[feature]!;
  }
}
