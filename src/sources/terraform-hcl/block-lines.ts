/** Where one top-level block is written: its header line and the source offsets of its body. */
export interface BlockSpan {
  /** `resource.aws_iam_role.agent`, `data.aws_iam_policy_document.x`, `module.kb`, `provider.aws`, ... */
  readonly key: string;
  /** 1-based line of the header. */
  readonly line: number;
  /** Offset of the opening brace. */
  readonly start: number;
  /** Offset just past the closing brace. */
  readonly end: number;
}

const HEADER = /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*)((?:[ \t]+"[^"\n]*")*)[ \t]*\{/;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const HASH = 0x23;
const SLASH = 0x2f;
const STAR = 0x2a;
const LESS = 0x3c;
const HYPHEN = 0x2d;
const DOLLAR = 0x24;
const PERCENT = 0x25;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** A heredoc header at a position: `<<EOT` or `<<-EOT`, the rest of its line, and the newline. */
const HEREDOC_HEADER = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[^\n]*\n/y;

function isIdentifierStartCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** Where the text after a heredoc header ends: just past its closing marker line, or the end of the text. */
function heredocEnd(text: string, index: number): number | undefined {
  HEREDOC_HEADER.lastIndex = index;
  const header = HEREDOC_HEADER.exec(text);
  const marker = header?.[1];
  if (header === null || marker === undefined) return undefined;
  const bodyStart = index + header[0].length;
  // The body starts a line, so `^` in multiline mode may match right at it, as on the text after the header.
  const closing = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'gm');
  closing.lastIndex = bodyStart;
  const found = closing.exec(text);
  return found === null ? text.length : found.index + found[0].length;
}

/**
 * Marks which characters of HCL source are code (not inside a string, heredoc or comment), so that headers and
 * braces are found only where HCL would see them. Interpolations inside strings count as code.
 */
export function markCode(text: string): Uint8Array {
  const length = text.length;
  const code = new Uint8Array(length);
  // Each entry is what closes the current nesting: '}' for a brace or an interpolation inside a string.
  const stack: ('brace' | 'interpolation')[] = [];
  let index = 0;
  const readString = (): void => {
    // Positioned after the opening quote; stops after the closing quote or at an interpolation.
    while (index < length) {
      const char = text.charCodeAt(index);
      const next = text.charCodeAt(index + 1);
      if (char === BACKSLASH) {
        index += 2;
      } else if (char === QUOTE || char === NEWLINE) {
        index += 1;
        return;
      } else if (char === DOLLAR && next === DOLLAR && text.charCodeAt(index + 2) === OPEN_BRACE) {
        index += 3;
      } else if ((char === DOLLAR || char === PERCENT) && next === OPEN_BRACE) {
        stack.push('interpolation');
        index += 2;
        return;
      } else {
        index += 1;
      }
    }
  };
  while (index < length) {
    const char = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (char === QUOTE) {
      index += 1;
      readString();
    } else if (char === HASH || (char === SLASH && next === SLASH)) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? length : end;
    } else if (char === SLASH && next === STAR) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? length : end + 2;
    } else if (
      char === LESS &&
      next === LESS &&
      (isIdentifierStartCode(text.charCodeAt(index + 2)) ||
        (text.charCodeAt(index + 2) === HYPHEN && isIdentifierStartCode(text.charCodeAt(index + 3))))
    ) {
      index = heredocEnd(text, index) ?? index + 2;
    } else if (char === OPEN_BRACE) {
      code[index] = 1;
      stack.push('brace');
      index += 1;
    } else if (char === CLOSE_BRACE) {
      const closed = stack.pop();
      // The brace that ends an interpolation belongs to the string, so brace matching never sees it.
      if (closed !== 'interpolation') code[index] = 1;
      index += 1;
      if (closed === 'interpolation') readString();
    } else {
      code[index] = 1;
      index += 1;
    }
  }
  return code;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

/** Turns an offset into a 1-based line, given the offsets where lines start. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** A source file's text with what the line finders need precomputed. */
export interface ScannedSource {
  readonly text: string;
  readonly code: Uint8Array;
  readonly starts: readonly number[];
  readonly blocks: readonly BlockSpan[];
}

function matchBrace(source: { text: string; code: Uint8Array }, open: number): number {
  const { text, code } = source;
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (code[index] !== 1) continue;
    const char = text.charCodeAt(index);
    if (char === OPEN_BRACE) depth += 1;
    else if (char === CLOSE_BRACE) {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return text.length;
}

/** Finds the blocks written at the top level of a file, by scanning for their headers. */
export function scanSource(text: string): ScannedSource {
  const code = markCode(text);
  const starts = lineStarts(text);
  const blocks: BlockSpan[] = [];
  let position = 0;
  while (position < text.length) {
    const lineEnd = text.indexOf('\n', position);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const header = HEADER.exec(text.slice(position, end));
    const brace = header === null ? -1 : position + header[0].length - 1;
    if (header?.[1] !== undefined && code[brace] === 1 && code[position + header[0].search(/\S/)] === 1) {
      const labels = [...(header[2] ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '');
      const close = matchBrace({ text, code }, brace);
      blocks.push({
        key: [header[1], ...labels].join('.'),
        line: lineAt(starts, position),
        start: brace,
        end: close,
      });
      position = close;
      continue;
    }
    position = end + 1;
  }
  return { text, code, starts, blocks };
}

/**
 * Lines of the policy statements inside a span: nested `statement { }` blocks of a policy-document data source, or
 * the elements of each `Statement` list (HCL `jsonencode` objects and JSON heredocs alike), in source order.
 * Each inner list is one document.
 */
export function findStatementLines(source: ScannedSource, from: number, to: number): number[][] {
  const documents: number[][] = [];
  const region = source.text.slice(from, to);
  const blockStatements: number[] = [];
  for (const match of region.matchAll(/^[ \t]*statement[ \t]*\{/gm)) {
    if (source.code[from + match.index + match[0].search(/\S/)] === 1) {
      blockStatements.push(lineAt(source.starts, from + match.index));
    }
  }
  if (blockStatements.length > 0) documents.push(blockStatements);
  for (const match of region.matchAll(/"?Statement"?\s*[:=]\s*\[/g)) {
    const lines: number[] = [];
    let depth = 0;
    let inString = false;
    for (let index = from + match.index + match[0].length - 1; index < to; index += 1) {
      const char = source.text[index];
      if (inString) {
        if (char === '\\') index += 1;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '[' || char === '{') {
        if (char === '{' && depth === 1) lines.push(lineAt(source.starts, index));
        depth += 1;
      } else if (char === ']' || char === '}') {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    documents.push(lines);
  }
  return documents;
}
