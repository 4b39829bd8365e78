import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../src/model/iam.js';
import type { LoadedInput } from '../../../src/model/snapshot.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { terraformHclSource } from '../../../src/sources/terraform-hcl.js';
import { makeHclDirectory } from '../../support/hcl-directory.js';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/hcl/', import.meta.url));

async function loadFile(corpusFile: string): Promise<LoadedInput> {
  const directory = await makeHclDirectory({ 'main.tf': { copy: join(corpus, corpusFile) } });
  try {
    return await terraformHclSource.load(
      { before: null, after: directory.root, idPrefix: '' },
      { cwd: directory.root, maxInputBytes: 1e9 },
    );
  } finally {
    await directory.remove();
  }
}

async function loadPair(
  before: Record<string, { copy: string } | string>,
  after: Record<string, { copy: string } | string>,
) {
  const beforeDirectory = await makeHclDirectory(before);
  const afterDirectory = await makeHclDirectory(after);
  try {
    return await terraformHclSource.load(
      { before: beforeDirectory.root, after: afterDirectory.root, idPrefix: '', beforeDisplayPath: 'infra' },
      { cwd: afterDirectory.root, maxInputBytes: 1e9 },
    );
  } finally {
    await beforeDirectory.remove();
    await afterDirectory.remove();
  }
}

function statements(
  document: PolicyDocument | ReturnType<typeof Object> | null | undefined,
): PolicyDocument['statements'] {
  if (document === null || document === undefined || isUnknown(document))
    throw new Error('document is not known');
  return (document as PolicyDocument).statements;
}

describe('every HCL file of the corpus loads', async () => {
  const files: string[] = [];
  for (const owner of await readdir(corpus)) {
    for (const file of await readdir(join(corpus, owner))) {
      if (file.endsWith('.tf')) files.push(`${owner}/${file}`);
    }
  }
  it.each(files)('%s', async (file) => {
    const loaded = await loadFile(file);
    expect(loaded.format).toBe('terraform-hcl');
    expect(loaded.before.resources).toEqual([]);
    for (const id of Object.keys(loaded.changes)) expect(loaded.changes[id]).toBe('create');
  });
});

describe('awscc examples', () => {
  const awscc = 'hashicorp__terraform-provider-awscc/examples__resources__';

  it('reads an AgentCore runtime, its role with the bedrock-agentcore trust, and its inline policy', async () => {
    const loaded = await loadFile(`${awscc}awscc_bedrockagentcore_runtime__main.tf`);
    const runtime = loaded.after.resources.find((item) => item.iacType === 'awscc_bedrockagentcore_runtime');
    expect(runtime?.kind).toBe('ai');
    const role = loaded.after.roles.find((item) => item.iacType === 'awscc_iam_role');
    expect(role).toBeDefined();
    const trust = statements(role?.trustPolicy);
    expect(JSON.stringify(trust)).toContain('bedrock-agentcore.amazonaws.com');
    expect(
      loaded.after.links.some((link) => link.from === runtime?.id && link.relation === 'execution-role'),
    ).toBe(true);
  });

  it('reads a trail with attribute-syntax advanced selectors', async () => {
    const loaded = await loadFile(`${awscc}awscc_cloudtrail_trail__complex_trail.tf`);
    const [trail] = loaded.after.sinks;
    expect(trail?.kind).toBe('trail');
    expect(trail?.logging).toBe(true);
    expect(trail?.location?.line).toBe(1);
    expect(trail?.advancedSelectors).toEqual([
      {
        name: 'Log all S3 objects events',
        fieldSelectors: [
          { field: 'eventCategory', operators: { Equals: ['Data'] } },
          { field: 'resources.type', operators: { Equals: ['AWS::S3::Object'] } },
          { field: 'resources.ARN', operators: { Equals: ['arn:aws:s3:::my-target-bucket/'] } },
        ],
      },
    ]);
  });

  it.each([
    ['awscc_bedrock_knowledge_base__bedrock_knowledge_base.tf', 'awscc_bedrock_knowledge_base'],
    ['awscc_bedrock_guardrail__bedrock_guardrail_complete.tf', 'awscc_bedrock_guardrail'],
    ['awscc_sagemaker_feature_group__main.tf', 'awscc_sagemaker_feature_group'],
    ['awscc_qbusiness_application__qbusiness_application.tf', 'awscc_qbusiness_application'],
  ])('%s gives its AI resource', async (file, type) => {
    const loaded = await loadFile(`${awscc}${file}`);
    const resource = loaded.after.resources.find((item) => item.iacType === type);
    expect(resource?.kind).toBe('ai');
  });

  it('reads the roles of a SageMaker feature group with the sagemaker trust', async () => {
    const loaded = await loadFile(`${awscc}awscc_sagemaker_feature_group__main.tf`);
    const trusts = loaded.after.roles.map((role) => JSON.stringify(statements(role.trustPolicy)));
    expect(trusts.some((trust) => trust.includes('sagemaker.amazonaws.com'))).toBe(true);
  });
});

