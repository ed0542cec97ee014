import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { porterStem } from './porter-stemmer.ts';

/** Examples from Porter's paper (1980), with the stems FTS5 gives them. */
const examples: Record<string, string> = {
  caresses: 'caress',
  ponies: 'poni',
  ties: 'ti',
  cats: 'cat',
  feed: 'feed',
  agreed: 'agre',
  plastered: 'plaster',
  bled: 'bled',
  motoring: 'motor',
  sing: 'sing',
  conflated: 'conflat',
  troubled: 'troubl',
  sized: 'size',
  hopping: 'hop',
  tanned: 'tan',
  falling: 'fall',
  hissing: 'hiss',
  fizzed: 'fizz',
  failing: 'fail',
  filing: 'file',
  happy: 'happi',
  sky: 'sky',
  relational: 'relat',
  conditional: 'condit',
  generalizations: 'gener',
  oscillators: 'oscil',
  controlling: 'control',
  // Label words.
  reactions: 'reaction',
  hepatotoxicity: 'hepatotox',
  // Shorter than 3 bytes: left alone.
  ab: 'ab',
  is: 'is',
};

describe('porterStem', () => {
  it("gives the paper's examples their stems", () => {
    for (const [word, stem] of Object.entries(examples)) expect(porterStem(word), word).toBe(stem);
  });

  it('is what FTS5 writes for each word, non-ASCII and over-long ones included', () => {
    const words = [
      ...Object.keys(examples),
      ...'eed ing bing aing yy ys ies sses ss oed yed ying dying lying tying feudalism decisiveness hopefulness callousness formaliti sensitiviti'.split(' '),
      ...'allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism'.split(' '),
      // Letters unicode61 keeps non-ASCII: FTS5 stems their UTF-8 bytes, and measures tokens in bytes.
      'æsthetically',
      'søgning',
      'straßes',
      'αβγing',
      'ø'.repeat(29) + 'ating',
      'ø'.repeat(30) + 'ating',
      'x'.repeat(61) + 'ing',
      'x'.repeat(62) + 'ing',
    ];
    const database = new Database(':memory:');
    try {
      database.exec(`CREATE VIRTUAL TABLE words USING fts5 (word, tokenize = 'porter unicode61');
        CREATE VIRTUAL TABLE stems USING fts5vocab (words, instance);`);
      const insert = database.prepare('INSERT INTO words (rowid, word) VALUES (?, ?)');
      words.forEach((word, index) => insert.run(index + 1, word));
      const stems = database.prepare('SELECT doc, term FROM stems').all() as { doc: number; term: string }[];
      expect(stems).toHaveLength(words.length);
      // unicode61 has nothing to fold in these words: FTS5's stems are porter's alone.
      for (const { doc, term } of stems) expect(porterStem(words[doc - 1]!), words[doc - 1]).toBe(term);
      // 63 bytes are stemmed, 65 are not.
      expect(porterStem('ø'.repeat(29) + 'ating')).not.toBe('ø'.repeat(29) + 'ating');
      expect(porterStem('ø'.repeat(30) + 'ating')).toBe('ø'.repeat(30) + 'ating');
    } finally {
      database.close();
    }
  });
});
