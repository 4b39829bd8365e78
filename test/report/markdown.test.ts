import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { coverageResource, finding, grant, report, role } from '../support/report-builders.js';
import { failCoverageAndRoles, passNoChanges, sampleFileUrl } from '../support/sample-reports.js';

describe('renderMarkdown layout', () => {
  it('says in one line that nothing AI-relevant changed', () => {
    expect(renderMarkdown(passNoChanges())).toBe(
      '## AI access diff\n\n✅ No AI-relevant changes: no AI resource, trail or AI role is affected.\n',
    );
  });

  it('names the failing severities and the threshold in the verdict', () => {
    expect(renderMarkdown(failCoverageAndRoles())).toContain(
      '❌ **Fails: 1 critical and 4 high findings (fail-on: high)**',
    );
    const passing = report({ findings: [finding({ severity: 'medium' })], failOn: 'high' });
    expect(renderMarkdown(passing)).toContain('✅ **Passes (fail-on: high)**');
    const never = report({ findings: [finding({ severity: 'critical' })], failOn: 'never' });
    expect(renderMarkdown(never)).toContain('✅ **Passes (fail-on: never)**');
  });

  it('counts only the findings that fail the verdict: standing gaps are shown but never counted', () => {
    const failing = report({
      findings: [
        finding({ severity: 'high' }),
        finding({ severity: 'critical', existing: true, resource: 'aws_s3_bucket.old' }),
      ],
      failOn: 'high',
    });
    expect(failing.verdict.failed).toBe(true);
    expect(renderMarkdown(failing)).toContain('❌ **Fails: 1 high finding (fail-on: high)**');
  });

  it('shows the two headline figures', () => {
    const markdown = renderMarkdown(failCoverageAndRoles());
    expect(markdown).toContain('**AI resources fully logged:** 3/5 → 1/5');
    expect(markdown).toContain('**Grants on AI roles:** +15 / −1 across 2 roles');
  });

  it('orders findings by severity, critical first', () => {
    const markdown = renderMarkdown(
      report({
        findings: [
          finding({ severity: 'low', title: 'low one' }),
          finding({ severity: 'critical', title: 'critical one' }),
          finding({ severity: 'medium', title: 'medium one' }),
        ],
      }),
    );
    const order = ['critical one', 'medium one', 'low one'].map((title) => markdown.indexOf(title));
    expect(order).toEqual([...order].sort((left, right) => left - right));
  });

  it('links a finding to its line when it can, and shows the location as text otherwise', () => {
    const sample = report({ findings: [finding({ location: { file: 'infra/main.tf', line: 12 } })] });
    expect(renderMarkdown(sample, { fileUrl: sampleFileUrl })).toContain(
      '[infra/main.tf:12](https://github.com/octo-org/infra/blob/0123456789abcdef0123456789abcdef01234567/infra/main.tf#L12)',
    );
    expect(renderMarkdown(sample)).toContain('(infra/main.tf:12 · unlogged-ai-resource)');
    expect(renderMarkdown(sample, { fileUrl: () => 'javascript:alert(1)' })).toContain(
      '(infra/main.tf:12 · unlogged-ai-resource)',
    );
  });

  it('folds ignored findings with their reason, apart from the rest', () => {
    const markdown = renderMarkdown(failCoverageAndRoles());
    expect(markdown).toContain('<details><summary>Ignored findings (1)</summary>');
    expect(markdown).toContain('ignored because accepted for the pilot, until 2026-12-31');
    expect(markdown).not.toContain('### 🟡 Medium');
  });

  it('folds standing gaps: existing findings and resources that stay uncovered', () => {
    const markdown = renderMarkdown(failCoverageAndRoles());
    const standing = markdown.slice(markdown.indexOf('<details><summary>Standing gaps'));
    expect(standing).toContain('Bucket aws\\_s3\\_bucket.kb\\_docs is only partly logged');
    expect(standing).toContain(
      '- aws\\_s3\\_bucket.kb\\_docs (AWS::S3::Object): 🟡 partial → 🟡 partial: write events only',
    );
  });

  it('folds a long grant table and keeps a short one open', () => {
    const markdown = renderMarkdown(failCoverageAndRoles());
    expect(markdown).toContain('Grants: 3 added, 1 removed\n\n| | Service |');
    expect(markdown).toContain('<details><summary>Grants: 12 added, 0 removed</summary>');
  });

  it('proposes a selector for each AI resource nothing records after the change, with the billing note', () => {
    const markdown = renderMarkdown(
      report({
        resources: [
          coverageResource({
            id: 'aws_s3_bucket.docs',
            dataResourceType: 'AWS::S3::Object',
            arn: 'arn:aws:s3:::docs',
          }),
        ],
      }),
    );
    expect(markdown).toContain('Data events are billed per event recorded');
    expect(markdown).toContain('starts_with = ["arn:aws:s3:::docs/"]');
  });

  it('shows risky grants with their risk classes and uses the given title', () => {
    const markdown = renderMarkdown(
      report({
        roles: [
          role({
            added: [grant({ action: 'iam:PassRole', accessLevel: 'Write', risks: ['privilege-escalation'] })],
          }),
        ],
      }),
      { title: 'Infra: AI access' },
    );
    expect(markdown.startsWith('## Infra: AI access\n')).toBe(true);
    expect(markdown).toContain('| ➕ | iam | iam:PassRole | \\* | Write | ⚠️ privilege-escalation |');
  });
});