describe('sum41k trail variants', () => {
  const rule =
    'sum41k__ecc-aws-rulepack/terraform__ecc-aws-143-bucket_object-level_logging_for_write_enabled__';

  it('green: a basic selector for all S3 objects', async () => {
    const [trail] = (await loadFile(`${rule}green__cloudtrail.tf`)).after.sinks;
    expect(trail?.advancedSelectors).toBeNull();
    expect(trail?.basicSelectors?.[0]?.readWriteType).toBe('All');
    expect(trail?.basicSelectors?.[0]?.dataResources).toEqual([
      { type: 'AWS::S3::Object', values: ['arn:aws:s3'] },
    ]);
  });

  it('red1: advanced selectors for read-only S3 objects and DynamoDB', async () => {
    const [trail] = (await loadFile(`${rule}red1__cloudtrail.tf`)).after.sinks;
    expect(trail?.basicSelectors).toBeNull();
    const selectors = trail?.advancedSelectors;
    expect(Array.isArray(selectors)).toBe(true);
    const first = (selectors as { fieldSelectors: unknown[] }[])[0];
    expect(first?.fieldSelectors).toEqual([
      { field: 'eventCategory', operators: { Equals: ['Data'] } },
      { field: 'resources.type', operators: { Equals: ['AWS::S3::Object'] } },
      { field: 'readOnly', operators: { Equals: ['true'] } },
    ]);
    expect(trail?.multiRegion).toBe(true);
  });

  it('red: a trail with no selectors at all', async () => {
    const [trail] = (await loadFile(`${rule}red__cloudtrail.tf`)).after.sinks;
    expect(trail?.basicSelectors).toBeNull();
    expect(trail?.advancedSelectors).toBeNull();
    expect(trail?.logging).toBe(true);
  });
});

