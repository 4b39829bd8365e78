// The apparent size of a directory tree in bytes, as `du -sb` reports it.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Sums the sizes of every file and directory entry under `path`, following no symbolic links. */
export function apparentSize(path) {
  const info = lstatSync(path);
  if (!info.isDirectory()) return info.size;
  let total = info.size;
  for (const name of readdirSync(path)) total += apparentSize(join(path, name));
  return total;
}
