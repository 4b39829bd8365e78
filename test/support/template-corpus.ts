import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus of real inputs, beside the repository. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** This repository's fixtures directory. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Every file below a corpus folder (`cfn`, `cdk`), as paths relative to the corpus directory. */
export function listCorpusFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(CORPUS_DIR, path).split('\\').join('/'));
    }
  };
  walk(join(CORPUS_DIR, folder));
  return files.sort();
}

/** One corpus file, found by a unique part of its name. */
export function corpusFile(folder: string, nameContains: string): string {
  const matches = listCorpusFiles(folder).filter((file) => file.includes(nameContains));
  if (matches.length !== 1)
    throw new Error(`expected one corpus file matching ${nameContains}, found ${matches.length}`);
  return matches[0] as string;
}
