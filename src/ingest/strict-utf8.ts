import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { AppError } from '../core/app-error.ts';

/** The first byte that is not UTF-8: its 0-based offset in the file, its line and column (1-based, column in characters). */
export interface Utf8Fault {
  byteOffset: number;
  byte: number;
  line: number;
  column: number;
  /** The file ends inside a character. */
  truncated: boolean;
}

/**
 * A UTF-8 check that keeps its place across chunks, by the byte ranges of RFC 3629 (exactly what the
 * WHATWG decoder accepts): no overlong forms, no surrogates, nothing past U+10FFFF. It only locates
 * a fault the fast decoder has found, so it may take its time.
 */
export class Utf8Scanner {
  private offset = 0;
  private line = 1;
  private column = 1;
  /** Continuation bytes still owed by the character that started at `start` with `lead`. */
  private need = 0;
  private low = 0x80;
  private high = 0xbf;
  private start = 0;
  private lead = 0;

  /** Reads the next bytes; returns the first fault, if any (and must not be called again after one). */
  push(bytes: Uint8Array): Utf8Fault | undefined {
    for (let index = 0; index < bytes.length; index++, this.offset++) {
      const byte = bytes[index]!;
      if (this.need > 0) {
        if (byte < this.low || byte > this.high) return this.fault(this.start, this.lead, false);
        this.low = 0x80;
        this.high = 0xbf;
        if (--this.need === 0) this.column++;
      } else if (byte < 0x80) {
        this.line += byte === 0x0a ? 1 : 0;
        this.column = byte === 0x0a ? 1 : this.column + 1;
      } else {
        this.start = this.offset;
        this.lead = byte;
        if (byte >= 0xc2 && byte <= 0xdf) this.need = 1;
        else if (byte >= 0xe0 && byte <= 0xef) [this.need, this.low, this.high] = [2, byte === 0xe0 ? 0xa0 : 0x80, byte === 0xed ? 0x9f : 0xbf];
        else if (byte >= 0xf0 && byte <= 0xf4) [this.need, this.low, this.high] = [3, byte === 0xf0 ? 0x90 : 0x80, byte === 0xf4 ? 0x8f : 0xbf];
        else return this.fault(this.offset, byte, false);
      }
    }
    return undefined;
  }

  /** The end of the input: a character left unfinished is a fault. */
  end(): Utf8Fault | undefined {
    return this.need > 0 ? this.fault(this.start, this.lead, true) : undefined;
  }

  private fault(byteOffset: number, byte: number, truncated: boolean): Utf8Fault {
    return { byteOffset, byte, line: this.line, column: this.column, truncated };
  }
}

/** The error an import gives for a file that is not UTF-8: where, and what to do. */
export function notUtf8Error(file: string, fault: Utf8Fault | undefined): AppError {
  if (!fault) return new AppError('INVALID_INPUT', `${file}: not valid UTF-8; save it as UTF-8 and import it again (nothing was imported)`, { details: { file } });
  const what = fault.truncated ? 'ends inside a character' : `byte 0x${fault.byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8`;
  return new AppError(
    'INVALID_INPUT',
    `${file}:${fault.line}: column ${fault.column} (byte offset ${fault.byteOffset}): ${what}; the file must be UTF-8 (Latin-1 and Windows-1252 are not): save it as UTF-8 and import it again (nothing was imported)`,
    { details: { file, line: fault.line, column: fault.column, byteOffset: fault.byteOffset } },
  );
}

const fatalDecoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Finds the first fault in a file by reading it again from the start. */
function locateInFile(path: string): Utf8Fault | undefined {
  const scanner = new Utf8Scanner();
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return scanner.end();
      const fault = scanner.push(buffer.subarray(0, bytesRead));
      if (fault) return fault;
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Decodes a file's chunks as strict UTF-8 (a byte-order mark is kept for the reader to drop). Any
 * byte that is not UTF-8 throws INVALID_INPUT naming the line, column and byte offset, instead of
 * turning into a replacement character.
 */
export class StrictUtf8Decoder {
  private readonly decoder = fatalDecoder();

  constructor(private readonly path: string) {}

  write(chunk: Uint8Array): string {
    return this.decode(() => this.decoder.decode(chunk, { stream: true }));
  }

  end(): string {
    return this.decode(() => this.decoder.decode());
  }

  private decode(run: () => string): string {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw notUtf8Error(this.path, locateInFile(this.path));
    }
  }
}

/** A whole file as strict UTF-8 text (see StrictUtf8Decoder). */
export function readUtf8File(path: string): string {
  const bytes = readFileSync(path);
  try {
    return fatalDecoder().decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const scanner = new Utf8Scanner();
    throw notUtf8Error(path, scanner.push(bytes) ?? scanner.end());
  }
}
