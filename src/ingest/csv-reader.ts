import { closeSync, openSync, readSync } from 'node:fs';
import { StrictUtf8Decoder } from './strict-utf8.ts';

/** One CSV record and the line it starts on (1-based, counting the header as line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record that could not be read at all (e.g. an unterminated quote, an oversized field). */
export interface CsvFault {
  line: number;
  fault: string;
  /** The 0-based index of the field at fault, when one field is. */
  fieldIndex?: number;
}

export interface CsvReadOptions {
  /** Largest field accepted, in characters; larger ones are reported, not loaded. */
  maxFieldLength?: number;
  chunkSize?: number;
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/**
 * Streams RFC 4180 CSV from a file: quoted fields with doubled quotes, commas and newlines inside
 * quotes, CRLF or LF line ends and a UTF-8 byte-order mark. Blank lines are skipped. Memory stays
 * bounded by the largest record, so multi-gigabyte files import without loading them whole. Text
 * must be UTF-8: any other byte throws INVALID_INPUT with its line (see StrictUtf8Decoder).
 */
export function* readCsvFile(path: string, options: CsvReadOptions = {}): Generator<CsvRecord | CsvFault> {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(options.chunkSize ?? 1 << 20);
    const decoder = new StrictUtf8Decoder(path);
    const parser = new CsvParser(options.maxFieldLength ?? 1_000_000);
    let first = true;
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      let chunk = decoder.write(buffer.subarray(0, bytesRead));
      // With tiny chunks the decoder may hold back a partial BOM and return nothing yet.
      if (first && chunk.length > 0) {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        first = false;
      }
      yield* parser.push(chunk);
    }
    yield* parser.push(decoder.end());
    yield* parser.finish();
  } finally {
    closeSync(descriptor);
  }
}

/** Parses CSV text held in memory (tests, small inputs). */
export function* readCsvText(text: string, options: CsvReadOptions = {}): Generator<CsvRecord | CsvFault> {
  const parser = new CsvParser(options.maxFieldLength ?? 1_000_000);
  yield* parser.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  yield* parser.finish();
}

/** An incremental state machine: text arrives in chunks and records may span chunk boundaries. */
class CsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Inside quotes, the previous chunk ended on a quote: an escaped quote or the closing one. */
  private pendingQuote = false;
  private fieldWasQuoted = false;
  private line = 1;
  private recordLine = 1;
  /** Index of a field that grew past the limit in the current record, or -1. */
  private oversizedField = -1;

  constructor(private readonly maxFieldLength: number) {}

  *push(chunk: string): Generator<CsvRecord | CsvFault> {
    let segmentStart = 0;
    let index = 0;
    const length = chunk.length;
    if (this.pendingQuote && length > 0) {
      this.pendingQuote = false;
      if (chunk.charCodeAt(0) === QUOTE) {
        this.append('"');
        index = 1;
        segmentStart = 1;
      } else {
        this.inQuotes = false;
      }
    }
    while (index < length) {
      const code = chunk.charCodeAt(index);
      if (this.inQuotes) {
        if (code === QUOTE) {
          this.append(chunk.slice(segmentStart, index));
          if (index + 1 === length) {
            this.pendingQuote = true;
            index++;
            segmentStart = index;
            continue;
          }
          if (chunk.charCodeAt(index + 1) === QUOTE) {
            this.append('"');
            index += 2;
          } else {
            this.inQuotes = false;
            index++;
          }
          segmentStart = index;
          continue;
        }
        if (code === NEWLINE) this.line++;
        index++;
        continue;
      }
      if (code === COMMA) {
        this.append(chunk.slice(segmentStart, index));
        this.endField();
        index++;
        segmentStart = index;
      } else if (code === NEWLINE || code === CARRIAGE_RETURN) {
        this.append(chunk.slice(segmentStart, index));
        index++;
        if (code === NEWLINE) {
          const record = this.endRecord();
          if (record) yield record;
          this.line++;
          this.recordLine = this.line;
        }
        segmentStart = index;
      } else if (code === QUOTE && this.field.length === 0 && index === segmentStart && !this.fieldWasQuoted) {
        this.inQuotes = true;
        this.fieldWasQuoted = true;
        index++;
        segmentStart = index;
      } else {
        index++;
      }
    }
    if (!this.pendingQuote) this.append(chunk.slice(segmentStart, length));
  }

  *finish(): Generator<CsvRecord | CsvFault> {
    if (this.inQuotes && !this.pendingQuote) {
      yield { line: this.recordLine, fault: 'a quoted field is never closed (missing closing ")' };
      return;
    }
    this.inQuotes = false;
    this.pendingQuote = false;
    const record = this.endRecord();
    if (record) yield record;
  }

  private append(text: string): void {
    if (text.length === 0 || this.oversizedField !== -1) return;
    if (this.field.length + text.length > this.maxFieldLength) {
      this.oversizedField = this.fields.length;
      this.field = '';
      return;
    }
    this.field += text;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldWasQuoted = false;
  }

  private endRecord(): CsvRecord | CsvFault | undefined {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    if (this.oversizedField !== -1) {
      const fieldIndex = this.oversizedField;
      this.oversizedField = -1;
      return { line: this.recordLine, fault: `longer than ${this.maxFieldLength} characters`, fieldIndex };
    }
    // Blank lines, including lines of only spaces, are not records.
    if (fields.length === 1 && fields[0]!.trim() === '') return undefined;
    return { line: this.recordLine, fields };
  }
}

export function isCsvFault(item: CsvRecord | CsvFault): item is CsvFault {
  return 'fault' in item;
}
