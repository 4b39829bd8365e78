import { SEVERITIES, type FailOn } from '../model/report.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../settings.js';
import { parseByteSize } from '../config/byte-size.js';
import { DEFAULT_CONFIG_PATH } from '../config/default-path.js';

/** The input names, exactly as action.yml declares them. */
export const INPUT = {
  plan: 'plan',
  paths: 'paths',
  baseRef: 'base-ref',
  config: 'config',
  githubToken: 'github-token',
  comment: 'comment',
  commentKey: 'comment-key',
  checkName: 'check-name',
  failOn: 'fail-on',
  sarifFile: 'sarif-file',
  mode: 'mode',
  artifactDir: 'artifact-dir',
  maxInputSize: 'max-input-size',
} as const;

/** How the pull-request comment is kept from run to run. */
export const COMMENT_MODES = ['update', 'new', 'hide-and-new', 'delete-and-new', 'off'] as const;
/** One of the comment modes. */
export type CommentMode = (typeof COMMENT_MODES)[number];

/** Which half of the work this step does: both, only the analysis (no write token), or only the publishing. */
export const RUN_MODES = ['analyze', 'publish', 'both'] as const;
/** One of the run modes. */
export type RunMode = (typeof RUN_MODES)[number];

/** The values `fail-on` accepts. */
export const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, 'never'];

/** The default of `check-name`, kept here for runs that read no inputs (tests, publish from another workflow). */
export const DEFAULT_CHECK_NAME = 'AI access diff';

/** An input value the action cannot use; the message names the input, the value and what is allowed. */
export class ActionInputError extends Error {
  override readonly name = 'ActionInputError';
}

/** Reads one input by name, already trimmed; empty when not given. `core.getInput` in the action. */
export type InputReader = (name: string) => string;

/** Every action input, parsed and checked, before globs are expanded against the workspace. */
export interface ActionInputs {
  /** Glob patterns of plan JSON files. */
  readonly planPatterns: readonly string[];
  /** Glob patterns of templates, .tf directories or cdk.out directories. */
  readonly pathPatterns: readonly string[];
  /** Null when empty: the caller falls back to the pull request's base commit. */
  readonly baseRef: string | null;
  /** Null means the default path, used only if it exists. */
  readonly configPath: string | null;
  readonly token: string;
  readonly commentMode: CommentMode;
  readonly commentKey: string;
  readonly checkName: string;
  readonly failOn: FailOn | null;
  readonly sarifFile: string | null;
  readonly mode: RunMode;
  readonly artifactDir: string | null;
  readonly maxInputBytes: number;
}

function parseEnum<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ActionInputError(
    `Input '${name}' is '${value}', which is not one of: ${allowed.map((item) => `'${item}'`).join(', ')}.`,
  );
}

/** Splits a list input on newlines and spaces, the two separators action.yml documents. */
export function splitPatterns(value: string): string[] {
  return value.split(/\s+/).filter((pattern) => pattern !== '');
}

/** A comment key becomes part of an HTML comment, so it is limited to characters that cannot end one. */
function parseCommentKey(value: string): string {
  if (value === '') return 'default';
  if (/^[A-Za-z0-9._/:@+-]{1,100}$/.test(value)) return value;
  throw new ActionInputError(
    `Input '${INPUT.commentKey}' is '${value}'; use up to 100 letters, digits or the characters . _ / : @ + -.`,
  );
}

function parseMaxInputSize(value: string): number {
  if (value === '') return DEFAULT_MAX_INPUT_BYTES;
  const bytes = parseByteSize(value);
  if (bytes === null) {
    throw new ActionInputError(
      `Input '${INPUT.maxInputSize}' is '${value}'; give a number of bytes, optionally with a unit (KB, MB, GB, KiB, MiB, GiB).`,
    );
  }
  return bytes;
}

/** Reads every input once and parses it strictly. Throws ActionInputError for the first bad value. */
export function readActionInputs(read: InputReader): ActionInputs {
  const config = read(INPUT.config);
  const failOn = read(INPUT.failOn);
  return {
    planPatterns: splitPatterns(read(INPUT.plan)),
    pathPatterns: splitPatterns(read(INPUT.paths)),
    baseRef: read(INPUT.baseRef) || null,
    // action.yml's default is the default path: given unchanged, it means "use it if it exists".
    configPath: config === '' || config === DEFAULT_CONFIG_PATH ? null : config,
    token: read(INPUT.githubToken),
    commentMode: parseEnum(INPUT.comment, read(INPUT.comment), COMMENT_MODES, 'update'),
    commentKey: parseCommentKey(read(INPUT.commentKey)),
    checkName: read(INPUT.checkName) || DEFAULT_CHECK_NAME,
    failOn: failOn === '' ? null : parseEnum(INPUT.failOn, failOn, FAIL_ON_VALUES, 'high'),
    sarifFile: read(INPUT.sarifFile) || null,
    mode: parseEnum(INPUT.mode, read(INPUT.mode), RUN_MODES, 'both'),
    artifactDir: read(INPUT.artifactDir) || null,
    maxInputBytes: parseMaxInputSize(read(INPUT.maxInputSize)),
  };
}
