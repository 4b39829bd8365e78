import type { InputFormat } from '../model/resource.js';
import type { LoadedInput } from '../model/snapshot.js';

/** What a source needs besides the path: the sibling inputs' options and a sink for non-fatal notes. */
export interface SourceContext {
  /** The directory relative paths in findings are written against (the repository root in the action). */
  readonly cwd: string;
  /** Largest input, in bytes, that may be read; larger gives an InputError. */
  readonly maxInputBytes: number;
}

/** One side of an explicit pair: a path, or nothing (the file is new, or deleted). */
export interface PairSpec {
  readonly before: string | null;
  readonly after: string | null;
  /** The id prefix that keeps inputs apart, the same for both sides ('' for a single input). */
  readonly idPrefix: string;
  /**
   * The path to show in messages and locations for the before side, when its files were read from somewhere
   * else (a git ref extracted to a temporary directory). Defaults to `before`.
   */
  readonly beforeDisplayPath?: string;
}

/**
 * One loader per input format. A plan carries its own before and after; the other formats load a pair of paths
 * (either side may be absent). Loaders throw InputError for an input that cannot be read at all and otherwise
 * return notes for what they could not interpret.
 */
export interface InputSource {
  readonly format: InputFormat;
  /** Loads one input that holds both sides (a Terraform plan), or a pair of paths (templates, .tf dirs, cdk.out). */
  load(spec: PairSpec, context: SourceContext): Promise<LoadedInput>;
}
