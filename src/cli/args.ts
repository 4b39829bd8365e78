import { parseArgs } from 'node:util';
import { parseByteSize } from '../config/byte-size.js';
import { SEVERITIES, type FailOn } from '../model/report.js';
import { DEFAULT_MAX_INPUT_BYTES, OUTPUT_FORMATS, type OutputFormat, type Settings } from '../settings.js';

/** Bad command-line usage; the CLI prints it with the usage line and exits 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** What the command line asks for. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run';
      readonly settings: Settings;
      readonly format: OutputFormat;
      readonly output: string | null;
      readonly color: boolean;
    };

/** The help text; it is the CLI's contract in words. */
export const USAGE = `Usage:
  ai-access-diff --plan plan.json [--plan other.json]
  ai-access-diff --before old.yaml --after new.yaml
  ai-access-diff --base-ref origin/main infra/ stacks/app.yaml

Shows which AI resources CloudTrail data events record before and after an infrastructure change, and what
the IAM roles of AI workloads gain or lose.

Inputs:
  --plan FILE            a Terraform plan as JSON (terraform show -json tfplan); repeatable
  --before PATH          the old side: a CloudFormation template, a directory of .tf files, or a cdk.out directory
  --after PATH           the new side, of the same kind
  --base-ref REF PATH... read the old side of each PATH from git at REF (no checkout, no network)
  PATH...                without --base-ref: templates or directories taken as new

Options:
  --config FILE          config file (default: .github/ai-access-diff.yml when it exists)
  --format FORMAT        text (default), markdown (the pull-request comment), json, or sarif
  --output FILE          write the report to FILE instead of standard output
  --fail-on SEVERITY     critical, high, medium, low, info, or never (default: the config's, else high)
  --max-input-size SIZE  refuse larger inputs, e.g. 500MB or 2GB (default 2GB)
  --no-color             plain text output
  -h, --help             this help
  -v, --version          the version

Exit codes: 0 passed, 1 the verdict failed, 2 bad usage or no input could be read.
`;

const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, 'never'];

function parseSize(text: string): number {
  const bytes = parseByteSize(text);
  if (bytes === null)
    throw new CliUsageError(`--max-input-size: "${text}" is not a size (examples: 500MB, 2GiB, 1048576)`);
  return bytes;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliUsageError(`--${flag}: "${value}" is not one of ${allowed.join(', ')}`);
}

/** Parses the command line (without `node` and the script) into a request. */
export function parseCommandLine(argv: readonly string[], cwd: string, colorDefault: boolean): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        plan: { type: 'string', multiple: true },
        before: { type: 'string' },
        after: { type: 'string' },
        'base-ref': { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        'max-input-size': { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const plans = values.plan ?? [];
  const before = values.before ?? null;
  const after = values.after ?? null;
  const baseRef = values['base-ref'] ?? null;
  if ((before !== null || after !== null) && positionals.length > 0) {
    throw new CliUsageError('give either --before/--after or paths, not both');
  }
  if (baseRef !== null && positionals.length === 0) {
    throw new CliUsageError('--base-ref needs at least one path after it');
  }
  if (plans.length === 0 && before === null && after === null && positionals.length === 0) {
    throw new CliUsageError('no input: give --plan, --before/--after, or paths');
  }
  const settings: Settings = {
    plans,
    before,
    after,
    baseRef,
    paths: positionals,
    configPath: values.config ?? null,
    failOn: values['fail-on'] === undefined ? null : oneOf('fail-on', values['fail-on'], FAIL_ON_VALUES),
    maxInputBytes:
      values['max-input-size'] === undefined ? DEFAULT_MAX_INPUT_BYTES : parseSize(values['max-input-size']),
    cwd,
  };
  return {
    kind: 'run',
    settings,
    format: values.format === undefined ? 'text' : oneOf('format', values.format, OUTPUT_FORMATS),
    output: values.output ?? null,
    color: colorDefault && !values['no-color'],
  };
}
