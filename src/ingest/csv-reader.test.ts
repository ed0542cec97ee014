import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCsvFault, readCsvFile, readCsvText, type CsvFault, type CsvRecord, type CsvReadOptions } from './csv-reader.ts';

const parse = (text: string, options?: CsvReadOptions): (CsvRecord | CsvFault)[] => [...readCsvText(text, options)];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omni-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeTemp(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readCsvText', () => {
  it('reads plain records with their 1-based line numbers', () => {
    expect(parse('id,name\n1,Ada\n2,Grace\n')).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Ada'] },
      { line: 3, fields: ['2', 'Grace'] },
    ]);
  });

  it('reads the last record when the file does not end with a newline', () => {
    expect(parse('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('unescapes doubled quotes inside quoted fields', () => {
    expect(parse('a,b\n"say ""hi""","""x"""\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['say "hi"', '"x"'] },
    ]);
  });

  it('keeps commas inside quoted fields', () => {
    expect(parse('a,b\n"Reyes, Maria",x\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['Reyes, Maria', 'x'] },
    ]);
  });

  it('keeps newlines inside quoted fields and still numbers later records by their real line', () => {
    const text = 'id,text\n1,"first\nsecond\nthird"\n2,plain\n3,"a\nb"\n4,end\n';
    expect(parse(text)).toEqual([
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['1', 'first\nsecond\nthird'] },
      { line: 5, fields: ['2', 'plain'] },
      { line: 6, fields: ['3', 'a\nb'] },
      { line: 8, fields: ['4', 'end'] },
    ]);
  });

  it('reads empty fields, including quoted empty ones', () => {
    expect(parse('a,b,c\n,"",x\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['', '', 'x'] },
    ]);
  });

  it('treats CRLF line ends like LF and does not leave a CR in the last field', () => {
    expect(parse('a,b\r\n1,2\r\n"x\r\ny",3\r\n4,5\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      // A CRLF inside quotes is data and is kept as written.
      { line: 3, fields: ['x\r\ny', '3'] },
      { line: 5, fields: ['4', '5'] },
    ]);
  });

  it('strips a UTF-8 byte-order mark from the first header', () => {
    const records = parse('\uFEFFid,name\n1,Ada\n');
    expect(records[0]).toEqual({ line: 1, fields: ['id', 'name'] });
    expect((records[0] as CsvRecord).fields[0]!.charCodeAt(0)).toBe(0x69);
  });

  it('skips blank lines but counts them for line numbers', () => {
    expect(parse('a,b\n\n1,2\n\r\n\n3,4\n\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('yields nothing for empty text or text of only a BOM', () => {
    expect(parse('')).toEqual([]);
    expect(parse('\uFEFF')).toEqual([]);
    expect(parse('\n\n')).toEqual([]);
  });

  it('reports an unterminated quote as a fault on the line the record starts, after the good records', () => {
    const records = parse('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(records[1]).toEqual({ line: 2, fields: ['1', '2'] });
    const fault = records[2]!;
    expect(isCsvFault(fault)).toBe(true);
    expect(fault.line).toBe(3);
    expect((fault as CsvFault).fault).toMatch(/never closed/);
  });

  it('reports a field over maxFieldLength as a fault without its text, and reads the next record', () => {
    const records = parse(`a,b\nok,${'x'.repeat(11)}\n1,2\n`, { maxFieldLength: 10 });
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fault: 'longer than 10 characters', fieldIndex: 1 },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('accepts a field of exactly maxFieldLength characters', () => {
    expect(parse(`a\n${'y'.repeat(10)}\n`, { maxFieldLength: 10 })).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['y'.repeat(10)] },
    ]);
  });

  it('reports an oversized quoted multi-line field on its first line and keeps later line numbers right', () => {
    const big = `${'x'.repeat(8)}\n${'y'.repeat(8)}\n${'z'.repeat(8)}`;
    const records = parse(`a,b\n"${big}",1\n2,3\n`, { maxFieldLength: 10 });
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fault: 'longer than 10 characters', fieldIndex: 0 },
      { line: 5, fields: ['2', '3'] },
    ]);
  });

  it('counts doubled quotes towards the field length', () => {
    // 5 escaped quotes = 5 characters of data, plus 6 letters = 11 > 10
    const records = parse(`a\n"""""""""""abcdef"\n`, { maxFieldLength: 10 });
    expect(records[1]).toEqual({ line: 2, fault: 'longer than 10 characters', fieldIndex: 0 });
  });
});

