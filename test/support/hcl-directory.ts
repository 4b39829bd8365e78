import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary directory of Terraform files for one test, removed by `remove()`. */
export interface HclDirectory {
  readonly root: string;
  remove(): Promise<void>;
}

/**
 * Lays out Terraform files in a fresh temporary directory: each entry maps a relative path to either file text or
 * `{ copy: absolutePath }` for a corpus file. The corpus mixes before/after variants in one folder, so each test
 * places the files it needs under the names Terraform expects.
 */
export async function makeHclDirectory(
  files: Record<string, string | { copy: string }>,
): Promise<HclDirectory> {
  const root = await mkdtemp(join(tmpdir(), 'hcl-test-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    if (typeof content === 'string') await writeFile(target, content);
    else await copyFile(content.copy, target);
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
