import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from './input-error.js';
import { binaryInputError, byteOrderMark, describeJsonSyntaxError } from './read-input.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

const isWhitespace = (byte: number): boolean =>
  byte === 0x20 || byte === NEWLINE || byte === 0x0d || byte === 0x09;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** How many backslashes stand right before `end`, counting no further back than `start`. */
function backslashesBefore(buffer: Buffer, start: number, end: number): number {
  let index = end;
  while (index > start && buffer[index - 1] === BACKSLASH) index -= 1;
  return end - index;
}

/** Bytes read from the file at a time; a value being kept may make the window larger than this. */
const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

/** How many distinct short strings a stream keeps for reuse: far more than a plan's keys and resource types. */
const SHORT_STRINGS_KEPT = 4096;

/**
 * Reads one JSON document from a file through a sliding window of bytes, so that a document larger than any
 * string V8 can hold can still be read. The caller walks the structure it cares about (objects, arrays, keys)
 * and either skips a value, which only finds where it ends, or parses it with the native `JSON.parse` from the
 * window. Skipped values are checked for balanced brackets and closed strings, not for full JSON syntax.
 */
export class JsonByteStream {
  private buffer: Buffer;
  /** Bytes of `buffer` that hold file content. */
  private length = 0;
  /** Next byte to read, as an index into `buffer`. */
  private position = 0;
  /** File offset of `buffer[0]`. */
  private base = 0;
  /** Index of the first byte that must stay in the window (the start of a value being kept), or -1. */
  private mark = -1;
  private fileOffset = 0;
  private ended = false;
  /** Short strings already made, by a hash of their bytes (see shortAsciiString). */
  private readonly shortStrings = new Map<number, string>();

