import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabelSections } from '../content/fda-label-sections.ts';
import { TermVocabulary, fts5Terms } from './fts5-tokenizer.ts';

/** FTS5 itself, as the content_fts table is set up (migration 3): the reference every test here compares with. */
class Fts5Reference {
  private readonly database = new Database(':memory:');
  constructor() {
    this.database.exec(`
      CREATE VIRTUAL TABLE texts USING fts5 (text, tokenize = 'porter unicode61');
      CREATE VIRTUAL TABLE terms USING fts5vocab (texts, instance);`);
  }
  /** The terms FTS5 writes for each text, in order. */
  termsOf(texts: readonly string[]): string[][] {
    this.database.exec('DELETE FROM texts');
    const insert = this.database.prepare('INSERT INTO texts (rowid, text) VALUES (?, ?)');
    this.database.transaction(() => texts.forEach((text, index) => insert.run(index + 1, text)))();
    const rows = this.database.prepare('SELECT doc, term FROM terms ORDER BY doc, "offset"').all() as { doc: number; term: string }[];
    const terms: string[][] = texts.map(() => []);
    for (const row of rows) terms[row.doc - 1]!.push(row.term);
    return terms;
  }
  close(): void {
    this.database.close();
  }
}

let fts5: Fts5Reference;
beforeAll(() => {
  fts5 = new Fts5Reference();
});
afterAll(() => fts5.close());

/** The texts where fts5Terms and FTS5 disagree, with the first differing terms. */
function disagreements(texts: readonly string[]): string[] {
  const expected = fts5.termsOf(texts);
  const found: string[] = [];
  texts.forEach((text, index) => {
    const actual = fts5Terms(text);
    if (JSON.stringify(actual) === JSON.stringify(expected[index])) return;
    const at = actual.findIndex((term, position) => term !== expected[index]![position]);
    found.push(`${JSON.stringify(text.slice(0, 40))}: ${JSON.stringify(actual.slice(at, at + 3))} where FTS5 has ${JSON.stringify(expected[index]!.slice(at, at + 3))}`);
  });
  return found;
}

describe('fts5Terms', () => {
  it('is what FTS5 makes of every label section (the text the library ranks)', () => {
    const texts = loadLabelSections().map((section) => section.text);
    expect(texts.length).toBeGreaterThan(400);
    expect(disagreements(texts)).toEqual([]);
  });

  it('folds case and diacritics as FTS5 does, for Latin, Greek and Cyrillic letters', () => {
    const ranges: [number, number][] = [
      [0x00a0, 0x024f],
      [0x0386, 0x03ce],
      [0x0400, 0x04ff],
      [0x1e00, 0x1eff],
    ];
    // Unassigned code points, and a letter whose capital came in Unicode 16: SQLite's tables are Unicode 6.1's.
    const skipped = new Set([0x019b, 0x038b, 0x038d, 0x03a2]);
    const texts: string[] = [];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        if (skipped.has(code)) continue;
        const character = String.fromCharCode(code);
        // Alone, inside a word, at its start and end, and upper-cased.
        texts.push(`${character} x${character}y ${character}ab ab${character} ${character.toUpperCase()}`);
      }
    }
    expect(disagreements(texts)).toEqual([]);
  });

  it('splits on punctuation and symbols, keeps digits, and stems as FTS5 does', () => {
    const texts = [
      'Grade 3–4 (≥5%) adverse reactions: QTc-prolongation, hepatotoxicity; 10 mg/kg q3w.',
      'SYN-KEYTRUDA-0001 lbl-gilenya-5-7 KEYTRUDA® (pembrolizumab) 1.5×ULN',
      'caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned',
      'falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer',
      'conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness',
      'hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical',
      'hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement',
      'adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll',
      'eed ing bing aing yy ys ies sses ss oed yed ying dying lying tying',
      'naïve café Ärzte Übelkeit Œdème Ångström µg ﬁbrosis straße',
    ];
    expect(disagreements(texts)).toEqual([]);
  });

  it('finds nothing in text without letters or digits', () => {
    expect(fts5Terms('')).toEqual([]);
    expect(fts5Terms(' -- "" *** ®™ · ≥ ')).toEqual([]);
  });
});

describe('TermVocabulary', () => {
  it('numbers the terms of fts5Terms, the same term the same id however it is spelt', () => {
    const vocabulary = new TermVocabulary();
    const texts = [...loadLabelSections().slice(0, 60).map((section) => section.text), 'Reactions REACTIONS reaction Naïve NAIVE naive', 'x'.repeat(70)];
    const termOf = new Map<number, string>();
    const wrong: string[] = [];
    for (const text of texts) {
      const ids: number[] = [];
      vocabulary.forEachId(text, (id) => ids.push(id));
      const terms = fts5Terms(text);
      expect(ids).toHaveLength(terms.length);
      ids.forEach((id, position) => {
        const term = terms[position]!;
        // One expect per term would take seconds; collect what disagrees instead.
        if ((termOf.get(id) ?? term) !== term || vocabulary.idOf(term) !== id) wrong.push(`${id}: ${term}`);
        termOf.set(id, term);
      });
    }
    expect(wrong).toEqual([]);
    expect(vocabulary.size).toBe(termOf.size);
    expect(vocabulary.size).toBeGreaterThan(1_000);
    expect(vocabulary.idOf('no-such-term')).toBeUndefined();
  });
});
