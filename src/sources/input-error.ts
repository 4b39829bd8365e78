import type { InputFormat } from '../model/resource.js';

/**
 * An input that cannot be read at all. Sources throw it (and only it) for unreadable files; the pipeline turns
 * it into an `input-error` finding and goes on with the other inputs.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The path as the user gave it. */
    readonly file: string,
    message: string,
    /** 1-based line, when known. */
    readonly line?: number,
    readonly format?: InputFormat,
  ) {
    super(message);
  }

  /** `file:line: message`, the form every renderer shows. */
  describe(): string {
    return `${this.file}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
  }
}
