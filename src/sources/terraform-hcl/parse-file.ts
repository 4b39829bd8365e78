import { InputError } from '../input-error.js';
import { findExcessiveNesting, MAX_HCL_NESTING } from './nesting-depth.js';

/** A configuration file as hcl2json returns it: block types to labels to lists of bodies. */
export type ParsedBody = Readonly<Record<string, unknown>>;

type ParseFunction = (filename: string, contents: string) => Promise<Record<string, unknown>>;

let parser: Promise<ParseFunction> | undefined;

/** Loads hcl2json on first use: it starts a WebAssembly module, which runs that don't read HCL never need. */
function loadParser(): Promise<ParseFunction> {
  parser ??= import('@cdktf/hcl2json').then((module) => module.parse as ParseFunction);
  return parser;
}

/**
 * Starts loading hcl2json ahead of the first parse, so that its WebAssembly compiles while files are read. Its
 * first call waits for the module to start, which an empty parse covers.
 */
export function preloadHclParser(): void {
  void loadParser()
    .then((parse) => parse('preload.tf', ''))
    .catch(() => undefined);
}

/** hcl2json reports `[name:line,col-line,col: summary; detail]`; this keeps the line and the words. */
function describeSyntaxError(message: string, filename: string): { line?: number; text: string } {
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const located = new RegExp(`${escaped}:(\\d+),\\d+(?:-\\d+(?:,\\d+)?)?: ([^\\]]*)`).exec(message);
  if (located?.[1] === undefined) return { text: message.replace(/^parse config:\s*/, '').trim() };
  // Only the first diagnostic: a binary or badly broken file yields one per character, all run together.
  const first = (located[2] ?? '').split(`${filename}:`)[0] ?? '';
  return { line: Number(located[1]), text: first.trim().replace(/[.;]\s*$/, '') };
}

/**
 * Parses one `.tf` file. A syntax error becomes an InputError naming the file (as shown to people) and the line.
 */
export async function parseHclFile(text: string, shownPath: string): Promise<ParsedBody> {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    throw new InputError(
      shownPath,
      `brackets nest deeper than ${MAX_HCL_NESTING} levels, too deep to read`,
      tooDeep,
      'terraform-hcl',
    );
  }
  const parse = await loadParser();
  // The name given to hcl2json only labels its messages; a fixed one keeps paths out of them.
  const filename = 'input.tf';
  try {
    return await parse(filename, text);
  } catch (error) {
    const { line, text: detail } = describeSyntaxError(
      error instanceof Error ? error.message : String(error),
      filename,
    );
    throw new InputError(shownPath, `HCL syntax error: ${detail}`, line, 'terraform-hcl');
  }
}
