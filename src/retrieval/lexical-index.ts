import type { ContentModule } from '../domain/content-module.ts';
import { TermVocabulary, fts5Terms } from './fts5-tokenizer.ts';
import { topK } from './top-k.ts';

/** The text columns the content_fts table matches user terms in, in its column order. */
export type LexicalText = Pick<ContentModule, 'id' | 'version' | 'title' | 'body' | 'mlrCode' | 'brandName' | 'genericName'>;

const COLUMNS = 5;
const columnsOf = (document: LexicalText) => [document.title, document.body, document.mlrCode, document.brandName, document.genericName];
const sameText = (a: LexicalText, b: LexicalText) =>
  a.title === b.title && a.body === b.body && a.mlrCode === b.mlrCode && a.brandName === b.brandName && a.genericName === b.genericName;

export interface LexicalHit {
  /** The document's position in the list the index was built from. */
  document: number;
  /** FTS5's bm25() with the signs turned: higher is better. */
  score: number;
}

/** FTS5's bm25 parameters (fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;
/** Every content_fts row also holds two scope tokens (market and purpose; contentScopeText), which count in its length. */
const SCOPE_TOKENS = 2;
/** Marks the end of a column in the term sequence, so a phrase never runs from one column into the next. */
const COLUMN_END = -1;
/** Phrase postings kept between searches (a phrase is any term that is several words to FTS5, like "SYN-BENCH-12"). */
const CACHED_PHRASES = 512;

interface Postings {
  documents: Uint32Array;
  frequencies: Uint16Array;
}

/**
 * An in-memory bm25 index over the text of every stored module version, ranked the way the
 * content_fts table ranks (`bm25(content_fts, 0, 1, 1, 1, 1, 1, 0)` over `{title body mlr_code
 * brand_name generic_name} : ("term" OR "term" ...)`): the same terms (fts5-tokenizer.ts), the same
 * statistics over every row, and each quoted query term a phrase. What FTS5 cannot do is score only
 * the rows a search may return: a search here passes its eligible set as a mask, and rows outside it
 * cost one byte read instead of a bm25 evaluation (common words match most of a large library).
 * Memory: about 1.8 KB per module version of generated label text (90 MB at 50,000), most of it the
 * term sequences (kept so a rebuild can skip unchanged text) and the positions (for phrases).
 */
export class LexicalIndex {
  readonly size: number;
  private readonly documents: readonly LexicalText[];
  /** Shared with the indexes built from this one, so term ids stay put; ids from `terms` on are newer than this index. */
  private readonly vocabulary: TermVocabulary;
  private readonly terms: number;
  /** Postings of term t: documents and frequencies at [postingStart[t], postingStart[t + 1]). */
  private readonly postingStart: Uint32Array;
  private readonly postingDocuments: Uint32Array;
  private readonly postingFrequencies: Uint16Array;
  /**
   * Where in its document each occurrence stands (its place in the document's term sequence, so
   * the column ends keep a phrase within one column), at [positionStart[p], positionStart[p + 1])
   * for posting p: phrase matching reads these rather than whole documents.
   */
  private readonly positionStart: Uint32Array;
  private readonly positions: Uint16Array | Uint32Array;
  /** Every document's terms in order, columns ended by COLUMN_END: a rebuild reuses it for unchanged text. */
  private readonly sequence: Int32Array;
  private readonly sequenceStart: Uint32Array;
  /** k1 * (1 - b + b * length / average length) per document: the part of bm25 fixed per row. */
  private readonly lengthNorm: Float64Array;
  private readonly phrases = new Map<string, Postings>();
  // Scratch space for one search at a time (searches are synchronous).
  private readonly scores: Float64Array;
  private readonly touched: Uint32Array;

  /**
   * `previous`, an index over an earlier state of the same library, lends its vocabulary and the
   * terms of every version whose text has not changed, so a rebuild after a write tokenizes only
   * what was written.
   */
  constructor(documents: readonly LexicalText[], previous?: LexicalIndex) {
    this.size = documents.length;
    this.documents = documents;
    this.vocabulary = previous?.vocabulary ?? new TermVocabulary();
    ({ sequence: this.sequence, sequenceStart: this.sequenceStart } = LexicalIndex.termSequences(documents, this.vocabulary, previous));
    this.terms = this.vocabulary.size;
    ({
      postingStart: this.postingStart,
      postingDocuments: this.postingDocuments,
      postingFrequencies: this.postingFrequencies,
      positionStart: this.positionStart,
      positions: this.positions,
    } = buildPostings(this.sequence, this.sequenceStart, this.terms));
    // A row's length is its terms and its scope tokens, without the column ends.
    const lengthOf = (document: number) => this.sequenceStart[document + 1]! - this.sequenceStart[document]! - COLUMNS + SCOPE_TOKENS;
    let totalLength = 0;
    for (let document = 0; document < this.size; document++) totalLength += lengthOf(document);
    const averageLength = this.size === 0 ? 1 : totalLength / this.size;
    this.lengthNorm = new Float64Array(this.size);
    for (let document = 0; document < this.size; document++) this.lengthNorm[document] = K1 * (1 - B + (B * lengthOf(document)) / averageLength);
    this.scores = new Float64Array(this.size);
    this.touched = new Uint32Array(this.size);
  }