describe('readCsvFile', () => {
  const tricky =
    '\uFEFFid,name,note\r\n' +
    '1,"Dupont, Élodie","said ""bonjour"" then left"\r\n' +
    '\r\n' +
    '2,漢字太郎,"line one\nline two, with comma\n""quoted"" line three"\n' +
    '3,"",é\n' +
    '4,"ends with quote""",漢\n' +
    '5,Zoë,"a""b"\n';

  it('reads the same records as readCsvText with the default chunk size', () => {
    const path = writeTemp('tricky.csv', tricky);
    expect([...readCsvFile(path)]).toEqual(parse(tricky));
  });

  it('gives the expected records for the tricky file (sanity check of the reference)', () => {
    expect(parse(tricky)).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['1', 'Dupont, Élodie', 'said "bonjour" then left'] },
      { line: 4, fields: ['2', '漢字太郎', 'line one\nline two, with comma\n"quoted" line three'] },
      { line: 7, fields: ['3', '', 'é'] },
      { line: 8, fields: ['4', 'ends with quote"', '漢'] },
      { line: 9, fields: ['5', 'Zoë', 'a"b'] },
    ]);
  });

  it('reads records split across 7-byte chunks exactly like readCsvText', () => {
    const path = writeTemp('tricky.csv', tricky);
    expect([...readCsvFile(path, { chunkSize: 7 })]).toEqual(parse(tricky));
  });

  it('reads the same records for every chunk size from 3 to 64 bytes', () => {
    const path = writeTemp('tricky.csv', tricky);
    const expected = parse(tricky);
    for (let chunkSize = 3; chunkSize <= 64; chunkSize++) {
      expect([...readCsvFile(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual(expected);
    }
  });

  it('handles a doubled quote whose two quotes fall in different chunks', () => {
    // bytes: a , b \n " x " | " y " \n  -> with 7-byte chunks the first chunk ends on the first quote of ""
    const text = 'a,b\n"x""y",z\n';
    expect(Buffer.from(text).subarray(0, 7).toString()).toBe('a,b\n"x"');
    const path = writeTemp('split-quote.csv', text);
    const records = [...readCsvFile(path, { chunkSize: 7 })];
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x"y', 'z'] },
    ]);
  });

  it('handles a closing quote that is the last byte of a chunk', () => {
    const text = 'a,b\n"x",z\n"p,q",r\n';
    expect(Buffer.from(text).subarray(0, 7).toString()).toBe('a,b\n"x"');
    const path = writeTemp('closing-quote.csv', text);
    expect([...readCsvFile(path, { chunkSize: 7 })]).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x', 'z'] },
      { line: 3, fields: ['p,q', 'r'] },
    ]);
  });

  it('handles a closing quote at the very end of the file', () => {
    const text = 'a\n"last"';
    const path = writeTemp('eof-quote.csv', text);
    for (const chunkSize of [3, 4, 5, 6, 7, 8, 9, 100]) {
      expect([...readCsvFile(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual([
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['last'] },
      ]);
    }
  });

  it('decodes multi-byte UTF-8 characters split across chunk boundaries', () => {
    // 'é' is 2 bytes, '漢' is 3 bytes: place them so that a 7-byte chunk boundary cuts through each.
    const text = 'a,b\nxyé,1\nxy漢,2\n';
    const bytes = Buffer.from(text);
    // 'é' occupies bytes 6-7: the first 7-byte chunk ends in the middle of it.
    expect(bytes.subarray(6, 8).toString()).toBe('é');
    // '漢' occupies bytes 13-15: the second 7-byte chunk ends after its first byte.
    expect(bytes.subarray(13, 16).toString()).toBe('漢');
    const path = writeTemp('utf8.csv', text);
    for (const chunkSize of [7, 3, 4, 5]) {
      expect([...readCsvFile(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['xyé', '1'] },
        { line: 3, fields: ['xy漢', '2'] },
      ]);
    }
  });

  it('strips a BOM when reading in 7-byte chunks', () => {
    const path = writeTemp('bom.csv', '\uFEFFid\n1\n');
    expect([...readCsvFile(path, { chunkSize: 7 })]).toEqual([
      { line: 1, fields: ['id'] },
      { line: 2, fields: ['1'] },
    ]);
  });

  // Regression: with 1–2 byte chunks the decoder returns '' before the BOM is whole.
  it('strips a BOM even when the chunk size is smaller than the BOM (1 or 2 bytes)', () => {
    const path = writeTemp('bom-small.csv', '\uFEFFid\n1\n');
    for (const chunkSize of [1, 2]) {
      expect([...readCsvFile(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual([
        { line: 1, fields: ['id'] },
        { line: 2, fields: ['1'] },
      ]);
    }
  });

  it('reports an unterminated quote as a fault when reading a file in small chunks', () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n';
    const path = writeTemp('open.csv', text);
    for (const chunkSize of [3, 7, 1 << 20]) {
      expect([...readCsvFile(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 3, fault: 'a quoted field is never closed (missing closing ")' },
      ]);
    }
  });

  it('reports an oversized field spread over many chunks as one fault and reads on', () => {
    const text = `a,b\n1,"${'x'.repeat(50)}"\n2,ok\n3,${'y'.repeat(50)}\n4,ok\n`;
    const path = writeTemp('big.csv', text);
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fault: 'longer than 20 characters', fieldIndex: 1 },
      { line: 3, fields: ['2', 'ok'] },
      { line: 4, fault: 'longer than 20 characters', fieldIndex: 1 },
      { line: 5, fields: ['4', 'ok'] },
    ];
    expect(parse(text, { maxFieldLength: 20 })).toEqual(expected);
    for (const chunkSize of [3, 7, 16]) {
      expect([...readCsvFile(path, { chunkSize, maxFieldLength: 20 })], `chunkSize ${chunkSize}`).toEqual(expected);
    }
  });

  it('reads a file of only a BOM, and an empty file, as no records', () => {
    expect([...readCsvFile(writeTemp('empty.csv', ''))]).toEqual([]);
    expect([...readCsvFile(writeTemp('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf])))]).toEqual([]);
  });
});