describe('real before/after pairs', () => {
  const bedrock = join(corpus, 'aws-ia__terraform-aws-bedrock');
  const sagemaker = join(corpus, 'aws-ia__terraform-aws-sagemaker-endpoint');

  it('P4: kendra:* leaves the knowledge-base policy, ids stay the same', async () => {
    const loaded = await loadPair(
      { 'iam.tf': { copy: join(bedrock, 'iam.before.tf') }, 'data.tf': { copy: join(bedrock, 'data.tf') } },
      { 'iam.tf': { copy: join(bedrock, 'iam.after.tf') }, 'data.tf': { copy: join(bedrock, 'data.tf') } },
    );
    const ids = (input: typeof loaded.before) =>
      [...input.roles, ...input.policies].map((item) => item.id).sort();
    expect(ids(loaded.after)).toEqual(ids(loaded.before).filter((id) => ids(loaded.after).includes(id)));
    const kendra = (snapshot: typeof loaded.before) =>
      snapshot.policies.some((policy) => JSON.stringify(policy.document).includes('kendra:*'));
    expect(kendra(loaded.before)).toBe(true);
    expect(kendra(loaded.after)).toBe(false);
    expect(loaded.before.policies[0]?.location?.file).toMatch(/^infra\//);
  });

  it('P5: the trust principal is the same service written with the partition suffix', async () => {
    const loaded = await loadPair(
      {
        'data.tf': { copy: join(sagemaker, 'data.before.tf') },
        'iam.tf': { copy: join(sagemaker, 'iam.tf') },
      },
      {
        'data.tf': { copy: join(sagemaker, 'data.after.tf') },
        'iam.tf': { copy: join(sagemaker, 'iam.tf') },
      },
    );
    const [before] = loaded.before.roles;
    const [after] = loaded.after.roles;
    expect(before?.id).toBe(after?.id);
    const principal = (role: typeof before) => {
      const [statement] = statements(role?.trustPolicy);
      return statement?.principal;
    };
    expect(principal(before)).toEqual({ Service: ['sagemaker.amazonaws.com'] });
    expect(principal(after)).toEqual({
      Service: [{ parts: ['sagemaker.', { ref: 'data.aws_partition.current', attribute: 'dns_suffix' }] }],
    });
    const [statement] = statements(after?.trustPolicy);
    expect(statement?.location?.file).toBe('data.tf');
    expect(statement?.location?.line).toBeGreaterThan(1);
  });

  it('P8: the selectors come through the module from the tfvars', async () => {
    const cloudposse = join(corpus, 'cloudposse__terraform-aws-cloudtrail');
    const layout = (side: 'before' | 'after') => ({
      'main.tf': { copy: join(cloudposse, `main.${side}.tf`) },
      // The module's variables.tf is not in the corpus; these two declarations stand in for it.
      'variables.tf':
        'variable "event_selector" {\n  default = []\n}\nvariable "advanced_event_selector" {\n  default = []\n}\n',
      'examples/complete/main.tf': { copy: join(cloudposse, 'examples__complete__main.tf') },
      'examples/complete/fixtures.us-east-2.tfvars': {
        copy: join(cloudposse, `examples__complete__fixtures.us-east-2.${side}.tfvars`),
      },
    });
    const before = await makeHclDirectory(layout('before'));
    const after = await makeHclDirectory(layout('after'));
    try {
      const loaded = await terraformHclSource.load(
        {
          before: join(before.root, 'examples/complete'),
          after: join(after.root, 'examples/complete'),
          idPrefix: '',
          beforeDisplayPath: 'examples/complete',
        },
        { cwd: after.root, maxInputBytes: 1e9 },
      );
      const trail = loaded.after.sinks[0];
      expect(trail?.id).toBe('module.cloudtrail.aws_cloudtrail.default');
      expect(trail?.location).toEqual({ file: 'main.tf', line: 1 });
      expect(trail?.expandedAtApply).toBe(true);
      expect(trail?.homeRegion).toBe('us-east-2');
      expect(trail?.logging).toBe(true);
      expect(trail?.advancedSelectors).toEqual([
        {
          name: 'WriteOnly',
          fieldSelectors: [
            { field: 'eventCategory', operators: { Equals: ['Data'] } },
            { field: 'resources.type', operators: { Equals: ['AWS::Lambda::Function'] } },
            { field: 'readOnly', operators: { Equals: ['false'] } },
          ],
        },
      ]);
      expect(loaded.before.sinks[0]?.id).toBe(trail?.id);
      expect(loaded.before.sinks[0]?.advancedSelectors).toBeNull();
      expect(loaded.changes[trail?.id ?? '']).toBe('update');
      expect(
        loaded.notes.some((note) =>
          note.message.includes('remote module "cloudposse/cloudtrail-s3-bucket/aws"'),
        ),
      ).toBe(true);
    } finally {
      await before.remove();
      await after.remove();
    }
  });
});
