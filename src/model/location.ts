/** Where something was written: the input file (relative to the working directory) and, where known, the line. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based line number. */
  readonly line?: number;
}
