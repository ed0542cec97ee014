import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, readJsonText, type JsonFault, type JsonItem } from './json-reader.ts';

const read = (text: string): (JsonItem | JsonFault)[] => [...readJsonText(text)];

describe('readJsonText: JSON Lines', () => {
  it('reads one object per line with its line number', () => {
    expect(read('{"id":"a"}\n{"id":"b"}\n')).toEqual([
      { line: 1, value: { id: 'a' } },
      { line: 2, value: { id: 'b' } },
    ]);
  });

  it('reports a malformed line with its line number and still parses the others', () => {
    expect(read('{"id":"a"}\n{"id": "b",\n{"id":"c"}\nnot json at all\n{"id":"e"}')).toEqual([
      { line: 1, value: { id: 'a' } },
      { line: 2, fault: 'is not valid JSON' },
      { line: 3, value: { id: 'c' } },
      { line: 4, fault: 'is not valid JSON' },
      { line: 5, value: { id: 'e' } },
    ]);
  });

  it('skips blank lines but keeps counting them, and accepts CRLF', () => {
    expect(read('\n{"id":"a"}\r\n\r\n   \n{"id":"b"}\r\n')).toEqual([
      { line: 2, value: { id: 'a' } },
      { line: 5, value: { id: 'b' } },
    ]);
  });

  it('strips a BOM before the first line', () => {
    expect(read('\uFEFF{"id":"a"}\n')).toEqual([{ line: 1, value: { id: 'a' } }]);
  });

  it('keeps strings with brackets, commas and escaped quotes intact', () => {
    expect(read('{"text":"a [b], {c} \\"d\\""}\n')).toEqual([{ line: 1, value: { text: 'a [b], {c} "d"' } }]);
  });
});

describe('readJsonText: JSON array', () => {
  it('reads each element with the line it starts on, for elements spanning lines', () => {
    const text = ['[', '  {', '    "id": "a",', '    "n": 1', '  },', '', '  {"id": "b"},', '  {', '    "id": "c"', '  }', ']'].join('\n');
    expect(read(text)).toEqual([
      { line: 2, value: { id: 'a', n: 1 } },
      { line: 7, value: { id: 'b' } },
      { line: 8, value: { id: 'c' } },
    ]);
  });

  it('counts leading blank lines before the opening bracket', () => {
    expect(read('\n\n[{"id":"a"},\n{"id":"b"}]')).toEqual([
      { line: 3, value: { id: 'a' } },
      { line: 4, value: { id: 'b' } },
    ]);
  });

  it('does not split on brackets, braces, commas or escaped quotes inside strings', () => {
    const text = '[\n{"t": "x], {\\"y\\": [1,2]}, z"},\n{"t": "back\\\\slash\\\\", "u": "]"}\n]';
    expect(read(text)).toEqual([
      { line: 2, value: { t: 'x], {"y": [1,2]}, z' } },
      { line: 3, value: { t: 'back\\slash\\', u: ']' } },
    ]);
  });

  it('reads nested arrays and objects as one element each', () => {
    expect(read('[{"a":[1,{"b":[2,3]}]},\n{"c":{"d":[]}}]')).toEqual([
      { line: 1, value: { a: [1, { b: [2, 3] }] } },
      { line: 2, value: { c: { d: [] } } },
    ]);
  });

  it('reports a malformed element with its line and parses the rest', () => {
    expect(read('[\n{"id":"a"},\n{"id": b},\n{"id":"c"}\n]')).toEqual([
      { line: 2, value: { id: 'a' } },
      { line: 3, fault: 'is not valid JSON' },
      { line: 4, value: { id: 'c' } },
    ]);
  });

  it('reports an unclosed array on the line of the unfinished element, after the complete ones', () => {
    expect(read('[\n{"id":"a"},\n{"id":"b",\n "x": 1')).toEqual([
      { line: 2, value: { id: 'a' } },
      { line: 3, fault: 'the JSON array is never closed (missing ])' },
    ]);
  });

  it('reports an unclosed array with no pending element on the last line', () => {
    const items = read('[\n{"id":"a"},\n\n');
    expect(items[0]).toEqual({ line: 2, value: { id: 'a' } });
    expect(items[1]).toMatchObject({ fault: 'the JSON array is never closed (missing ])' });
    expect(items).toHaveLength(2);
  });

  it('reports an empty element (two commas in a row)', () => {
    expect(read('[{"id":"a"},\n,{"id":"b"}]')).toEqual([
      { line: 1, value: { id: 'a' } },
      { line: 2, fault: 'an empty element (two commas in a row)' },
      { line: 2, value: { id: 'b' } },
    ]);
  });

  it('reports text after the closing bracket', () => {
    const items = read('[{"id":"a"}]\n\n{"id":"b"}');
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ line: 1, value: { id: 'a' } });
    expect(items[1]).toMatchObject({ fault: 'unexpected text after the closing ]' });
  });

  it('reads an empty array as no elements', () => {
    expect(read('[]')).toEqual([]);
    expect(read('  [\n\n]  \n')).toEqual([]);
  });

  it('strips a BOM before the array', () => {
    expect(read('\uFEFF[{"id":"a"}]')).toEqual([{ line: 1, value: { id: 'a' } }]);
  });
});

describe('readJsonText: empty input', () => {
  it('yields nothing for empty, blank or BOM-only text', () => {
    expect(read('')).toEqual([]);
    expect(read('   \n\t\n')).toEqual([]);
    expect(read('\uFEFF')).toEqual([]);
  });
});

describe('readJsonFile', () => {
  it('reads a file the same way as readJsonText', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omni-json-'));
    try {
      const text = '\uFEFF[\n {"id": "é漢"},\n {"id": "b"}\n]\n';
      const path = join(dir, 'x.json');
      writeFileSync(path, text);
      expect([...readJsonFile(path)]).toEqual([
        { line: 2, value: { id: 'é漢' } },
        { line: 3, value: { id: 'b' } },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
