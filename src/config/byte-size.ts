const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * Parses a size given to the CLI's `--max-input-size` or the action's `max-input-size`: `1048576`, `500MB`, `2GiB`.
 * Units are binary whichever way they are spelt, because a limit is about memory. Returns null for anything else
 * (including zero), so the caller can name the input in its message.
 */
export function parseByteSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (match === null) return null;
  const factor = UNITS[(match[2] ?? '').toLowerCase()];
  if (factor === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * factor);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}
