/**
 * Typo repair before understanding: a word the pipeline does not know ("breif", "emial", "keytrda",
 * "reyse") becomes the known word it is one edit from (two for words of eight letters or more; words under five letters are left as written).
 * Known words are the training utterances' words, the names in the user's lexicon and a list of
 * common words; a word that is already known, or any English word (data/nlu/english-words.txt), is never changed. Ties go to the more frequent word,
 * then alphabetically, so the same text always gives the same repair.
 */

/** Damerau–Levenshtein distance (adjacent transpositions count as one edit), or max + 1 when over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row++) {
    let best = Infinity;
    for (let column = 1; column < columns; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let value = Math.min(table[row - 1]![column]! + 1, table[row]![column - 1]! + 1, table[row - 1]![column - 1]! + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) value = Math.min(value, table[row - 2]![column - 2]! + 1);
      table[row]![column] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return table[a.length]![b.length]!;
}

/** How many edits a word of this length may be from the word it is repaired to. */
export const allowedEdits = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

export class SpellingCorrector {
  /** Known words by length, for the candidates of a word: only lengths within the allowed edits are compared. */
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  /**
   * `words`: each known word with its frequency (more frequent wins a tie). `names` (people, places):
   * a word is repaired to one of them only one edit away, so "hiroshima" never becomes "hiroshi".
   */
  constructor(
    private readonly words: ReadonlyMap<string, number>,
    private readonly names: ReadonlySet<string> = new Set(),
    /** English words: never repaired ("touches", "inquiries"), though no repair leads to them. */
    private readonly dictionary: ReadonlySet<string> = new Set(),
    /** Words a repair may reach with another first letter (product names: "zeljanz" → "xeljanz"). */
    private readonly anyFirstLetter: ReadonlySet<string> = new Set(),
  ) {
    for (const word of words.keys()) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The known word `word` most likely stands for, or `word` itself. Lower-case input. */
  correct(word: string): string {
    if (this.words.has(word) || this.dictionary.has(word) || !/^[a-z]+$/.test(word)) return word;
    const max = allowedEdits(word.length);
    if (max === 0) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let best: { word: string; distance: number; frequency: number } | null = null;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        // The first letter is rarely the typo; requiring it keeps repairs plausible and cheap.
        if (candidate[0] !== word[0] && !this.anyFirstLetter.has(candidate)) continue;
        const distance = editDistance(word, candidate, max);
        if (distance > max || (distance > 1 && this.names.has(candidate))) continue;
        const frequency = this.words.get(candidate)!;
        if (!best || distance < best.distance || (distance === best.distance && (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)))) {
          best = { word: candidate, distance, frequency };
        }
      }
    }
    const repaired = best?.word ?? word;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, repaired);
    return repaired;
  }

  /** The text with each unknown word repaired; everything else (case, punctuation, spacing) as written. */
  correctText(text: string): { text: string; repairs: { from: string; to: string }[] } {
    const repairs: { from: string; to: string }[] = [];
    // A contraction's stem ("wouldn't", "couldnt") is never a typo of another word.
    const repaired = text.replace(/[A-Za-z]+(?:['’]t\b)?/g, (word) => {
      if (/['’]t$/.test(word) || /^(wouldn|couldn|shouldn|didn|doesn|isn|aren|wasn|weren|hasn|haven|hadn|won|don|can)t?$/i.test(word)) return word;
      const lower = word.toLowerCase();
      const fixed = this.correct(lower);
      if (fixed === lower) return word;
      repairs.push({ from: word, to: fixed });
      return fixed;
    });
    return { text: repaired, repairs };
  }
}
