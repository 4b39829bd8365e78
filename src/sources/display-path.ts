import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * How an input path appears in reports and messages: relative to the working directory, with `/` separators, so
 * that no machine-specific absolute path reaches a comment or an annotation.
 */
export function displayPath(path: string, cwd: string): string {
  const absolute = isAbsolute(path) ? path : join(cwd, path);
  const shown = relative(cwd, absolute);
  if (shown === '') return '.';
  // On another drive there is no relative path; the path as given is all there is.
  if (isAbsolute(shown)) return path;
  return shown.split(sep).join('/');
}
