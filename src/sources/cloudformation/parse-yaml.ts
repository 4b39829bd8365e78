import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError } from '../input-error.js';
import { indentQuotedContinuations } from './indent-quoted-scalars.js';
import type { SourceMap } from './source-map.js';
import { MAX_TEMPLATE_DEPTH, setOwnProperty } from './source-map.js';

/** Short-form tags whose long form is `Fn::<Name>`. */
const FUNCTION_TAGS = new Set([
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
  'ForEach',
]);

/**
 * Nodes an alias may expand to in total. yaml's own `maxAliasCount` guards only `toJS`, which this reader does not
 * use (it needs node ranges), so the same protection against exponential alias expansion is kept here.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Converts a yaml document tree into plain values with CloudFormation short-form tags in their long form. */
class TemplateYamlReader {
  private aliasNodes = 0;
  private insideAlias = 0;

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly lines: LineCounter,
    private readonly file: string,
    private readonly map: SourceMap,
  ) {}

  private fail(message: string, offset: number | undefined): never {
    const line = offset === undefined ? undefined : this.lines.linePos(offset).line;
    throw new InputError(this.file, message, line, 'cloudformation');
  }

  read(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    const yamlNode = node as Node;
    if (depth > MAX_TEMPLATE_DEPTH) {
      this.fail(`nesting deeper than ${MAX_TEMPLATE_DEPTH} levels`, yamlNode.range?.[0]);
    }
    if (this.insideAlias > 0 && ++this.aliasNodes > MAX_ALIAS_EXPANSION) {
      this.fail(`YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes`, yamlNode.range?.[0]);
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) this.fail(`unknown YAML alias *${node.source}`, node.range?.[0]);
      this.insideAlias++;
      try {
        return this.read(target, depth + 1);
      } finally {
        this.insideAlias--;
      }
    }
    const plain = this.readUntagged(node, depth);
    const expanded = expandShortForm(yamlNode.tag, plain);
    if (expanded !== plain && typeof expanded === 'object' && expanded !== null) {
      const offset = this.tagOffset(yamlNode);
      if (offset !== undefined) {
        this.map.recordKey(expanded, Object.keys(expanded)[0] ?? '', this.lines.linePos(offset).line);
      }
    }
    return expanded;
  }

  /** Where a short-form tag was written: the node's range starts at its content, which may be on a later line. */
  private tagOffset(node: Node): number | undefined {
    const start = node.range?.[0];
    if (start === undefined || node.tag === undefined) return start;
    const at = this.text.lastIndexOf(node.tag, start);
    return at >= 0 && this.text.slice(at + node.tag.length, start).trim() === '' ? at : start;
  }

  private readUntagged(node: unknown, depth: number): unknown {
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item) => this.read(item, depth + 1));
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(this.read(pair.key, depth + 1));
        setOwnProperty(result, key, this.read(pair.value, depth + 1));
        const offset = (pair.key as Node | null)?.range?.[0];
        if (offset !== undefined) this.map.recordKey(result, key, this.lines.linePos(offset).line);
      }
      return result;
    }
    return null;
  }
}

/** Turns `!Ref x`, `!GetAtt a.b`, `!Sub ...` and the other short forms into `{ Ref: x }`, `{ 'Fn::GetAtt': [a, b] }`. */
function expandShortForm(tag: string | undefined, value: unknown): unknown {
  if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return value;
  const name = tag.slice(1);
  if (name === 'Ref') return { Ref: value === null ? '' : String(value) };
  if (name === 'Condition') return { Condition: value === null ? '' : String(value) };
  if (!FUNCTION_TAGS.has(name)) return value;
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value === null ? '' : value };
}

/**
 * Parses YAML text (or JSON, which is YAML) into plain values, records each key's line in `map`, and gives an
 * InputError with the line for a syntax error, an alias bomb or absurd nesting.
 */
export function parseYamlWithLines(text: string, file: string, map: SourceMap): unknown {
  let lines = new LineCounter();
  let doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const lenient = indentQuotedContinuations(text);
    const retryLines = new LineCounter();
    const retry =
      lenient === text ? undefined : parseDocument(lenient, { lineCounter: retryLines, prettyErrors: false });
    if (retry === undefined || retry.errors.length > 0) {
      const message = error.message.includes('call stack')
        ? 'YAML nesting is too deep to read'
        : `invalid YAML: ${error.message}`;
      throw new InputError(file, message, lines.linePos(error.pos[0]).line, 'cloudformation');
    }
    doc = retry;
    lines = retryLines;
    text = lenient;
  }
  return new TemplateYamlReader(doc, text, lines, file, map).read(doc.contents, 0);
}
