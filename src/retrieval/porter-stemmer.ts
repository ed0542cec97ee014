/**
 * The Porter (1980) stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it (fts5_tokenize.c),
 * quirks included: "y" counts as a vowel after any first letter in the *v* test, suffixes must be
 * shorter than the word, and tokens under 3 or over 64 UTF-8 bytes are left alone. The in-memory
 * lexical index must produce the same terms as the content_fts table, or its bm25 would drift from
 * FTS5's; fts5-tokenizer.test.ts holds the two equal over the label corpus.
 */

const MAX_TOKEN_BYTES = 64;

function isVowel(char: string | undefined, yIsVowel: boolean): boolean {
  return char === 'a' || char === 'e' || char === 'i' || char === 'o' || char === 'u' || (yIsVowel && char === 'y');
}

/** Past the first vowel-then-consonant run of word[from, to): its end, or 0 when there is none. */
function gobbleVowelConsonant(word: string, from: number, to: number, previousConsonant: boolean): number {
  let consonant = previousConsonant;
  let index = from;
  for (; index < to; index++) {
    consonant = !isVowel(word[index], consonant);
    if (!consonant) break;
  }
  for (index++; index < to; index++) {
    consonant = !isVowel(word[index], consonant);
    if (consonant) return index + 1;
  }
  return 0;
}

/** m > 0 for the stem word[0, length). */
const measureAbove0 = (word: string, length: number) => gobbleVowelConsonant(word, 0, length, false) !== 0;

/** m > 1. */
function measureAbove1(word: string, length: number): boolean {
  const first = gobbleVowelConsonant(word, 0, length, false);
  return first !== 0 && gobbleVowelConsonant(word, first, length, true) !== 0;
}

/** m = 1. */
function measureIs1(word: string, length: number): boolean {
  const first = gobbleVowelConsonant(word, 0, length, false);
  return first !== 0 && gobbleVowelConsonant(word, first, length, true) === 0;
}

/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(word: string, length: number): boolean {
  const last = word[length - 1];
  if (last === 'w' || last === 'x' || last === 'y') return false;
  let mask = 0;
  let consonant = false;
  for (let index = 0; index < length; index++) {
    consonant = !isVowel(word[index], consonant);
    mask = ((mask << 1) | (consonant ? 1 : 0)) & 0x7;
  }
  return mask === 0b101;
}

/** *v*: the stem holds a vowel ("y" counts after the first letter, as FTS5 has it). */
function hasVowel(word: string, length: number): boolean {
  for (let index = 0; index < length; index++) if (isVowel(word[index], index > 0)) return true;
  return false;
}

type Condition = (word: string, stemLength: number) => boolean;
/** [suffix, condition on the stem before it, replacement]. The first suffix that matches decides, even when its condition fails. */
type Rule = readonly [string, Condition | null, string];

const measureAbove1AndSOrT: Condition = (word, length) => (word[length - 1] === 's' || word[length - 1] === 't') && measureAbove1(word, length);

const step2: readonly Rule[] = [
  ['ational', measureAbove0, 'ate'],
  ['tional', measureAbove0, 'tion'],
  ['enci', measureAbove0, 'ence'],
  ['anci', measureAbove0, 'ance'],
  ['izer', measureAbove0, 'ize'],
  ['logi', measureAbove0, 'log'],
  ['bli', measureAbove0, 'ble'],
  ['alli', measureAbove0, 'al'],
  ['entli', measureAbove0, 'ent'],
  ['eli', measureAbove0, 'e'],
  ['ousli', measureAbove0, 'ous'],
  ['ization', measureAbove0, 'ize'],
  ['ation', measureAbove0, 'ate'],
  ['ator', measureAbove0, 'ate'],
  ['alism', measureAbove0, 'al'],
  ['iveness', measureAbove0, 'ive'],
  ['fulness', measureAbove0, 'ful'],
  ['ousness', measureAbove0, 'ous'],
  ['aliti', measureAbove0, 'al'],
  ['iviti', measureAbove0, 'ive'],
  ['biliti', measureAbove0, 'ble'],
];
const step3: readonly Rule[] = [
  ['ical', measureAbove0, 'ic'],
  ['ness', measureAbove0, ''],
  ['icate', measureAbove0, 'ic'],
  ['iciti', measureAbove0, 'ic'],
  ['ful', measureAbove0, ''],
  ['ative', measureAbove0, ''],
  ['alize', measureAbove0, 'al'],
];
const step4: readonly Rule[] = [
  ['al', measureAbove1, ''],
  ['ance', measureAbove1, ''],
  ['ence', measureAbove1, ''],
  ['er', measureAbove1, ''],
  ['ic', measureAbove1, ''],
  ['able', measureAbove1, ''],
  ['ible', measureAbove1, ''],
  ['ant', measureAbove1, ''],
  ['ement', measureAbove1, ''],
  ['ment', measureAbove1, ''],
  ['ent', measureAbove1, ''],
  ['ion', measureAbove1AndSOrT, ''],
  ['ou', measureAbove1, ''],
  ['ism', measureAbove1, ''],
  ['ate', measureAbove1, ''],
  ['iti', measureAbove1, ''],
  ['ous', measureAbove1, ''],
  ['ive', measureAbove1, ''],
  ['ize', measureAbove1, ''],
];
const step1b2: readonly Rule[] = [
  ['at', null, 'ate'],
  ['bl', null, 'ble'],
  ['iz', null, 'ize'],
];

