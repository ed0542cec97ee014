import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';

function refusal(value: unknown): AppError {
  try {
    canonicalJson(value);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return error as AppError;
  }
  throw new Error('expected canonicalJson to refuse the value');
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth, keeps array order and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, 1, 2], c: null }, A: true, '': 'empty', é: 'e-acute', z: [{ y: 1, x: 2 }] };
    expect(canonicalJson(value)).toBe('{"":"empty","A":true,"a":{"c":null,"d":[3,1,2]},"b":1,"z":[{"x":2,"y":1}],"é":"e-acute"}');
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    const one = { signals: [{ weight: 0.5, value: 2 }], consent: { email: 'granted', visit: 'granted' } };
    const two = { consent: { visit: 'granted', email: 'granted' }, signals: [{ value: 2, weight: 0.5 }] };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalJson(one)).not.toBe(canonicalJson({ ...two, signals: [{ value: 2, weight: 0.25 }] }));
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+FB01 sorts after U+1F600's high surrogate (0xD83D) in code units, though not in code points.
    expect(canonicalJson({ '\ufb01': 1, '\u{1f600}': 2, b: 3 })).toBe('{"b":3,"😀":2,"ﬁ":1}');
  });

  it('writes numbers and strings as JSON.stringify does, and reads back to the same value', () => {
    const value = { n: [0, -0, 1.5, 0.1, 1e21, 1e-7, -123456789012, Number.MAX_SAFE_INTEGER, 5e-324], s: 'quote " backslash \\ tab \t nl \n \u0000 \u2028 😀 \ud800' };
    const text = canonicalJson(value);
    expect(text).toBe(
      '{"n":[0,0,1.5,0.1,1e+21,1e-7,-123456789012,9007199254740991,5e-324],"s":"quote \\" backslash \\\\ tab \\t nl \\n \\u0000 \u2028 😀 \\ud800"}',
    );
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('writes every string exactly as JSON.stringify does (the unescaped fast path included)', () => {
    const texts = ['', 'plain', 'ü é 中文 \u2028 \u2029 \u007f \u0080 \uffff', '😀 paired', '\udfff\ud800 reversed', 'end \ud83d'];
    for (let code = 0; code < 0x100; code++) texts.push(`a${String.fromCharCode(code)}b`, String.fromCharCode(code));
    for (const text of texts) {
      expect(canonicalJson(text), JSON.stringify(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: text }), JSON.stringify(text)).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }
  });

  it('sorts many keys, in any insertion order, as Array#sort does', () => {
    const keys = Array.from({ length: 40 }, (_, index) => `k${(index * 7919) % 101}${index % 3 === 0 ? '_' : ''}`);
    const expected = `{${[...keys].sort().map((key) => `"${key}":1`).join(',')}}`;
    for (const order of [keys, [...keys].reverse(), [...keys].sort()]) expect(canonicalJson(Object.fromEntries(order.map((key) => [key, 1])))).toBe(expected);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });

  it('refuses what JSON.stringify would drop or rewrite, naming where it is', () => {
    expect(refusal({ a: { b: undefined } }).message).toBe('not plain JSON: $.a.b is undefined');
    expect(refusal({ signals: [1, undefined] }).message).toBe('not plain JSON: $.signals[1] is undefined');
    expect(refusal({ 'odd key': NaN }).message).toBe('not plain JSON: $["odd key"] is NaN');
    expect(refusal({ x: Infinity }).message).toMatch(/\$\.x is Infinity/);
    expect(refusal({ x: -Infinity }).message).toMatch(/\$\.x is -Infinity/);
    expect(refusal({ f: () => 1 }).message).toMatch(/\$\.f is a function/);
    expect(refusal({ big: 10n }).message).toMatch(/\$\.big is a bigint/);
    expect(refusal({ s: Symbol('x') }).message).toMatch(/\$\.s is a symbol/);
    expect(refusal({ [Symbol('hidden')]: 1 }).message).toMatch(/symbol keys/);
    expect(refusal({ at: new Date(0) }).message).toMatch(/\$\.at is a Date object/);
    expect(refusal({ m: new Map() }).message).toMatch(/Map object/);
    expect(refusal(undefined).message).toBe('not plain JSON: the value is undefined');
    expect(refusal([1, , 3]).message).toMatch(/\$\[1\] is undefined/);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { again: cycle };
    expect(refusal(cycle).message).toMatch(/\$\.self\.again is a reference to itself/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { id: 'x' };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe('{"a":{"id":"x"},"b":[{"id":"x"},{"id":"x"}]}');
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of the text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('é😀')).toBe(createHash('sha256').update(Buffer.from('é😀', 'utf8')).digest('hex'));
  });
});
