import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { SeededRandom } from '../core/seeded-random.ts';
import { readCsvFile } from './csv-reader.ts';
import { readUtf8File, Utf8Scanner, type Utf8Fault } from './strict-utf8.ts';

const dir = mkdtempSync(join(tmpdir(), 'omni-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(bytes: number[] | Buffer, chunkSize = Infinity): Utf8Fault | undefined {
  const scanner = new Utf8Scanner();
  const all = Buffer.from(bytes);
  for (let start = 0; start < all.length; start += Math.min(chunkSize, all.length)) {
    const fault = scanner.push(all.subarray(start, start + Math.min(chunkSize, all.length)));
    if (fault) return fault;
  }
  return scanner.end();
}

function thrownBy(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('Utf8Scanner', () => {
  it('passes UTF-8 of every length, a BOM included, also one byte at a time', () => {
    const text = Buffer.from('\uFEFFid,name\nhcp-1,Élodie 漢字 😀\n');
    expect(scan(text)).toBeUndefined();
    expect(scan(text, 1)).toBeUndefined();
  });

  it('names the line, the character column and the byte offset of a Latin-1 byte', () => {
    // "id,name\nhcp-1,Élodie\n" with É written in Latin-1 (0xC9): line 2, column 7, byte 14.
    const latin1 = Buffer.from('id,name\nhcp-1,\xC9lodie\n', 'latin1');
    expect(scan(latin1)).toEqual({ byteOffset: 14, byte: 0xc9, line: 2, column: 7, truncated: false });
    // Characters before it on its line count once each, whatever their length in bytes.
    const after = Buffer.concat([Buffer.from('a\nÉ漢 '), Buffer.from([0xff])]);
    expect(scan(after, 2)).toEqual({ byteOffset: after.length - 1, byte: 0xff, line: 2, column: 4, truncated: false });
  });

  it('refuses overlong forms, surrogates, code points past U+10FFFF and a character cut off at the end', () => {
    expect(scan([0x61, 0xc0, 0x80])).toMatchObject({ byteOffset: 1, byte: 0xc0 });
    expect(scan([0xe0, 0x80, 0x80])).toMatchObject({ byteOffset: 0, byte: 0xe0 });
    expect(scan([0xed, 0xa0, 0x80])).toMatchObject({ byteOffset: 0, byte: 0xed });
    expect(scan([0xf4, 0x90, 0x80, 0x80])).toMatchObject({ byteOffset: 0, byte: 0xf4 });
    expect(scan([0x61, 0x62, 0xe6, 0xbc])).toMatchObject({ byteOffset: 2, truncated: true });
  });

  it('agrees with the WHATWG decoder on random bytes: a fault exactly when the decoder refuses', () => {
    const seeded = new SeededRandom(17);
    const random = () => seeded.next();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let refused = 0;
    for (let round = 0; round < 3_000; round++) {
      // Mostly valid text with a few random bytes spliced in, so both outcomes are common.
      const valid = Buffer.from('aé漢😀\n'.slice(0, 1 + Math.floor(random() * 6)).repeat(1 + Math.floor(random() * 3)));
      const bytes = Buffer.from(valid);
      if (random() < 0.6) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      let decoderRefused = false;
      try {
        decoder.decode(bytes);
      } catch {
        decoderRefused = true;
      }
      refused += decoderRefused ? 1 : 0;
      expect(scan(bytes, 1 + Math.floor(random() * 4)) !== undefined, bytes.toString('hex')).toBe(decoderRefused);
    }
    expect(refused).toBeGreaterThan(300);
  });
});

describe('reading files as strict UTF-8', () => {
  it('the CSV reader throws INVALID_INPUT with the line for a Latin-1 file, in any chunk size', () => {
    const path = join(dir, 'latin1.csv');
    writeFileSync(path, Buffer.from('id,name\nhcp-1,Ana\nhcp-2,Jos\xE9\n', 'latin1'));
    for (const chunkSize of [1, 3, 1 << 20]) {
      const error = thrownBy(() => [...readCsvFile(path, { chunkSize })]);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details).toEqual({ file: path, line: 3, column: 10, byteOffset: 27 });
      expect(error.message).toContain(`${path}:3: column 10 (byte offset 27): byte 0xE9 is not UTF-8`);
    }
  });

  it('the CSV reader still reads a BOM and characters split across chunks', () => {
    const path = join(dir, 'utf8.csv');
    writeFileSync(path, '\uFEFFid,name\nhcp-1,José 漢😀\n');
    expect([...readCsvFile(path, { chunkSize: 1 })]).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['hcp-1', 'José 漢😀'] },
    ]);
  });

  it('readUtf8File returns UTF-8 text with its BOM and refuses a UTF-16 file at its first byte', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, '\uFEFF[{"id":"é"}]');
    expect(readUtf8File(good)).toBe('\uFEFF[{"id":"é"}]');
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[{"id":"a"}]', 'utf16le')]));
    expect(thrownBy(() => readUtf8File(utf16)).details).toEqual({ file: utf16, line: 1, column: 1, byteOffset: 0 });
  });
});
