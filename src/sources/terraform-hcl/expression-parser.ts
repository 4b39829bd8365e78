import type { Expression, TraversalStep } from './expression.js';

/** An expression the parser cannot read; the evaluator turns it into an Unknown that quotes the text. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
}

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['+', '-'],
  ['*', '/', '%'],
];

/** The first characters of all binary operators: anything else after an operand ends the binary expression. */
const OPERATOR_STARTS: ReadonlySet<string> = new Set(
  BINARY_LEVELS.flat().map((operator) => operator[0] ?? ''),
);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function isLetterOrUnderscore(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

function isIdentifierStart(char: string | undefined): boolean {
  return char !== undefined && isLetterOrUnderscore(char.charCodeAt(0));
}

function isIdentifierPart(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return isLetterOrUnderscore(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/** What `/\s/` matches, answered without a regular expression for ASCII, where nearly every character is. */
function isBlank(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(char);
}

/** Characters that may start something other than literal text inside a template. */
function mayEndLiteralRun(code: number): boolean {
  return code === 0x24 || code === 0x25 || code === 0x5c || code === 0x22; // $ % \ "
}

/**
 * A scannerless recursive-descent reader for the part of HCL native syntax that configuration values use. Newlines
 * are treated as blanks: inside one attribute value they only separate object items, which the grammar allows anyway.
 */
class ExpressionReader {
  private position = 0;

  constructor(private readonly source: string) {}

  readWhole(): Expression {
    const expression = this.readExpression();
    this.skipBlanks();
    if (this.position < this.source.length) this.fail('unexpected text after the expression');
    return expression;
  }

  /** Reads a template body that is not quoted (a heredoc body, or a string hcl2json has already unescaped). */
  readRawTemplate(): Expression {
    const parts = this.readTemplateParts(null);
    return this.template(parts, 0);
  }

  private fail(message: string): never {
    throw new ExpressionSyntaxError(`${message} at offset ${this.position}`);
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.position + offset];
  }

  private startsWith(text: string): boolean {
    return this.source.startsWith(text, this.position);
  }

  private skipBlanks(): void {
    for (;;) {
      const char = this.peek();
      if (char === undefined) return;
      if (isBlank(char)) {
        this.position += 1;
      } else if (char === '#' || this.startsWith('//')) {
        const end = this.source.indexOf('\n', this.position);
        this.position = end === -1 ? this.source.length : end + 1;
      } else if (this.startsWith('/*')) {
        const end = this.source.indexOf('*/', this.position + 2);
        if (end === -1) this.fail('unterminated comment');
        this.position = end + 2;
      } else {
        return;
      }
    }
  }

  private expect(text: string): void {
    this.skipBlanks();
    if (!this.startsWith(text)) this.fail(`expected "${text}"`);
    this.position += text.length;
  }

  private textFrom(start: number): string {
    return this.source.slice(start, this.position).trim();
  }

  private readExpression(): Expression {
    this.skipBlanks();
    const start = this.position;
    const condition = this.readBinary(0);
    this.skipBlanks();
    if (this.peek() !== '?') return condition;
    this.position += 1;
    const whenTrue = this.readExpression();
    this.expect(':');
    const whenFalse = this.readExpression();
    return { kind: 'conditional', condition, whenTrue, whenFalse, text: this.textFrom(start) };
  }

  private readBinary(level: number): Expression {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) return this.readUnary();
    this.skipBlanks();
    const start = this.position;
    let left = this.readBinary(level + 1);
    for (;;) {
      this.skipBlanks();
      if (!OPERATOR_STARTS.has(this.peek() ?? '')) return left;
      const operator = operators.find((candidate) => this.startsWith(candidate));
      if (operator === undefined) return left;
      this.position += operator.length;
      const right = this.readBinary(level + 1);
      left = { kind: 'binary', operator, left, right, text: this.textFrom(start) };
    }
  }

  private readUnary(): Expression {
    this.skipBlanks();
    const start = this.position;
    const char = this.peek();
    if (char === '!' || (char === '-' && !/[0-9]/.test(this.peek(1) ?? ''))) {
      this.position += 1;
      const operand = this.readUnary();
      return { kind: 'unary', operator: char, operand, text: this.textFrom(start) };
    }
    return this.readPostfix();
  }

  private readPostfix(): Expression {
    this.skipBlanks();
    const start = this.position;
    const target = this.readPrimary();
    const steps: TraversalStep[] = [];
    for (;;) {
      if (this.startsWith('.*')) {
        this.position += 2;
        steps.push({ kind: 'splat' });
      } else if (this.peek() === '.' && isIdentifierStart(this.peek(1))) {
        this.position += 1;
        steps.push({ kind: 'attribute', name: this.readIdentifier() });
      } else if (this.peek() === '.' && /[0-9]/.test(this.peek(1) ?? '')) {
        this.position += 1;
        const digits = /^[0-9]+/.exec(this.source.slice(this.position))?.[0] ?? '';
        this.position += digits.length;
        steps.push({ kind: 'index', key: { kind: 'literal', value: Number(digits), text: digits } });
      } else if (this.peek() === '[') {
        this.position += 1;
        this.skipBlanks();
        if (this.peek() === '*') {
          this.position += 1;
          this.expect(']');
          steps.push({ kind: 'splat' });
        } else {
          const key = this.readExpression();
          this.expect(']');
          steps.push({ kind: 'index', key });
        }
      } else {
        break;
      }
    }
    if (steps.length === 0) return target;
    return { kind: 'access', target, steps, text: this.textFrom(start) };
  }

  private readIdentifier(): string {
    const start = this.position;
    if (!isIdentifierStart(this.peek())) this.fail('expected a name');
    while (isIdentifierPart(this.peek())) this.position += 1;
    return this.source.slice(start, this.position);
  }

  private readPrimary(): Expression {
    this.skipBlanks();
    const start = this.position;
    const char = this.peek();
    if (char === undefined) this.fail('unexpected end of expression');
    if (char === '"') {
      this.position += 1;
      const parts = this.readTemplateParts('"');
      this.position += 1;
      return this.template(parts, start);
    }
    if (this.startsWith('<<')) return this.readHeredoc();
    if (char === '(') {
      this.position += 1;
      const inner = this.readExpression();
      this.expect(')');
      return inner;
    }
    if (char === '[') return this.readTuple();
    if (char === '{') return this.readObject();
    if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(this.peek(1) ?? ''))) return this.readNumber();
    if (isIdentifierStart(char)) {
      const name = this.readIdentifier();
      if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', text: name };
      if (name === 'null') return { kind: 'literal', value: null, text: name };
      this.skipBlanks();
      if (this.peek() === '(') return this.readCall(name, start);
      return { kind: 'variable', name, text: name };
    }
    this.fail(`unexpected "${char}"`);
  }

  private readNumber(): Expression {
    const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.source.slice(this.position));
    if (match === null) this.fail('expected a number');
    this.position += match[0].length;
    return { kind: 'literal', value: Number(match[0]), text: match[0] };
  }

  private readCall(name: string, start: number): Expression {
    this.expect('(');
    const args: Expression[] = [];
    let expand = false;
    for (;;) {
      this.skipBlanks();
      if (this.peek() === ')') break;
      args.push(this.readExpression());
      this.skipBlanks();
      if (this.startsWith('...')) {
        this.position += 3;
        expand = true;
        this.skipBlanks();
      }
      if (this.peek() === ',') this.position += 1;
      else if (this.peek() !== ')') this.fail('expected "," or ")"');
    }
    this.position += 1;
    return { kind: 'call', name, args, expand, text: this.textFrom(start) };
  }

  private readTuple(): Expression {
    const start = this.position;
    this.position += 1;
    this.skipBlanks();
    if (this.startsWith('for') && !isIdentifierPart(this.peek(3))) return this.skipBalanced(start, '[', ']');
    const items: Expression[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.peek() === ']') break;
      items.push(this.readExpression());
      this.skipBlanks();
      if (this.peek() === ',') this.position += 1;
      else if (this.peek() !== ']') this.fail('expected "," or "]"');
    }
    this.position += 1;
    return { kind: 'tuple', items, text: this.textFrom(start) };
  }

  private readObject(): Expression {
    const start = this.position;
    this.position += 1;
    this.skipBlanks();
    if (this.startsWith('for') && /\s/.test(this.peek(3) ?? '')) return this.skipBalanced(start, '{', '}');
    const items: { key: Expression; value: Expression }[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '}') break;
      const key = this.readObjectKey();
      this.skipBlanks();
      if (this.peek() === '=' || this.peek() === ':') this.position += 1;
      else this.fail('expected "=" or ":" after an object key');
      const value = this.readExpression();
      items.push({ key, value });
      this.skipBlanks();
      if (this.peek() === ',') this.position += 1;
    }
    this.position += 1;
    return { kind: 'object', items, text: this.textFrom(start) };
  }

  /** A bare name as a key is its literal text, as HCL reads `{ Version = ... }`; anything else is an expression. */
  private readObjectKey(): Expression {
    this.skipBlanks();
    const start = this.position;
    if (isIdentifierStart(this.peek())) {
      const name = this.readIdentifier();
      this.skipBlanks();
      if (this.peek() === '=' || this.peek() === ':') return { kind: 'literal', value: name, text: name };
      this.position = start;
    }
    return this.readBinary(0);
  }

  /** Steps over a construct it does not interpret, keeping its text. */
  private skipBalanced(start: number, open: string, close: string): Expression {
    let depth = 1;
    while (depth > 0) {
      const char = this.peek();
      if (char === undefined) this.fail(`unterminated "${open}"`);
      if (char === '"') {
        this.position += 1;
        this.readTemplateParts('"');
        this.position += 1;
        continue;
      }
      if (char === open) depth += 1;
      if (char === close) depth -= 1;
      this.position += 1;
    }
    return { kind: 'opaque', text: this.textFrom(start) };
  }

  private readHeredoc(): Expression {
    const start = this.position;
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.source.slice(this.position));
    if (header === null) this.fail('malformed heredoc');
    const [whole, indentMarker, marker] = header;
    const bodyStart = this.position + whole.length;
    const closing = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'm');
    const rest = this.source.slice(bodyStart);
    const end = closing.exec(rest);
    if (end === null || marker === undefined) this.fail('unterminated heredoc');
    let body = rest.slice(0, end.index);
    if (indentMarker === '-') body = removeCommonIndent(body);
    this.position = bodyStart + end.index + end[0].length;
    const parts = new ExpressionReader(body).readTemplateParts(null);
    return this.template(parts, start);
  }

  /**
   * Reads template parts up to `terminator` (a quote) or the end of the text. Quoted strings process escapes;
   * unquoted bodies only the `$${` and `%%{` escapes. A directive makes the whole template opaque.
   */
  readTemplateParts(terminator: '"' | null): (string | Expression)[] {
    const parts: (string | Expression)[] = [];
    let literal = '';
    for (;;) {
      const char = this.peek();
      if (char === undefined) {
        if (terminator !== null) this.fail('unterminated string');
        break;
      }
      if (char === terminator) break;
      if (this.startsWith('$${') || this.startsWith('%%{')) {
        literal += `${char}{`;
        this.position += 3;
      } else if (this.startsWith('${')) {
        if (literal !== '') parts.push(literal);
        literal = '';
        this.position += 2;
        if (this.peek() === '~') this.position += 1;
        const inner = this.readExpression();
        this.skipBlanks();
        if (this.peek() === '~') this.position += 1;
        this.expect('}');
        parts.push(inner);
      } else if (this.startsWith('%{')) {
        const start = this.position;
        const end = this.source.indexOf('}', this.position);
        if (end === -1) this.fail('unterminated template directive');
        this.position = end + 1;
        parts.push({ kind: 'opaque', text: this.source.slice(start, this.position) });
      } else if (char === '\\' && terminator !== null) {
        literal += this.readEscape();
      } else {
        // Plain text up to the next character that may start an escape, interpolation or the end, in one piece.
        let end = this.position + 1;
        while (end < this.source.length && !mayEndLiteralRun(this.source.charCodeAt(end))) end += 1;
        literal += this.source.slice(this.position, end);
        this.position = end;
      }
    }
    if (literal !== '') parts.push(literal);
    return parts;
  }

  private readEscape(): string {
    const next = this.peek(1);
    if (next !== undefined && SIMPLE_ESCAPES[next] !== undefined) {
      this.position += 2;
      return SIMPLE_ESCAPES[next];
    }
    const unicode = /^\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/.exec(this.source.slice(this.position));
    if (unicode?.[1] !== undefined) {
      this.position += unicode[0].length;
      return String.fromCodePoint(parseInt(unicode[1].slice(1), 16));
    }
    this.fail('invalid escape sequence');
  }

  private template(parts: readonly (string | Expression)[], start: number): Expression {
    const text = this.source.slice(start, this.position);
    if (parts.length === 0) return { kind: 'literal', value: '', text };
    if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'literal', value: parts[0], text };
    return { kind: 'template', parts, text };
  }
}

function removeCommonIndent(body: string): string {
  const lines = body.split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

/** Parses one HCL native-syntax expression (`jsonencode({...})`, `var.x`, `"arn:${local.p}"`). */
export function parseExpression(source: string): Expression {
  return new ExpressionReader(source).readWhole();
}

/**
 * Parses a string value as hcl2json returns it: text already unescaped, where `${...}` interpolates and a string
 * that is exactly `${expr}` stands for the expression itself.
 */
export function parseTemplate(source: string): Expression {
  return new ExpressionReader(source).readRawTemplate();
}
