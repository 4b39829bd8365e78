import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares text with a committed golden file; `UPDATE_GOLDEN=1` (npm run golden) rewrites the file instead.
 * Goldens are never edited by hand.
 */
export async function expectGolden(file: string, actual: string): Promise<void> {
  if (process.env.UPDATE_GOLDEN) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = await readFile(file, 'utf8');
  } catch {
    throw new Error(`golden file ${file} is missing: run npm run golden and review it`);
  }
  expect(actual).toBe(expected);
}