/**
 * FTS5 picks the rule by the second-to-last letter and then the first suffix of that group that
 * matches; every suffix's second-to-last letter is its group's, so "the first matching suffix in
 * the list" is the same choice. Returns the new word, or null when no rule fired.
 */
function applyRules(word: string, rules: readonly Rule[]): string | null {
  for (const [suffix, condition, replacement] of rules) {
    if (word.length <= suffix.length || !word.endsWith(suffix)) continue;
    const stemLength = word.length - suffix.length;
    if (condition !== null && !condition(word, stemLength)) return null;
    return word.slice(0, stemLength) + replacement;
  }
  return null;
}

function step1a(word: string): string {
  const length = word.length;
  if (word[length - 1] !== 's') return word;
  if (word[length - 2] === 'e') {
    if ((length > 4 && word[length - 4] === 's' && word[length - 3] === 's') || (length > 3 && word[length - 3] === 'i')) return word.slice(0, -2);
    return word.slice(0, -1);
  }
  return word[length - 2] === 's' ? word : word.slice(0, -1);
}

/** Step 1b: "eed" to "ee" (m > 0), or "ed"/"ing" dropped after a vowel, then the clean-up that follows them. */
function step1b(word: string): string {
  const length = word.length;
  if (length > 3 && word.endsWith('eed')) return measureAbove0(word, length - 3) ? word.slice(0, -1) : word;
  let stem: string;
  if (length > 2 && word.endsWith('ed')) {
    if (!hasVowel(word, length - 2)) return word;
    stem = word.slice(0, -2);
  } else if (length > 3 && word.endsWith('ing')) {
    if (!hasVowel(word, length - 3)) return word;
    stem = word.slice(0, -3);
  } else {
    return word;
  }
  const restored = applyRules(stem, step1b2);
  if (restored !== null) return restored;
  const last = stem[stem.length - 1]!;
  if (!isVowel(last, false) && last !== 'l' && last !== 's' && last !== 'z' && last === stem[stem.length - 2]) return stem.slice(0, -1);
  if (measureIs1(stem, stem.length) && endsCvc(stem, stem.length)) return `${stem}e`;
  return stem;
}

/** The FTS5 porter stem of one lower-case ASCII (or UTF-8 bytes as latin1) token. */
function stemBytes(token: string): string {
  let word = step1b(step1a(token));
  if (word[word.length - 1] === 'y' && hasVowel(word, word.length - 1)) word = `${word.slice(0, -1)}i`;
  word = applyRules(word, step2) ?? word;
  word = applyRules(word, step3) ?? word;
  word = applyRules(word, step4) ?? word;
  if (word[word.length - 1] === 'e') {
    const stemLength = word.length - 1;
    if (measureAbove1(word, stemLength) || (measureIs1(word, stemLength) && !endsCvc(word, stemLength))) word = word.slice(0, -1);
  }
  if (word.length > 1 && word.endsWith('ll') && measureAbove1(word, word.length - 1)) word = word.slice(0, -1);
  return word;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The stem FTS5's porter tokenizer writes for a token from unicode61 (already folded to lower case). */
export function porterStem(token: string): string {
  if (ASCII.test(token)) return token.length < 3 || token.length > MAX_TOKEN_BYTES ? token : stemBytes(token);
  // FTS5 stems the UTF-8 bytes: run the same steps over them (as latin1 characters) and decode back.
  const bytes = Buffer.from(token, 'utf8');
  if (bytes.length < 3 || bytes.length > MAX_TOKEN_BYTES) return token;
  return Buffer.from(stemBytes(bytes.toString('latin1')), 'latin1').toString('utf8');
}
