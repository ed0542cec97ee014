import { readUtf8File } from './strict-utf8.ts';

/** One JSON object from an import file and the line it starts on. */
export interface JsonItem {
  line: number;
  value: unknown;
}

export interface JsonFault {
  line: number;
  fault: string;
}

/**
 * Reads JSON Lines (one object per line) or a JSON array of objects. Each element is parsed on its
 * own, so one malformed element is reported with its line and the rest still import.
 */
export function* readJsonText(text: string): Generator<JsonItem | JsonFault> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return;
  if (body[start] === '[') {
    yield* readJsonArray(body, start);
  } else {
    yield* readJsonLines(body);
  }
}

export function readJsonFile(path: string): Generator<JsonItem | JsonFault> {
  return readJsonText(readUtf8File(path));
}

function* readJsonLines(body: string): Generator<JsonItem | JsonFault> {
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!.trim();
    if (text === '') continue;
    yield parseElement(text, index + 1);
  }
}

/** Splits the top-level array into element texts while tracking lines, then parses each one. */
function* readJsonArray(body: string, start: number): Generator<JsonItem | JsonFault> {
  let line = 1;
  for (let index = 0; index < start; index++) if (body.charCodeAt(index) === 10) line++;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let elementStart = -1;
  let elementLine = line;
  for (let index = start; index < body.length; index++) {
    const character = body[index]!;
    if (character === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    if (depth === 1 && elementStart === -1 && !/[\s,\]]/.test(character)) {
      elementStart = index;
      elementLine = line;
    }
    if (character === '[' || character === '{') {
      depth++;
    } else if (character === ']' || character === '}') {
      depth--;
      if (depth === 0) {
        if (elementStart !== -1) yield parseElement(body.slice(elementStart, index), elementLine);
        const rest = body.slice(index + 1).trim();
        if (rest !== '') yield { line, fault: 'unexpected text after the closing ]' };
        return;
      }
    } else if (character === ',' && depth === 1) {
      if (elementStart === -1) yield { line, fault: 'an empty element (two commas in a row)' };
      else yield parseElement(body.slice(elementStart, index), elementLine);
      elementStart = -1;
    }
  }
  yield { line: elementStart === -1 ? line : elementLine, fault: 'the JSON array is never closed (missing ])' };
}

function parseElement(text: string, line: number): JsonItem | JsonFault {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch {
    return { line, fault: 'is not valid JSON' };
  }
}
