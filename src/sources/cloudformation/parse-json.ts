import { InputError } from '../input-error.js';
import type { SourceMap } from './source-map.js';
import { MAX_TEMPLATE_DEPTH, setOwnProperty } from './source-map.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A JSON reader that records the line of every object key. `JSON.parse` gives no positions, and the `yaml`
 * parser, which does, is about a hundred times slower on a large template; this stays within a few times
 * `JSON.parse`.
 */
class LineAwareJsonReader {
  private pos = 0;
  private line = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly map: SourceMap,
  ) {}

  readDocument(): unknown {
    this.skipWhitespace();
    const value = this.readValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON document');
    return value;
  }

  private fail(message: string): never {
    throw new InputError(this.file, `invalid JSON: ${message}`, this.line, 'cloudformation');
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 10) this.line++;
      else if (code !== 32 && code !== 9 && code !== 13) break;
      pos++;
    }
    this.pos = pos;
  }

  private readValue(depth: number): unknown {
    if (depth > MAX_TEMPLATE_DEPTH) this.fail(`nesting deeper than ${MAX_TEMPLATE_DEPTH} levels`);
    const char = this.text[this.pos];
    switch (char) {
      case '{':
        return this.readObject(depth);
      case '[':
        return this.readArray(depth);
      case '"':
        return this.readString();
      case 't':
        return this.readWord('true', true);
      case 'f':
        return this.readWord('false', false);
      case 'n':
        return this.readWord('null', null);
      case undefined:
        return this.fail('unexpected end of input');
      default:
        return this.readNumber();
    }
  }

  private readObject(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('expected a quoted property name');
      const keyLine = this.line;
      const key = this.readString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after property name "${key}"`);
      this.pos++;
      this.skipWhitespace();
      setOwnProperty(result, key, this.readValue(depth + 1));
      this.map.recordKey(result, key, keyLine);
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return result;
      if (next !== ',') this.fail("expected ',' or '}' in an object");
      this.skipWhitespace();
    }
  }

  private readArray(depth: number): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.readValue(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return result;
      if (next !== ',') this.fail("expected ',' or ']' in an array");
      this.skipWhitespace();
    }
  }

  private readString(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 34) break;
      if (Number.isNaN(code)) this.fail('unterminated string');
      if (code < 32) this.fail('control character in a string');
      if (code === 92) {
        escaped = true;
        pos++;
      }
      pos++;
    }
    this.pos = pos + 1;
    if (!escaped) return text.slice(start + 1, pos);
    try {
      return JSON.parse(text.slice(start, pos + 1)) as string;
    } catch {
      return this.fail('invalid escape in a string');
    }
  }

  private readWord<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`unexpected character '${this.text[this.pos]}'`);
    this.pos += word.length;
    return value;
  }

  private readNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null || match[0] === '') this.fail(`unexpected character '${this.text[this.pos]}'`);
    this.pos += match[0].length;
    return Number(match[0]);
  }
}

/** Parses JSON text into plain values and records each key's line in `map`; a syntax error gives an InputError. */
export function parseJsonWithLines(text: string, file: string, map: SourceMap): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return new LineAwareJsonReader(body, file, map).readDocument();
}
