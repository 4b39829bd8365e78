import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import {
  bareUrls,
  htmlTags,
  issueReferences,
  linesOutsideFences,
  mentions,
  tableShapes,
  unsafeLinks,
} from '../support/markdown-structure.js';
import { coverageResource, finding, grant, input, report, role, sink } from '../support/report-builders.js';
import { sampleFileUrl } from '../support/sample-reports.js';

/** Puts the same text into every string field a reader sees, in every section of the comment. */
function reportWith(text: string): Report {
  const location = { file: `infra/${text}.tf`, line: 4 };
  return report({
    inputs: [input({ path: text, status: 'error', error: text }), input({ path: `ok-${text}` })],
    sinks: [sink({ id: text, action: 'update' })],
    resources: [
      coverageResource({ id: text, arn: text, detail: text, coveredBy: [text, text], location }),
      coverageResource({
        id: `${text}-2`,
        dataResourceType: text,
        before: null,
        after: 'none',
        detail: text,
      }),
      coverageResource({ id: `${text}-3`, before: 'partial', after: 'none', detail: text }),
      coverageResource({ id: `${text}-4`, before: 'none', after: 'none', action: 'no-op', detail: text }),
    ],
    roles: [
      role({
        id: text,
        name: text,
        reasons: [text, text],
        added: [grant({ action: text, resource: text, condition: text, accessLevel: text, risks: [text] })],
        removed: [grant({ action: `${text}:x`, resource: text })],
        trust: { added: [text], removed: [text] },
      }),
    ],
    findings: [
      finding({ severity: 'critical', title: text, message: text, resource: text, ruleId: text, location }),
      finding({ severity: 'high', title: text, message: text, resource: text }),
      finding({ severity: 'medium', title: text, message: text, resource: text, location: undefined }),
      finding({ severity: 'low', title: text, message: text, ignored: { reason: text, expires: text } }),
      finding({ severity: 'medium', title: text, message: text, existing: true }),
    ],
  });
}

function render(text: string): string {
  return renderMarkdown(reportWith(text), { fileUrl: sampleFileUrl, title: text });
}

/** What must not change when the text changes: every line's opening character, and the HTML tags. */
function skeleton(markdown: string): { lineStarts: string[]; tags: string[] } {
  return {
    lineStarts: markdown.split('\n').map((line) => line.charAt(0)),
    tags: htmlTags(markdown),
  };
}

function expectSafe(markdown: string, benign: string): void {
  expect(skeleton(markdown)).toEqual(skeleton(benign));
  for (const table of tableShapes(markdown)) {
    for (const row of table.rows) expect(row).toBe(table.header);
  }
  expect(mentions(markdown)).toEqual([]);
  expect(issueReferences(markdown)).toEqual([]);
  expect(unsafeLinks(markdown)).toEqual([]);
  expect(bareUrls(markdown)).toEqual([]);
  const outside = linesOutsideFences(markdown).join('\n');
  expect(outside).not.toMatch(/<(img|script|iframe|a |svg)/i);
  expect(outside).not.toContain('<!--');
}

const HOSTILE = [
  '<details>',
  '</details><img src=x onerror=alert(1)>',
  '| a | b |',
  '```',
  '````hcl\n}\n````',
  '@octocat',
  'cc @org/security-team please',
  '#1',
  'fixes #123 and GH-7',
  '[x](javascript:alert(1))',
  '![x](https://evil.example/pixel.png)',
  '<!--',
  '-->',
  'line one\nline two',
  'cell\r\n| injected | row |',
  '<script>alert(1)</script>',
  '</summary></details>',
  '\\| escaped pipe',
  '\u001b[31mred\u001b[0m',
  '\u202Egnp.exe',
  '$$\\begin{matrix}$$',
  '"; name = "x',
  '${aws_s3_bucket.x.arn}',
  'see https://evil.example/login or www.evil.example',
];

describe('renderMarkdown escapes untrusted text', () => {
  const benign = render('plain');

  it('keeps the benign report well-formed to begin with', () => {
    expect(tableShapes(benign).length).toBeGreaterThan(0);
    expect(htmlTags(benign)).toContain('<details>');
    expectSafe(benign, benign);
  });

  it.each(HOSTILE)('leaves the structure intact with %j everywhere', (text) => {
    expectSafe(render(text), benign);
  });

  it('never puts a mention, tag or extra column into the comment, whatever the text', () => {
    const fragments = fc.constantFrom(
      ...HOSTILE,
      '|',
      '<',
      '>',
      '@a',
      '#9',
      '`',
      '\n',
      '\\',
      '[',
      ']',
      '(',
      ')',
      '&',
    );
    const text = fc
      .array(
        fc.oneof(fragments, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ maxLength: 8 })),
        {
          minLength: 1,
          maxLength: 6,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expectSafe(render(value), benign);
      }),
      { numRuns: 150 },
    );
  });
});
