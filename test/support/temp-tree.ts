// Builds a directory tree in the system temporary directory from text and from copies of existing files.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A file of the tree: its text, or the path of a file to copy. */
export type TreeFile = string | { readonly copy: string };

/** A temporary tree and how to remove it. */
export interface TempTree {
  readonly root: string;
  /** Writes or copies more files into the tree (paths relative to the root, `/`-separated). */
  write(files: Readonly<Record<string, TreeFile>>): void;
  remove(): void;
}

/** Creates a fresh temporary directory holding `files`. */
export function makeTempTree(files: Readonly<Record<string, TreeFile>> = {}, label = 'tree'): TempTree {
  const root = mkdtempSync(join(tmpdir(), `aad-${label}-`));
  const write = (more: Readonly<Record<string, TreeFile>>): void => {
    for (const [path, content] of Object.entries(more)) {
      const target = join(root, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      if (typeof content === 'string') writeFileSync(target, content);
      else copyFileSync(content.copy, target);
    }
  };
  write(files);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A fresh empty temporary directory, removed when the current test finishes, whether it passed or failed. */
export function tempDir(label: string): string {
  const tree = makeTempTree({}, label);
  onTestFinished(() => tree.remove());
  return tree.root;
}
