const QUOTED_VALUE_START = /^(\s*)(?:-\s+|[^\s#'"][^#]*?:\s+)(["'])/;

/** Where the quoted scalar that opens at `start` closes on this line, or -1 when it goes on to the next line. */
function closingQuote(line: string, start: number, quote: string): number {
  for (let index = start; index < line.length; index++) {
    const char = line[index];
    if (quote === '"' && char === '\\') {
      index++;
    } else if (char === quote) {
      if (quote === "'" && line[index + 1] === "'") index++;
      else return index;
    }
  }
  return -1;
}

/**
 * Indents the continuation lines of multi-line quoted scalars that are written no deeper than their key. YAML 1.2
 * rejects them, but the parser CloudFormation uses accepts them, and real templates have them. A quoted scalar
 * folds its line breaks and trims the indentation, so the value does not change, and no line moves.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let open: { quote: string; minimum: number } | undefined;
  for (const [index, line] of lines.entries()) {
    if (open !== undefined) {
      const indent = line.length - line.trimStart().length;
      const fixed =
        line.trim() !== '' && indent < open.minimum ? ' '.repeat(open.minimum - indent) + line : line;
      lines[index] = fixed;
      if (closingQuote(fixed, 0, open.quote) >= 0) open = undefined;
      continue;
    }
    const match = QUOTED_VALUE_START.exec(line);
    if (match === null) continue;
    const quote = match[2] as string;
    if (closingQuote(line, match[0].length, quote) < 0)
      open = { quote, minimum: (match[1] ?? '').length + 1 };
  }
  return lines.join('\n');
}
