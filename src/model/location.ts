/** Where something was written: the input file (relative to the working directory) and, where known, the line. */
export interface SourceLocation {
  /** The input file, relative to the working directory; never an absolute machine path. */
  readonly file: string;
  /** 1-based line number. */
  readonly line?: number;
}
