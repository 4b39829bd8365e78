import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import { GOLDEN_REPORTS, sampleFileUrl } from '../support/sample-reports.js';

// `UPDATE_GOLDEN=1 npx vitest run test/report` rewrites the files; reviewers read the rendered output in the diff.
const GOLDEN_DIR = fileURLToPath(new URL('../golden/report/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(fileName: string, actual: string): void {
  const path = `${GOLDEN_DIR}${fileName}`;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`missing golden file ${fileName}: run UPDATE_GOLDEN=1 npx vitest run test/report`);
  }
  expect(actual).toBe(expected);
}

describe.each(GOLDEN_REPORTS)('golden report $name', ({ name, build, maxLength }) => {
  it('renders JSON', () => {
    expectGolden(`${name}.json`, renderJson(build()));
  });
  it('renders the Markdown comment', () => {
    expectGolden(
      `${name}.md`,
      renderMarkdown(build(), { fileUrl: sampleFileUrl, ...(maxLength ? { maxLength } : {}) }),
    );
  });
  it('renders plain text', () => {
    expectGolden(`${name}.txt`, renderText(build()));
  });
  it('renders SARIF', () => {
    expectGolden(`${name}.sarif`, renderSarif(build()));
  });
});
