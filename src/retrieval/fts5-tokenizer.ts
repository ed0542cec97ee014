import { porterStem } from './porter-stemmer.ts';

/**
 * The terms SQLite's FTS5 `porter unicode61` tokenizer (the content_fts table's) makes of a text, so
 * that the in-memory lexical index matches and counts exactly what FTS5 would:
 * - unicode61: tokens are runs of letters, digits and private-use characters (categories L*, N*, Co);
 *   a combining diacritic continues a token; case is folded and diacritics are removed (the default
 *   remove_diacritics=1: a Latin letter with one diacritic becomes its base letter);
 * - porter: each token is stemmed (porter-stemmer.ts).
 * fts5-tokenizer.test.ts compares it with FTS5 itself over the label corpus and the Latin, Greek and
 * Cyrillic letters. It differs only where SQLite's Unicode 6.1 tables do: letters and case pairs
 * added to Unicode since, and unassigned code points.
 */

/** The combining marks FTS5 treats as diacritics (sqlite3Fts5UnicodeIsdiacritic: bit masks over U+0300 to U+0331). */
const DIACRITICS = (() => {
  const masks: [base: number, mask: number, count: number][] = [
    [0x300, 0x08029fdf, 32],
    [0x320, 0x000361f8, 18],
  ];
  let characters = '';
  for (const [base, mask, count] of masks) for (let bit = 0; bit < count; bit++) if (mask & (1 << bit)) characters += String.fromCharCode(base + bit);
  return characters;
})();
const DIACRITIC_SET = new Set(DIACRITICS);
const TOKEN_CHARACTER = /^[\p{L}\p{N}\p{Co}]$/u;
const COMBINING = /[\u0300-\u036f]/g;

const SEPARATOR = 1;
const TOKEN = 2;
const DIACRITIC = 3;
/** The class of each UTF-16 code unit, filled in as characters are met (0: not yet). */
const classes = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) classes[code] = /[0-9A-Za-z]/.test(String.fromCharCode(code)) ? TOKEN : SEPARATOR;

function classOf(character: string): number {
  return DIACRITIC_SET.has(character) ? DIACRITIC : TOKEN_CHARACTER.test(character) ? TOKEN : SEPARATOR;
}

/**
 * Calls `visit(start, end, ascii)` for each token of `text` (the code units [start, end)). A scan by
 * character code: the regular-expression version cost more than the rest of an index build.
 */
function scanTokens(text: string, visit: (start: number, end: number, ascii: boolean) => void): void {
  const length = text.length;
  let start = -1;
  let ascii = true;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    let kind: number;
    let width = 1;
    if (code < 0x80) {
      kind = classes[code]!;
    } else if (code >= 0xd800 && code < 0xdc00 && at + 1 < length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      // A character outside the BMP: rare enough to classify every time.
      kind = classOf(text.slice(at, at + 2));
      width = 2;
    } else {
      kind = classes[code]!;
      if (kind === 0) classes[code] = kind = classOf(String.fromCharCode(code));
    }
    if (kind === TOKEN || (kind === DIACRITIC && start >= 0)) {
      if (start < 0) {
        start = at;
        ascii = true;
      }
      if (code >= 0x80) ascii = false;
    } else if (start >= 0) {
      visit(start, at, ascii);
      start = -1;
    }
    at += width - 1;
  }
  if (start >= 0) visit(start, length, ascii);
}

/** Simple case folds where JavaScript's toLowerCase gives something else (Unicode CaseFolding.txt). */
const SPECIAL_FOLDS = new Map<string, string>([
  ['\u00b5', '\u03bc'], // micro sign to Greek mu
  ['\u03c2', '\u03c3'], // final sigma
  ['\u017f', 's'], // long s
  ['\u0130', 'i'], // capital I with dot above
  ['\u1e9b', 's'], // long s with dot above (folds to s with dot above, whose dot then goes)
]);

const foldedCharacters = new Map<string, string>();

/** One non-ASCII character as unicode61 writes it: lower case, a lone diacritic dropped, one diacritic taken off. */
function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    if (DIACRITIC_SET.has(character)) {
      folded = '';
    } else {
      const lower = SPECIAL_FOLDS.get(character) ?? (character.toLowerCase().length === character.length ? character.toLowerCase() : character);
      const decomposed = lower.normalize('NFD');
      const marks = decomposed.match(COMBINING);
      // FTS5's "simple" removal turns a Latin letter with one diacritic into its ASCII base letter;
      // letters with two or more diacritics, and other scripts, keep them.
      folded = marks !== null && marks.length === 1 && decomposed.length === 2 && decomposed.charCodeAt(0) < 0x80 ? decomposed[0]! : lower;
    }
    foldedCharacters.set(character, folded);
  }
  return folded;
}