  /** Every document's terms, in one array: taken over from `previous` where the text is the same, else tokenized. */
  private static termSequences(documents: readonly LexicalText[], vocabulary: TermVocabulary, previous: LexicalIndex | undefined) {
    let sequence = new Int32Array(previous ? previous.sequence.length + 1024 : 1024);
    let used = 0;
    const reserve = (extra: number) => {
      if (used + extra <= sequence.length) return;
      const grown = new Int32Array(Math.max(sequence.length * 2, used + extra));
      grown.set(sequence.subarray(0, used));
      sequence = grown;
    };
    const push = (value: number) => {
      reserve(1);
      sequence[used++] = value;
    };
    const reusable = previous?.documentsByKey();
    const sequenceStart = new Uint32Array(documents.length + 1);
    documents.forEach((document, index) => {
      const before = reusable?.get(`${document.id}@${document.version}`);
      if (before !== undefined && sameText(previous!.documents[before]!, document)) {
        const reused = previous!.sequence.subarray(previous!.sequenceStart[before], previous!.sequenceStart[before + 1]);
        reserve(reused.length);
        sequence.set(reused, used);
        used += reused.length;
      } else {
        for (const column of columnsOf(document)) {
          vocabulary.forEachId(column, push);
          push(COLUMN_END);
        }
      }
      sequenceStart[index + 1] = used;
    });
    return { sequence: sequence.slice(0, used), sequenceStart };
  }

