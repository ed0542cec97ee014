import { hash } from 'node:crypto';
import { AppError } from '../core/app-error.ts';

/**
 * Deterministic JSON for hashing: object keys sorted (by UTF-16 code units, as RFC 8785 does) at
 * every depth, arrays in order, no whitespace, strings and numbers written as JSON.stringify writes
 * them (-0 becomes 0). The same value always gives the same text, on every machine.
 *
 * Only plain JSON is accepted: null, booleans, finite numbers, strings, arrays and plain objects.
 * undefined (also inside arrays and as an object value), NaN, Infinity, functions, bigints,
 * symbols, symbol keys, cycles and class instances (Date, Map, Buffer...) are refused with AppError
 * INVALID_INPUT naming where they are, since JSON.stringify would drop or rewrite them silently and
 * the text would no longer be what the caller meant.
 */
export function canonicalJson(value: unknown): string {
  try {
    const text = write(value, []);
    // The text is a rope of many small pieces; reading one character makes V8 copy it flat once here,
    // instead of the hash and the SQLite binding each walking the rope (npm run bench: ~15 % of an append).
    text.charCodeAt(0);
    return text;
  } catch (error) {
    if (error instanceof Unsupported) {
      const where = error.path.length === 0 ? 'the value' : `$${error.path.join('')}`;
      throw new AppError('INVALID_INPUT', `not plain JSON: ${where} is ${error.what}`, { details: { path: where } });
    }
    throw error;
  }
}

/** The sha256 of a text's UTF-8 bytes, as 64 lower-case hex digits (one-shot: no Hash object per record). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

class Unsupported extends Error {
  readonly path: string[] = [];
  constructor(readonly what: string) {
    super(what);
  }
}

/** Quoted object keys, kept for the next payload: most payloads share their keys (bounded). */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_KEPT = 10_000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** What JSON.stringify escapes in a string: quote, backslash, C0 controls and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Sorts keys in place by UTF-16 code units: an insertion sort, a third of Array#sort's cost on a handful of keys. */
function sortKeys(keys: string[]): void {
  for (let index = 1; index < keys.length; index++) {
    const key = keys[index]!;
    let at = index - 1;
    while (at >= 0 && keys[at]! > key) {
      keys[at + 1] = keys[at]!;
      at--;
    }
    keys[at + 1] = key;
  }
}

/** `ancestors` holds the objects being written above this one (a short array: cheaper than a Set). */
function write(value: unknown, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      // Most strings need no escaping, and a regex test is half the cost of JSON.stringify's call.
      return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Unsupported(String(value));
      return JSON.stringify(value);
    case 'undefined':
      throw new Unsupported('undefined');
    case 'function':
      throw new Unsupported('a function');
    case 'bigint':
      throw new Unsupported('a bigint');
    case 'symbol':
      throw new Unsupported('a symbol');
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.includes(object)) throw new Unsupported('a reference to itself (a cycle)');
  ancestors.push(object);
  try {
    if (Array.isArray(object)) return writeArray(object, ancestors);
    const prototype = Object.getPrototypeOf(object) as object | null;
    if (prototype !== Object.prototype && prototype !== null) {
      throw new Unsupported(`a ${object.constructor?.name ?? 'non-plain'} object, not a plain one`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) throw new Unsupported('an object with symbol keys');
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record);
    sortKeys(keys);
    let text = '{';
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      try {
        if (index > 0) text += ',';
        text += `${quoteKey(key)}:${write(record[key], ancestors)}`;
      } catch (error) {
        if (error instanceof Unsupported) error.path.unshift(/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
        throw error;
      }
    }
    return `${text}}`;
  } finally {
    ancestors.pop();
  }
}

function writeArray(array: readonly unknown[], ancestors: object[]): string {
  let text = '[';
  // An index loop, not map: a hole in a sparse array reads as undefined and is refused.
  for (let index = 0; index < array.length; index++) {
    try {
      if (index > 0) text += ',';
      text += write(array[index], ancestors);
    } catch (error) {
      if (error instanceof Unsupported) error.path.unshift(`[${index}]`);
      throw error;
    }
  }
  return `${text}]`;
}
