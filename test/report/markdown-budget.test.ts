import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js';
import { measureComment } from '../../src/report/markdown-budget.js';
import { htmlTags, tableShapes } from '../support/markdown-structure.js';
import { coverageResource, finding, report } from '../support/report-builders.js';
import { failCoverageAndRoles, manyFindings, sampleFileUrl } from '../support/sample-reports.js';

const CUT_NOTE = 'The full report is in the job summary and the JSON report.';

/** Every `<details>` that is opened is closed, so a cut never leaves the rest of the page folded. */
function expectBalancedDetails(markdown: string): void {
  const tags = htmlTags(markdown);
  expect(tags.filter((tag) => tag === '<details>').length).toBe(
    tags.filter((tag) => tag === '</details>').length,
  );
}

describe('the Markdown size budget', () => {
  const huge = manyFindings(2_000);

  it('fits 2,000 findings into the default budget, keeping the verdict and critical findings first', () => {
    const markdown = renderMarkdown(huge, { fileUrl: sampleFileUrl });
    expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    expect(measureComment(markdown)).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
    expect(markdown).toContain('❌ **Fails: ');
    expect(markdown).toContain('### 🔴 Critical (');
    expect(markdown).toContain('Finding number 1 on');
    expect(markdown).toContain(CUT_NOTE);
    expect(markdown).not.toContain('### Suggested selectors');
    expectBalancedDetails(markdown);
  });

  it('cuts lower-priority sections before any critical finding', () => {
    const markdown = renderMarkdown(manyFindings(60), { maxLength: 9_000 });
    const criticalCount = Math.ceil(60 / 7);
    const shownCritical = (markdown.match(/^- \*\*Finding number/gm) ?? []).length;
    expect(shownCritical).toBeGreaterThanOrEqual(criticalCount);
    expect(markdown).toMatch(/left out: .*suggested selectors \(all/);
    expect(markdown).not.toContain('### AI role changes');
  });

  it('says which sections were cut and how much of each', () => {
    const markdown = renderMarkdown(huge, { maxLength: 20_000 });
    const note = markdown.split('\n').find((line) => line.includes('left out:')) ?? '';
    expect(note).toMatch(/critical findings \([0-9,]+ of 286\)/);
    expect(note).toMatch(/high findings \(all 572\)/);
    expect(note).toMatch(/standing gaps|suggested selectors/);
    expect(markdown).toMatch(/…and [0-9,]+ more critical findings, cut to fit/);
  });

  it('adds no note when everything fits', () => {
    const markdown = renderMarkdown(failCoverageAndRoles());
    expect(markdown).not.toContain(CUT_NOTE);
    expect(markdown).not.toContain('cut to fit');
  });

  it('never exceeds the budget at any size, and stays well-formed', () => {
    const sized = fc.record({
      findings: fc.integer({ min: 0, max: 400 }),
      maxLength: fc.integer({ min: 0, max: 70_000 }),
    });
    fc.assert(
      fc.property(sized, ({ findings, maxLength }) => {
        const markdown = renderMarkdown(manyFindings(findings), { maxLength, fileUrl: sampleFileUrl });
        expect(measureComment(markdown)).toBeLessThanOrEqual(maxLength);
        expect(markdown.length).toBeLessThanOrEqual(maxLength);
        if (maxLength >= 1_000) {
          expect(markdown).toMatch(/\*\*(Fails|Passes)/);
          expectBalancedDetails(markdown);
          for (const table of tableShapes(markdown)) {
            for (const row of table.rows) expect(row).toBe(table.header);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts multi-byte text against the budget in bytes', () => {
    const wide = report({
      findings: Array.from({ length: 400 }, (_unused, index) =>
        finding({ severity: 'critical', title: `犬 ${index}`, message: '猫'.repeat(100) }),
      ),
      resources: [coverageResource({ id: '🦜'.repeat(50) })],
    });
    const markdown = renderMarkdown(wide, { maxLength: 10_000 });
    expect(measureComment(markdown)).toBeLessThanOrEqual(10_000);
    expect(markdown).toContain(CUT_NOTE);
  });
});
