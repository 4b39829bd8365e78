/**
 * Brackets, braces and parentheses may nest this deep in a `.tf` file. Real configurations stay below twenty;
 * hcl2json recurses once per level, and a stack overflow inside its WebAssembly runtime leaves that runtime broken
 * for every later file of the run, so absurd nesting is refused before the parser sees it.
 */
export const MAX_HCL_NESTING = 256;

/**
 * Where the nesting first goes deeper than the limit: the 1-based line, or undefined when it never does. Brackets in
 * strings and comments count too: a string's `${...}` nests like code, and telling the two apart would need the
 * parser this check protects. Only hundreds of unclosed brackets in comments could trip it by mistake.
 */
export function findExcessiveNesting(text: string, limit = MAX_HCL_NESTING): number | undefined {
  let depth = 0;
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      line += 1;
    } else if (code === 91 || code === 123 || code === 40) {
      depth += 1;
      if (depth > limit) return line;
    } else if ((code === 93 || code === 125 || code === 41) && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}