function foldToken(token: string, ascii: boolean): string {
  if (ascii) return token.toLowerCase();
  let folded = '';
  for (const character of token) folded += character.charCodeAt(0) < 0x80 ? character.toLowerCase() : foldCharacter(character);
  return folded;
}

/** The stem of each folded word seen so far: a library's vocabulary is small, its text is not. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** The Porter stem of a lower-case word, cached (also the field-insight tokenizer's stemmer). */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = porterStem(word);
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** The terms of `text`, in order. */
export function fts5Terms(text: string): string[] {
  const terms: string[] = [];
  scanTokens(text, (start, end, ascii) => {
    const folded = foldToken(text.slice(start, end), ascii);
    if (folded !== '') terms.push(stem(folded));
  });
  return terms;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Term ids for the terms of many texts: the same terms as fts5Terms, numbered from 0 in the order
 * they are first met. An ASCII token already seen is found by its characters in place, without
 * cutting it out of the text, lower-casing or stemming it again (a 50,000-module library holds
 * millions of tokens and a few tens of thousands of distinct words).
 */
export class TermVocabulary {
  private readonly ids = new Map<string, number>();
  /** Open addressing over lower-case ASCII tokens: the token, its hash and its term id per slot. */
  private slotTokens: (string | undefined)[] = new Array(1 << 12);
  private slotHashes = new Int32Array(1 << 12);
  private slotIds = new Int32Array(1 << 12);
  private filled = 0;
  /** Tokens with non-ASCII characters, as they stand in the text. */
  private readonly otherTokens = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** The id of a term (as fts5Terms writes it), if any text held it. */
  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Calls `visit` with the id of each term of `text`, in order, numbering new terms. */
  forEachId(text: string, visit: (id: number) => void): void {
    scanTokens(text, (start, end, ascii) => {
      if (!ascii) {
        const token = text.slice(start, end);
        let id = this.otherTokens.get(token);
        if (id === undefined) {
          const folded = foldToken(token, false);
          if (folded === '') return;
          id = this.idFor(stem(folded));
          this.otherTokens.set(token, id);
        }
        visit(id);
        return;
      }
      let hash = FNV_OFFSET;
      for (let at = start; at < end; at++) hash = Math.imul(hash ^ (text.charCodeAt(at) | 0x20), FNV_PRIME);
      const mask = this.slotIds.length - 1;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const token = this.slotTokens[slot];
        if (token === undefined) {
          const id = this.idFor(stem(text.slice(start, end).toLowerCase()));
          this.insert(text.slice(start, end).toLowerCase(), hash, id);
          visit(id);
          return;
        }
        if (this.slotHashes[slot] === hash && token.length === end - start && sameLowerCase(token, text, start)) {
          visit(this.slotIds[slot]!);
          return;
        }
      }
    });
  }

  private idFor(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  private insert(token: string, hash: number, id: number): void {
    if (2 * (this.filled + 1) > this.slotIds.length) this.grow();
    const mask = this.slotIds.length - 1;
    let slot = hash & mask;
    while (this.slotTokens[slot] !== undefined) slot = (slot + 1) & mask;
    this.slotTokens[slot] = token;
    this.slotHashes[slot] = hash;
    this.slotIds[slot] = id;
    this.filled++;
  }

  private grow(): void {
    const tokens = this.slotTokens;
    const hashes = this.slotHashes;
    const ids = this.slotIds;
    this.slotTokens = new Array(tokens.length * 2);
    this.slotHashes = new Int32Array(tokens.length * 2);
    this.slotIds = new Int32Array(tokens.length * 2);
    this.filled = 0;
    tokens.forEach((token, slot) => {
      if (token !== undefined) this.insert(token, hashes[slot]!, ids[slot]!);
    });
  }
}

/** Whether `token` (lower case ASCII) is text[start, start + token.length) folded to lower case. */
function sameLowerCase(token: string, text: string, start: number): boolean {
  for (let offset = 0; offset < token.length; offset++) {
    const code = text.charCodeAt(start + offset);
    if (token.charCodeAt(offset) !== (code >= 65 && code <= 90 ? code + 32 : code)) return false;
  }
  return true;
}
