import { constants } from 'node:buffer';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { InputError } from './input-error.js';

/** What every file-reading source needs from its context. */
export interface ReadLimits {
  /** Largest input, in bytes, that may be read. */
  readonly maxInputBytes: number;
}

/** Why a file could not be stated or read, from the system's error code, in words (never the error's own text). */
export function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return 'is a directory, but a file was expected';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a symbolic link loop';
  return `cannot be read (${code ?? 'unknown error'})`;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Node reads at most 2 GiB - 1 into one buffer. The default limit is exactly 2 GiB, so a file of that size passed
 * the limit and then failed inside readFile with a bare ERR_FS_FILE_TOO_LARGE; it is refused by its size instead.
 */
const MAX_READABLE_BYTES = 2 ** 31 - 1;

/**
 * Decodes file bytes: UTF-16 LE or BE with a byte-order mark (plans redirected by PowerShell), otherwise strict
 * UTF-8 with an optional BOM. Binary content (NUL bytes) and invalid UTF-8 are refused, naming the byte offset.
 */
export function decodeInputText(bytes: Uint8Array, shown: string): string {
  try {
    return decodeBytes(bytes, shown);
  } catch (error) {
    // V8 cannot hold more than about 512 MiB of text in one string; its own message names no file.
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'ERR_STRING_TOO_LONG' ||
      (error instanceof RangeError && /string longer than/i.test(error.message))
    ) {
      throw new InputError(
        shown,
        `is ${bytes.length} bytes, more text than one string can hold (${constants.MAX_STRING_LENGTH} characters); ` +
          'only Terraform plans in UTF-8 are read in pieces',
      );
    }
    throw error;
  }
}

/** The error for a file with a NUL byte, which no text input has. */
export function binaryInputError(shown: string, offset: number): InputError {
  return new InputError(
    shown,
    `is binary, not text (a NUL byte at offset ${offset}); expected a UTF-8 or UTF-16 text file`,
  );
}

/** The encoding a byte-order mark at the start of a file names, and the mark's length in bytes. */
export interface ByteOrderMark {
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  readonly length: number;
}

/** Reads the byte-order mark at the start of `bytes`, if any. */
export function byteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  return undefined;
}

function decodeBytes(bytes: Uint8Array, shown: string): string {
  const mark = byteOrderMark(bytes);
  if (mark !== undefined && mark.encoding !== 'utf-8') {
    return new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw binaryInputError(shown, nul);
  const start = mark?.length ?? 0;
  const body = bytes.subarray(start);
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  // The lenient decoder is several times faster; a replacement character in its output is the only sign of bad
  // bytes, and only then is the strict decoder run (the text may also hold a real U+FFFD).
  if (!text.includes('\uFFFD')) return text;
  try {
    return UTF8.decode(body);
  } catch {
    throw new InputError(shown, `is not valid UTF-8 text (at byte ${firstInvalidUtf8(bytes, start)})`);
  }
}

/** The offset of the first byte that breaks UTF-8, for the error message; only called on failure. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let index = start;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let offset = 1; offset < length; offset += 1) {
      if (((bytes[index + offset] ?? 0) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return index;
}

/** The size of a stated file, refusing a directory and a file larger than the limit. */
function sizeWithinLimit(info: Stats, shown: string, limits: ReadLimits): number {
  if (info.isDirectory()) throw new InputError(shown, 'is a directory, but a file was expected');
  if (info.size > limits.maxInputBytes) {
    throw new InputError(
      shown,
      `is ${info.size} bytes, larger than the limit of ${limits.maxInputBytes} bytes; raise --max-input-size`,
    );
  }
  return info.size;
}

/**
 * Checks that a path is a readable file within the size limit and returns its size; a directory, a missing or
 * unreadable file, and a file larger than the limit each give an InputError that names the file as shown.
 */
export async function checkInputFile(path: string, shown: string, limits: ReadLimits): Promise<number> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(shown, describeFailure(error));
  }
  return sizeWithinLimit(info, shown, limits);
}

/** Tells whether a file starts with a UTF-16 byte-order mark (a plan redirected by PowerShell). */
export async function hasUtf16ByteOrderMark(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const start = Buffer.alloc(2);
    await handle.read(start, 0, 2, 0);
    return byteOrderMark(start)?.encoding.startsWith('utf-16') === true;
  } finally {
    await handle.close();
  }
}

function refuseUnreadableSize(size: number, shown: string): void {
  if (size > MAX_READABLE_BYTES) {
    throw new InputError(
      shown,
      `is ${size} bytes, larger than the ${MAX_READABLE_BYTES} bytes a file can be read into memory at once`,
    );
  }
}

/** Reads a text input whole, after the checks of `checkInputFile`. */
export async function readInputText(path: string, shown: string, limits: ReadLimits): Promise<string> {
  refuseUnreadableSize(await checkInputFile(path, shown, limits), shown);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(shown, describeFailure(error));
  }
  return decodeInputText(bytes, shown);
}

/**
 * `readInputText` without leaving the thread, for many small files read one after another (a directory of `.tf`
 * files): each asynchronous read costs several trips through the event loop, which add up to more than the reads.
 */
export function readInputTextSync(path: string, shown: string, limits: ReadLimits): string {
  let bytes: Buffer;
  try {
    refuseUnreadableSize(sizeWithinLimit(statSync(path), shown, limits), shown);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(shown, describeFailure(error));
  }
  return decodeInputText(bytes, shown);
}

/** The 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  let index = text.indexOf('\n');
  while (index >= 0 && index < offset) {
    line += 1;
    index = text.indexOf('\n', index + 1);
  }
  return line;
}

/** Finds the character offset in a JSON.parse message ("at position 12", or "(line 3 column 4)" on newer V8). */
function offsetOfSyntaxError(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn?.[1] !== undefined && lineColumn[2] !== undefined) {
    let offset = 0;
    for (let line = 1; line < Number(lineColumn[1]); line += 1) {
      const next = text.indexOf('\n', offset);
      if (next < 0) break;
      offset = next + 1;
    }
    return offset + Number(lineColumn[2]) - 1;
  }
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  return undefined;
}

/** What a `JSON.parse` failure on `text` means for the user, and the character offset where parsing stopped. */
export function describeJsonSyntaxError(
  text: string,
  error: unknown,
): { what: string; offset: number | undefined } {
  const message = error instanceof Error ? error.message : String(error);
  const offset = offsetOfSyntaxError(text, message);
  const what =
    /Unexpected end/.test(message) || (offset !== undefined && offset >= text.trimEnd().length)
      ? 'ends before the JSON is complete'
      : /non-whitespace character after JSON/.test(message)
        ? 'has text after the end of the JSON value'
        : 'is not valid JSON';
  return { what, offset };
}

/**
 * Parses JSON text once. A syntax error becomes an InputError with the line where parsing stopped, and the
 * parser's words without the echo of the input (which may hold secrets).
 */
export function parseJsonInput(text: string, shown: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { what, offset } = describeJsonSyntaxError(text, error);
    throw new InputError(shown, what, offset === undefined ? undefined : lineOfOffset(text, offset));
  }
}
