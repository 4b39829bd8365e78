import { open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Report } from '../model/report.js';
import type { OutputFormat } from '../settings.js';
import { escapeTerminal } from '../report/escape.js';
import { maskSecrets } from '../report/mask-secrets.js';
import { TOOL_VERSION } from '../version.js';
import { CliUsageError, parseCommandLine, USAGE } from './args.js';
import { limitHeapGrowthFor } from './heap-growth.js';

/** Exit code of the CLI contract: the verdict passed. */
export const EXIT_PASSED = 0;
/** Exit code of the CLI contract: the verdict failed. */
export const EXIT_FAILED = 1;
/** Exit code of the CLI contract: bad usage, or no input could be read. */
export const EXIT_USAGE = 2;

/** Where the CLI writes; injected so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly color: boolean;
}

/**
 * A message for standard error. Input errors and config errors quote the files they come from, and those are
 * pull-request content: flattened, so no escape sequence reaches the terminal, and masked like any report text.
 */
function describeForTerminal(message: string): string {
  return escapeTerminal(maskSecrets(message));
}

/** The report as text, in pieces: JSON is written as it is made, since a large plan's report is large. */
async function render(report: Report, format: OutputFormat, color: boolean): Promise<Iterable<string>> {
  const renderers = await import('../report/index.js');
  switch (format) {
    case 'json':
      return renderers.renderJsonPieces(report);
    case 'markdown':
      return [renderers.renderMarkdown(report)];
    case 'sarif':
      return [renderers.renderSarif(report)];
    case 'text':
      return [renderers.renderText(report, { color })];
  }
}

async function writeOutput(pieces: Iterable<string>, output: string | null, io: CliIo): Promise<void> {
  if (output === null) {
    for (const piece of pieces) io.stdout(piece);
    return;
  }
  const file = await open(isAbsolute(output) ? output : join(io.cwd, output), 'w');
  try {
    for (const piece of pieces) await file.write(piece);
  } finally {
    await file.close();
  }
}

/** Runs the CLI and returns its exit code. Never throws; never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let request;
  try {
    request = parseCommandLine(argv, io.cwd, io.color);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`ai-access-diff: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (request.kind === 'help') {
    io.stdout(USAGE);
    return EXIT_PASSED;
  }
  if (request.kind === 'version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT_PASSED;
  }
  try {
    // Loaded only for a real run, so that --help and --version start fast.
    const [{ analyze }, { loadConfig }, { UsageError }] = await Promise.all([
      import('../analyze.js'),
      import('../config/load.js'),
      import('../sources/plan-inputs.js'),
    ]);
    const { settings } = request;
    limitHeapGrowthFor(settings);
    let config;
    try {
      config = await loadConfig(settings.configPath, settings.cwd);
    } catch (error) {
      io.stderr(`ai-access-diff: ${describeForTerminal((error as Error).message)}\n`);
      return EXIT_USAGE;
    }
    let report: Report;
    try {
      report = await analyze(settings, config, { configFile: settings.configPath ?? undefined });
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`ai-access-diff: ${describeForTerminal(error.message)}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      throw error;
    }
    await writeOutput(await render(report, request.format, request.color), request.output, io);
    for (const input of report.inputs) {
      if (input.status === 'error')
        io.stderr(`ai-access-diff: ${describeForTerminal(input.error ?? input.path)}\n`);
    }
    if (report.inputs.length > 0 && report.inputs.every((input) => input.status === 'error'))
      return EXIT_USAGE;
    return report.verdict.failed ? EXIT_FAILED : EXIT_PASSED;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ai-access-diff: unexpected error: ${describeForTerminal(message)}\n`);
    return EXIT_USAGE;
  }
}
