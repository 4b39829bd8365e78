import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHclTree } from '../../bench/generate/terraform-hcl.mjs';
import { isSymbolic } from '../../src/model/value.js';
import { terraformHclSource } from '../../src/sources/terraform-hcl.js';

describe('the HCL tree generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hcl-generator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the requested number of .tf files that load through the HCL source', async () => {
    const tree = writeHclTree(join(dir, 'infra'), { files: 12, seed: 5 });
    expect(readdirSync(join(dir, 'infra')).filter((name) => name.endsWith('.tf'))).toHaveLength(12);
    const loaded = await terraformHclSource.load(
      { before: null, after: join(dir, 'infra'), idPrefix: '' },
      { cwd: dir, maxInputBytes: 10_000_000 },
    );
    expect(loaded.region).toBe('us-east-1');
    expect(loaded.after.roles).toHaveLength(tree.workloads * 3);
    expect(loaded.after.sinks).toHaveLength(1);
    const aliases = loaded.after.resources.filter(
      (resource) => resource.iacType === 'aws_bedrockagent_agent_alias',
    );
    expect(aliases).toHaveLength(tree.workloads);
    // Policies are jsonencode literals with references: they must be read as documents, not left unknown.
    const inline = loaded.after.policies.filter((policy) => policy.iacType === 'aws_iam_role_policy');
    expect(inline).toHaveLength(tree.workloads);
    for (const policy of inline) expect('statements' in policy.document).toBe(true);
    const bucketArns = loaded.after.resources
      .filter((resource) => resource.iacType === 'aws_s3_bucket')
      .map((resource) => resource.arn);
    expect(bucketArns.every((arn) => typeof arn === 'string' || isSymbolic(arn))).toBe(true);
  });
});
