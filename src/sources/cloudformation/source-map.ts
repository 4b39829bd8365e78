/**
 * Lines of a parsed template, kept beside the plain values so that the values stay ordinary JSON: for each object
 * of the parsed tree, the 1-based line of each of its keys.
 */
export class SourceMap {
  private readonly keyLines = new WeakMap<object, Map<string, number>>();

  /** Records the line of one key of an object; the parsers call it as they build the tree. */
  recordKey(container: object, key: string, line: number): void {
    let lines = this.keyLines.get(container);
    if (lines === undefined) {
      lines = new Map();
      this.keyLines.set(container, lines);
    }
    if (!lines.has(key)) lines.set(key, line);
  }

  /** The line a key of an object was written on. */
  lineOfKey(container: unknown, key: string): number | undefined {
    if (typeof container !== 'object' || container === null) return undefined;
    return this.keyLines.get(container)?.get(key);
  }

  /** The line of an object's first key: where a statement or a list item that is a mapping starts. */
  lineOfObject(container: unknown): number | undefined {
    if (typeof container !== 'object' || container === null) return undefined;
    const lines = this.keyLines.get(container);
    if (lines === undefined) return undefined;
    for (const line of lines.values()) return line;
    return undefined;
  }
}

/** Deepest nesting the parsers accept; real templates stay far below it, and it keeps every walk off the stack limit. */
export const MAX_TEMPLATE_DEPTH = 256;

/** Sets a property without letting a `__proto__` key from untrusted input change the object's prototype. */
export function setOwnProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