  private constructor(
    private readonly descriptor: number,
    private readonly shown: string,
    private readonly chunkBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Opens a file; the caller closes it. A UTF-8 byte-order mark is passed over. */
  static open(path: string, shown: string, chunkBytes = DEFAULT_CHUNK_BYTES): JsonByteStream {
    // At least a byte-order mark's worth, so that the first window can show one.
    const stream = new JsonByteStream(openSync(path, 'r'), shown, Math.max(chunkBytes, 4));
    stream.fill();
    const buffer = stream.buffer;
    if (byteOrderMark(buffer)?.encoding === 'utf-8') stream.position = 3;
    const nul = buffer.subarray(0, stream.length).indexOf(0);
    if (nul >= 0) {
      stream.close();
      throw binaryInputError(shown, nul);
    }
    return stream;
  }

  close(): void {
    closeSync(this.descriptor);
  }

  /** The file offset of the next byte. */
  get offset(): number {
    return this.base + this.position;
  }

  /** Moves the window on; false at the end of the file. Keeps everything from the mark (or the position) on. */
  private fill(): boolean {
    if (this.ended) return false;
    const keepFrom = this.mark >= 0 ? this.mark : this.position;
    const kept = this.length - keepFrom;
    let target = this.buffer;
    if (kept + this.chunkBytes > target.length) {
      target = Buffer.allocUnsafe(Math.max(target.length * 2, kept + this.chunkBytes));
    }
    this.buffer.copy(target, 0, keepFrom, this.length);
    this.buffer = target;
    this.base += keepFrom;
    this.position -= keepFrom;
    if (this.mark >= 0) this.mark -= keepFrom;
    this.length = kept;
    const read = readSync(this.descriptor, target, kept, target.length - kept, this.fileOffset);
    this.fileOffset += read;
    this.length += read;
    if (read === 0) this.ended = true;
    return read > 0;
  }

  /** The next byte that is not whitespace, without consuming it; -1 at the end of the file. */
  peek(): number {
    for (;;) {
      while (this.position < this.length) {
        const byte = this.buffer[this.position] ?? 0;
        if (!isWhitespace(byte)) return byte;
        this.position += 1;
      }
      if (!this.fill()) return -1;
    }
  }

  /** Consumes the next non-whitespace byte, which must be `byte`. */
  expect(byte: number): void {
    const found = this.peek();
    if (found !== byte) this.failAt(this.offset, found);
    this.position += 1;
  }

  /** Walks an object member by member; `onMember` must consume the value. */
  forEachMember(onMember: (key: string) => void): void {
    this.expect(OPEN_BRACE);
    if (this.peek() === CLOSE_BRACE) {
      this.position += 1;
      return;
    }
    for (;;) {
      const key = this.readString();
      this.expect(COLON);
      if (this.peek() === -1) this.failAt(this.offset, -1);
      onMember(key);
      const next = this.peek();
      this.position += 1;
      if (next === CLOSE_BRACE) return;
      if (next !== COMMA) this.failAt(this.offset - 1, next);
    }
  }

  /** Walks an array element by element; `onElement` must consume the element. */
  forEachElement(onElement: () => void): void {
    this.expect(OPEN_BRACKET);
    if (this.peek() === CLOSE_BRACKET) {
      this.position += 1;
      return;
    }
    for (;;) {
      if (this.peek() === -1) this.failAt(this.offset, -1);
      onElement();
      const next = this.peek();
      this.position += 1;
      if (next === CLOSE_BRACKET) return;
      if (next !== COMMA) this.failAt(this.offset - 1, next);
    }
  }

  /** Reads a string value (the next byte must be a quote). */
  readString(): string {
    if (this.peek() !== QUOTE) this.failAt(this.offset, this.peek());
    const ownMark = this.mark < 0;
    if (ownMark) this.mark = this.position;
    const start = this.offset;
    this.scan();
    const short = this.shortAsciiString(start - this.base + 1, this.position - 1);
    if (short !== undefined) {
      if (ownMark) this.mark = -1;
      return short;
    }
    const text = this.decode(start - this.base, this.position);
    if (ownMark) this.mark = -1;
    return this.parseText(text, start) as string;
  }

  /** Passes over a string value (the next byte must be a quote) without decoding it; gives its length in bytes as written. */
  passString(): number {
    if (this.peek() !== QUOTE) this.failAt(this.offset, this.peek());
    const start = this.offset;
    this.scan();
    return this.offset - start - 2;
  }

  /** Passes over the next value, whatever it is. */
  skipValue(): void {
    this.scan();
  }

  /** Parses the next value with `JSON.parse`. */
  parseValue(): unknown {
    this.beginValue();
    this.scan();
    return this.endValue();
  }

  /** Marks the start of a value that `endValue` will parse; the walk in between must stay inside it. */
  beginValue(): void {
    if (this.mark >= 0) throw new Error('JsonByteStream: a value is already being kept');
    this.peek();
    this.mark = this.position;
  }

  /** Parses the bytes from `beginValue` to here. */
  endValue(): unknown {
    const start = this.mark;
    this.mark = -1;
    return this.parseText(this.decode(start, this.position), this.base + start);
  }

  /** Drops a value begun with `beginValue`. */
  dropValue(): void {
    this.mark = -1;
  }

  /** Fails unless only whitespace is left. */
  expectEnd(): void {
    const found = this.peek();
    if (found !== -1) {
      throw new InputError(this.shown, 'has text after the end of the JSON value', this.lineAt(this.offset));
    }
  }

  /**
   * Finds the end of the value that starts at the next byte. Only quotes, escapes and brackets matter, which is what
   * makes this fast enough to pass over most of a large plan without parsing it. Inside a string the next quote is
   * found with the native `indexOf`, and the backslashes just before it tell whether it ends the string.
   */
  private scan(): void {
    const first = this.peek();
    if (first === -1) this.failAt(this.offset, -1);
    if (first !== QUOTE && first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      this.scanScalar();
      return;
    }
    let depth = 0;
    let inString = false;
    let escaped = false;
    for (;;) {
      const buffer = this.buffer;
      const length = this.length;
      let index = this.position;
      if (escaped && index < length) {
        index += 1;
        escaped = false;
      }
      while (index < length) {
        if (inString) {
          // Where the string resumes, no escape is pending: backslashes before a quote count from here.
          const resume = index;
          const quote = buffer.indexOf(QUOTE, index);
          if (quote === -1 || quote >= length) {
            escaped = backslashesBefore(buffer, resume, length) % 2 === 1;
            index = length;
            break;
          }
          index = quote + 1;
          if (backslashesBefore(buffer, resume, quote) % 2 === 1) continue;
          inString = false;
          if (depth === 0) {
            this.position = index;
            return;
          }
          continue;
        }
        const byte = buffer[index];
        index += 1;
        if (byte === QUOTE) {
          inString = true;
        } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
          depth += 1;
        } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          depth -= 1;
          if (depth === 0) {
            this.position = index;
            return;
          }
        }
      }
      this.position = length;
      if (!this.fill()) this.failAt(this.offset, -1);
    }
  }

  /** A number, `true`, `false` or `null`: runs to the next delimiter; `JSON.parse` checks it if it is kept. */
  private scanScalar(): void {
    for (;;) {
      while (this.position < this.length) {
        const byte = this.buffer[this.position] ?? 0;
        if (
          byte === COMMA ||
          byte === CLOSE_BRACE ||
          byte === CLOSE_BRACKET ||
          byte === COLON ||
          isWhitespace(byte)
        ) {
          return;
        }
        this.position += 1;
      }
      if (!this.fill()) return;
    }
  }

  /**
   * Keys and the mode and type of entries are short ASCII without escapes: built here, they cost neither a call into
   * the decoder nor a `JSON.parse`, which matters at a dozen keys per resource entry. The same few dozen recur in
   * every entry, so each is made once and found again by a hash of its bytes.
   */
  private shortAsciiString(start: number, end: number): string | undefined {
    if (end - start > 64) return undefined;
    let hash = end - start;
    for (let index = start; index < end; index += 1) {
      const byte = this.buffer[index] ?? 0;
      if (byte >= 0x80 || byte === BACKSLASH || byte < 0x20) return undefined;
      hash = (Math.imul(hash, 31) + byte) | 0;
    }
    const known = this.shortStrings.get(hash);
    if (known !== undefined && this.holds(known, start, end)) return known;
    const text = this.buffer.toString('latin1', start, end);
    if (this.shortStrings.size < SHORT_STRINGS_KEPT) this.shortStrings.set(hash, text);
    return text;
  }

  /** Whether the window's bytes from `start` to `end` are the ASCII string `text`. */
  private holds(text: string, start: number, end: number): boolean {
    if (text.length !== end - start) return false;
    for (let index = 0; index < text.length; index += 1) {
      if (text.charCodeAt(index) !== this.buffer[start + index]) return false;
    }
    return true;
  }

  private decode(start: number, end: number): string {
    const text = this.buffer.toString('utf8', start, end);
    // The lenient decoder is much faster; only a replacement character (rare, and possibly real) needs the check.
    if (text.includes('\uFFFD')) {
      try {
        STRICT_UTF8.decode(this.buffer.subarray(start, end));
      } catch {
        throw new InputError(this.shown, 'is not valid UTF-8 text', this.lineAt(this.base + start));
      }
    }
    return text;
  }

  private parseText(text: string, fileOffset: number): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const { what, offset } = describeJsonSyntaxError(text, error);
      // The offset counts characters of this value; for ASCII text that is also bytes, and close enough otherwise.
      throw new InputError(this.shown, what, this.lineAt(fileOffset + (offset ?? 0)));
    }
  }

  private failAt(fileOffset: number, found: number): never {
    const what = found === -1 ? 'ends before the JSON is complete' : 'is not valid JSON';
    throw new InputError(this.shown, what, this.lineAt(fileOffset));
  }

  /** The 1-based line of a file offset, counted by reading the file again; only errors ask for it. */
  lineAt(fileOffset: number): number {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let line = 1;
    let offset = 0;
    while (offset < fileOffset) {
      const read = readSync(this.descriptor, chunk, 0, Math.min(chunk.length, fileOffset - offset), offset);
      if (read === 0) break;
      let index = chunk.indexOf(NEWLINE, 0);
      while (index >= 0 && index < read) {
        line += 1;
        index = chunk.indexOf(NEWLINE, index + 1);
      }
      offset += read;
    }
    return line;
  }
}
