// A strict checker for the Mermaid flowchart subset that src/report/mermaid.ts writes. The mermaid package and a
// browser are not available to the tests, so this stands in for a real parse: it accepts only the exact node, edge,
// class and linkStyle forms the renderer emits, and refuses anything that could break out of a label.

/** Label text: no raw quote, angle bracket, backtick, bracket, pipe or newline; `#` only as an entity code. */
const LABEL = String.raw`(?:[^"<>\x60\[\]{}()|#\n\\]|#(?:quot|lt|gt|amp|\d{1,6});)*`;
const NODE_ID = String.raw`n\d+`;
const NODE_SHAPES = [
  String.raw`\["${LABEL}"\]`,
  String.raw`\(\["${LABEL}"\]\)`,
  String.raw`\[\("${LABEL}"\)\]`,
  String.raw`\{\{"${LABEL}"\}\}`,
];
const NODE_LINE = new RegExp(`^  (${NODE_ID})(?:${NODE_SHAPES.join('|')})$`);
const EDGE_LINE = new RegExp(`^  (${NODE_ID}) (?:-->|==>|-\\.->)(?:\\|"${LABEL}"\\|)? (${NODE_ID})$`);
const CLASS_DEF_LINE = /^ {2}classDef ([a-z]+) ([a-z-]+:[#a-z0-9. ]+)(?:,[a-z-]+:[#a-z0-9. ]+)*$/;
const CLASS_LINE = new RegExp(`^  class (${NODE_ID}(?:,${NODE_ID})*) ([a-z]+)$`);
const LINK_STYLE_LINE = /^ {2}linkStyle (\d+(?:,\d+)*) [a-z-]+:[#a-z0-9. ]+(?:,[a-z-]+:[#a-z0-9. ]+)*$/;

/**
 * Checks a diagram; returns the problems found (empty when it is valid). Rules: the first line is `flowchart LR`;
 * nodes are declared once before any edge uses them; every edge joins declared nodes; classes used are defined;
 * linkStyle indexes name existing edges; quotes balance on every line; no raw `<` or backtick anywhere.
 */
export function validateMermaid(source: string): string[] {
  const problems: string[] = [];
  if (!source.endsWith('\n')) problems.push('the diagram does not end with a newline');
  const lines = source.replace(/\n$/, '').split('\n');
  if (lines[0] !== 'flowchart LR') problems.push(`first line is "${lines[0]}", not "flowchart LR"`);
  if (source.includes('<')) problems.push('raw < in the diagram');
  if (source.includes('`')) problems.push('backtick in the diagram');
  const nodes = new Set<string>();
  const defined = new Set<string>();
  const used = new Set<string>();
  let edges = 0;
  const linkIndexes: number[] = [];
  lines.slice(1).forEach((line, offset) => {
    const where = `line ${offset + 2}`;
    if ((line.match(/"/g) ?? []).length % 2 !== 0) problems.push(`${where}: unbalanced quotes`);
    let match: RegExpExecArray | null;
    if ((match = NODE_LINE.exec(line))) {
      const id = match[1]!;
      if (nodes.has(id)) problems.push(`${where}: node ${id} declared twice`);
      if (edges > 0) problems.push(`${where}: node ${id} declared after an edge`);
      nodes.add(id);
    } else if ((match = EDGE_LINE.exec(line))) {
      for (const id of [match[1]!, match[2]!]) {
        if (!nodes.has(id)) problems.push(`${where}: edge uses undeclared node ${id}`);
      }
      edges += 1;
    } else if ((match = CLASS_DEF_LINE.exec(line))) {
      defined.add(match[1]!);
    } else if ((match = CLASS_LINE.exec(line))) {
      for (const id of match[1]!.split(',')) {
        if (!nodes.has(id)) problems.push(`${where}: class on undeclared node ${id}`);
      }
      used.add(match[2]!);
    } else if ((match = LINK_STYLE_LINE.exec(line))) {
      linkIndexes.push(...match[1]!.split(',').map(Number));
    } else {
      problems.push(`${where}: not a recognised statement: ${line}`);
    }
  });
  for (const name of used) if (!defined.has(name)) problems.push(`class ${name} is used but not defined`);
  for (const index of linkIndexes) {
    if (index >= edges) problems.push(`linkStyle ${index} names no edge (there are ${edges})`);
  }
  return problems;
}

/** How many nodes a valid diagram declares. */
export function countMermaidNodes(source: string): number {
  return source.split('\n').filter((line) => NODE_LINE.test(line)).length;
}