  /**
   * The best `limit` documents with `eligible[document] === 1` for any of `terms`, best first (ties:
   * the lower document index). Terms are plain text, as the user typed them; a term that is several
   * words to FTS5 ("life-threatening") matches as a phrase.
   */
  search(terms: readonly string[], eligible: Uint8Array, limit: number): LexicalHit[] {
    const { scores, touched, lengthNorm } = this;
    let count = 0;
    // Each distinct term once, as the store's lexicalSearch quotes them.
    for (const term of new Set(terms.map((text) => text.replace(/"/g, '').trim()))) {
      if (term === '') continue;
      const postings = this.postingsOf(term);
      if (postings === null) continue;
      const { documents, frequencies } = postings;
      const matching = documents.length;
      // IDF as FTS5 computes it, floored at 1e-6 for terms in more than half the rows.
      let idf = Math.log((this.size - matching + 0.5) / (matching + 0.5));
      if (idf <= 0) idf = 1e-6;
      for (let position = 0; position < matching; position++) {
        const document = documents[position]!;
        if (eligible[document] !== 1) continue;
        const frequency = frequencies[position]!;
        if (scores[document] === 0) touched[count++] = document;
        scores[document]! += idf * ((frequency * (K1 + 1)) / (frequency + lengthNorm[document]!));
      }
    }
    const best = topK(scores, touched, count, limit).map((document) => ({ document, score: scores[document]! }));
    for (let position = 0; position < count; position++) scores[touched[position]!] = 0;
    return best;
  }

  /** Document number by id@version, for a later index to find the versions it can reuse. */
  private documentsByKey(): Map<string, number> {
    return new Map(this.documents.map((document, index) => [`${document.id}@${document.version}`, index]));
  }

  /** The documents holding `term` (as a phrase when it is several words) with their counts; null when none does. */
  private postingsOf(term: string): Postings | null {
    const words = fts5Terms(term);
    if (words.length === 0) return null;
    const ids: number[] = [];
    for (const word of words) {
      const id = this.vocabulary.idOf(word);
      if (id === undefined || id >= this.terms) return null;
      ids.push(id);
    }
    if (ids.length === 1) {
      const [id] = ids as [number];
      const start = this.postingStart[id]!;
      const end = this.postingStart[id + 1]!;
      return { documents: this.postingDocuments.subarray(start, end), frequencies: this.postingFrequencies.subarray(start, end) };
    }
    const key = ids.join(' ');
    let postings = this.phrases.get(key);
    if (postings === undefined) {
      postings = this.phrasePostings(ids);
      if (this.phrases.size >= CACHED_PHRASES) this.phrases.delete(this.phrases.keys().next().value!);
      this.phrases.set(key, postings);
    }
    return postings.documents.length === 0 ? null : postings;
  }

  /**
   * Phrase matches: the documents holding every word of the phrase (a merge of the words' postings,
   * led by the rarest), and in each the places the words stand in a row (from their positions).
   */
  private phrasePostings(ids: readonly number[]): Postings {
    const count = (id: number) => this.postingStart[id + 1]! - this.postingStart[id]!;
    let anchor = 0;
    ids.forEach((id, offset) => {
      if (count(id) < count(ids[anchor]!)) anchor = offset;
    });
    const cursor = ids.map((id) => this.postingStart[id]!);
    const end = ids.map((id) => this.postingStart[id + 1]!);
    const documents: number[] = [];
    const frequencies: number[] = [];
    const { postingDocuments, positionStart, positions } = this;
    scan: for (let posting = cursor[anchor]!; posting < end[anchor]!; posting++) {
      const document = postingDocuments[posting]!;
      let everyWord = true;
      for (let offset = 0; offset < ids.length; offset++) {
        if (offset === anchor) continue;
        while (cursor[offset]! < end[offset]! && postingDocuments[cursor[offset]!]! < document) cursor[offset]!++;
        // A word whose postings ran out: no later document holds the phrase.
        if (cursor[offset] === end[offset]) break scan;
        if (postingDocuments[cursor[offset]!] !== document) everyWord = false;
      }
      if (!everyWord) continue;
      let found = 0;
      for (let at = positionStart[posting]!; at < positionStart[posting + 1]!; at++) {
        const start = positions[at]! - anchor;
        let inRow = start >= 0;
        for (let offset = 0; offset < ids.length && inRow; offset++) {
          if (offset !== anchor) inRow = this.standsAt(cursor[offset]!, start + offset);
        }
        if (inRow) found++;
      }
      if (found > 0) {
        documents.push(document);
        frequencies.push(Math.min(found, 0xffff));
      }
    }
    return { documents: Uint32Array.from(documents), frequencies: Uint16Array.from(frequencies) };
  }

  /** Whether posting `posting` has an occurrence at `position` (its positions are ascending): a binary search. */
  private standsAt(posting: number, position: number): boolean {
    let low = this.positionStart[posting]!;
    let high = this.positionStart[posting + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positions[middle]! < position) low = middle + 1;
      else high = middle;
    }
    return low < this.positionStart[posting + 1]! && this.positions[low] === position;
  }
}

/**
 * Postings and positions from the documents' term sequences, by a counting sort of the occurrences
 * by term: count each term's occurrences, drop every occurrence (document, position) into its
 * term's slots (documents come in order, so each term's occurrences stay in document order), then
 * read the slots in order to cut them into postings. One scattered write per occurrence; the rest
 * is sequential. (A function of its own: V8 optimises loops over local typed arrays far better than
 * inside a constructor still setting up its fields.)
 */
function buildPostings(sequence: Int32Array, sequenceStart: Uint32Array, terms: number) {
  const documents = sequenceStart.length - 1;
  const slotStart = new Uint32Array(terms + 1);
  let longest = 0;
  for (let document = 0; document < documents; document++) longest = Math.max(longest, sequenceStart[document + 1]! - sequenceStart[document]!);
  for (let at = 0; at < sequence.length; at++) if (sequence[at] !== COLUMN_END) slotStart[sequence[at]! + 1]!++;
  for (let term = 0; term < terms; term++) slotStart[term + 1]! += slotStart[term]!;
  const occurrences = slotStart[terms]!;
  const slotDocuments = new Uint32Array(occurrences);
  // A module body is at most 50,000 characters, so no document runs to 65,536 terms; rows written
  // around the schema get wider positions.
  const positions = longest <= 0xffff ? new Uint16Array(occurrences) : new Uint32Array(occurrences);
  const cursor = slotStart.slice(0, terms);
  for (let document = 0; document < documents; document++) {
    const start = sequenceStart[document]!;
    for (let at = start; at < sequenceStart[document + 1]!; at++) {
      const term = sequence[at]!;
      if (term === COLUMN_END) continue;
      const slot = cursor[term]!++;
      slotDocuments[slot] = document;
      positions[slot] = at - start;
    }
  }
  // A posting starts at each slot whose document differs from the slot before (within a term).
  const postingStart = new Uint32Array(terms + 1);
  let postings = 0;
  for (let term = 0; term < terms; term++) {
    for (let slot = slotStart[term]!; slot < slotStart[term + 1]!; slot++) if (slot === slotStart[term] || slotDocuments[slot] !== slotDocuments[slot - 1]) postings++;
    postingStart[term + 1] = postings;
  }
  const postingDocuments = new Uint32Array(postings);
  const postingFrequencies = new Uint16Array(postings);
  const positionStart = new Uint32Array(postings + 1);
  let posting = -1;
  for (let term = 0; term < terms; term++) {
    for (let slot = slotStart[term]!; slot < slotStart[term + 1]!; slot++) {
      if (slot === slotStart[term] || slotDocuments[slot] !== slotDocuments[slot - 1]) {
        posting++;
        postingDocuments[posting] = slotDocuments[slot]!;
        positionStart[posting] = slot;
      }
      // No term occurs 65,535 times in one module either.
      if (postingFrequencies[posting]! < 0xffff) postingFrequencies[posting]!++;
    }
  }
  positionStart[postings] = occurrences;
  return { postingStart, postingDocuments, postingFrequencies, positionStart, positions };
}
