import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** What a pattern list expanded to, and which patterns matched nothing (the caller warns about those). */
export interface GlobExpansion {
  readonly paths: string[];
  readonly unmatched: string[];
}

/** Which entries a pattern may name: plan inputs are files, template inputs may be directories too. */
export type GlobTarget = 'files' | 'files-and-directories';

/** Folders that `**` never walks into: they are large and never hold the inputs. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Whether a pattern holds a wildcard; a pattern without one is a path, passed on even when it does not exist. */
export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/**
 * Compiles one path segment: `*` matches any run of characters and `?` one character, never a `/`. A wildcard
 * does not match a leading dot, as in a shell, so `*` skips hidden files unless the segment starts with a dot.
 */
export function compileSegment(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const hidden = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${hidden}${source}$`);
}

async function listFolder(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function isWanted(path: string, entry: Dirent | null, target: GlobTarget): Promise<boolean> {
  if (entry !== null && !entry.isSymbolicLink()) {
    return entry.isFile() || (target === 'files-and-directories' && entry.isDirectory());
  }
  try {
    const info = await stat(path);
    return info.isFile() || (target === 'files-and-directories' && info.isDirectory());
  } catch {
    return false;
  }
}

function joinShown(shown: string, name: string): string {
  if (shown === '') return name;
  return shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`;
}

async function walk(
  folder: string,
  shown: string,
  segments: readonly string[],
  index: number,
  target: GlobTarget,
  found: Set<string>,
): Promise<void> {
  const segment = segments[index];
  if (segment === undefined) {
    if (shown !== '' && (await isWanted(folder, null, target))) found.add(shown);
    return;
  }
  if (segment === '**') {
    await walk(folder, shown, segments, index + 1, target, found);
    for (const entry of await listFolder(folder)) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      await walk(join(folder, entry.name), joinShown(shown, entry.name), segments, index, target, found);
    }
    return;
  }
  if (!hasWildcard(segment)) {
    await walk(join(folder, segment), joinShown(shown, segment), segments, index + 1, target, found);
    return;
  }
  const matcher = compileSegment(segment);
  const last = index === segments.length - 1;
  for (const entry of await listFolder(folder)) {
    if (!matcher.test(entry.name)) continue;
    const path = join(folder, entry.name);
    const next = joinShown(shown, entry.name);
    if (last) {
      if (await isWanted(path, entry, target)) found.add(next);
    } else if (entry.isDirectory() || entry.isSymbolicLink()) {
      await walk(path, next, segments, index + 1, target, found);
    }
  }
}

async function expandOne(pattern: string, cwd: string, target: GlobTarget): Promise<string[]> {
  const normalised = pattern.replace(/\\/g, '/');
  const absolute = isAbsolute(normalised);
  const segments = normalised
    .split('/')
    .filter((segment, index) => segment !== '' && (segment !== '.' || index > 0));
  const found = new Set<string>();
  await walk(absolute ? '/' : cwd, absolute ? '/' : '', segments, 0, target, found);
  return [...found];
}

/**
 * Expands glob patterns over the workspace: `*` and `?` within a folder, `**` across folders. Results are paths as
 * the user would write them (relative to `cwd` unless the pattern is absolute), sorted and without duplicates.
 */
export async function expandGlobs(
  patterns: readonly string[],
  cwd: string,
  target: GlobTarget,
): Promise<GlobExpansion> {
  const paths = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (!hasWildcard(pattern)) {
      paths.add(pattern);
      continue;
    }
    const matches = await expandOne(pattern, cwd, target);
    if (matches.length === 0) unmatched.push(pattern);
    for (const match of matches) paths.add(match);
  }
  return { paths: [...paths].sort(), unmatched };
}
