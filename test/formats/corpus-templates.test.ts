// Real templates and real before/after pairs from the shared corpus, run through the real sources and the whole
// pipeline: what a good tool says about each (see the corpus README), and the JSON report as a golden.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../../src/analysis/coverage/index.js';
import type { Report, ReportRole } from '../../src/model/report.js';
import type { CloudResource, LinkRelation } from '../../src/model/resource.js';
import type { BasicSelector } from '../../src/model/sink.js';
import { emptySnapshot, type Snapshot } from '../../src/model/snapshot.js';
import { unknownValue } from '../../src/model/unknown.js';
import { renderJson, renderMarkdown } from '../../src/report/index.js';
import { CloudFormationSource } from '../../src/sources/cloudformation.js';
import { terraformHclSource } from '../../src/sources/terraform-hcl.js';
import { expectGolden } from '../support/golden.js';
import { analyzeInputs } from '../support/run-analysis.js';
import { CORPUS_DIR, corpusFile, listCorpusFiles } from '../support/template-corpus.js';
import { makeTempTree, type TempTree } from '../support/temp-tree.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`../golden/corpus/${name}`, import.meta.url));
const context = { cwd: root, maxInputBytes: 1e9 };

/** A corpus file as a path relative to the repository root, the way a user would pass it. */
const fromRoot = (file: string) => relative(root, `${CORPUS_DIR}${file}`).split('\\').join('/');

const statusesOf = (report: Report) =>
  Object.fromEntries(report.coverage.resources.map((row) => [row.id, [row.before, row.after]]));
const rulesOf = (report: Report) => report.findings.map((finding) => `${finding.ruleId} ${finding.resource}`);
const actionsOf = (grants: ReportRole['added']) => grants.map((grant) => grant.action);

/** Runs a template as a new file (no before side), from the repository root. */
function analyzeNewFile(file: string): Promise<Report> {
  return analyzeInputs({ cwd: root, after: fromRoot(file) });
}

/**
 * Makes an AI resource use the given resources (a knowledge base reading buckets, an agent calling functions), so
 * that their coverage is reported: the corpus templates that test selectors declare no AI resource of their own.
 */
function withAiUser(snapshot: Snapshot, uses: readonly (readonly [string, LinkRelation])[]): Snapshot {
  const first = snapshot.resources[0];
  const user: CloudResource = {
    id: 'test/AiUser',
    iacType: 'AWS::Bedrock::KnowledgeBase',
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::KnowledgeBase',
    arn: unknownValue('added by the test'),
    name: 'ai-user',
    region: first?.region ?? unknownValue('added by the test'),
    account: first?.account ?? unknownValue('added by the test'),
  };
  return {
    ...snapshot,
    resources: [...snapshot.resources, user],
    links: [...snapshot.links, ...uses.map(([id, relation]) => ({ from: user.id, to: { id }, relation }))],
  };
}

async function loadTemplate(file: string): Promise<Snapshot> {
  const loaded = await new CloudFormationSource().load(
    { before: null, after: `${CORPUS_DIR}${file}`, idPrefix: '' },
    context,
  );
  return loaded.after;
}

function coverageAfter(snapshot: Snapshot): Record<string, string> {
  const rows = analyzeCoverage({ before: emptySnapshot(), after: snapshot, changes: {}, externalSinks: [] });
  return Object.fromEntries(
    rows.resources
      .filter((row) => row.role !== 'ai')
      .map((row) => [
        row.id.slice(row.id.indexOf('/') + 1),
        `${row.after}${row.detail ? ` (${row.detail})` : ''}`,
      ]),
  );
}

describe('the CRM agent stack', () => {
  const file = corpusFile('cfn', 'customer-relationship-management-agent__codepipeline');

  it('leaves its agent alias unlogged: the trail records one S3 object and no management events', async () => {
    const report = await analyzeNewFile(file);
    const alias = report.coverage.resources.find((row) => row.iacType === 'AWS::Bedrock::AgentAlias');
    expect(alias).toMatchObject({ action: 'create', before: null, after: 'none', coveredBy: [] });
    expect(report.coverage.sinks).toEqual([
      expect.objectContaining({ kind: 'trail', action: 'create', logging: true }),
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === 'unlogged-ai-resource')).toEqual(
      expect.arrayContaining([expect.objectContaining({ resource: alias?.id })]),
    );

    const snapshot = await loadTemplate(file);
    const [trail] = snapshot.sinks;
    const selectors = trail?.basicSelectors as readonly BasicSelector[];
    expect(selectors).toHaveLength(1);
    expect(selectors[0]).toMatchObject({ readWriteType: 'WriteOnly', includeManagementEvents: false });
    expect(selectors[0]?.dataResources).toEqual([
      {
        type: 'AWS::S3::Object',
        values: [
          { parts: [{ ref: expect.stringMatching(/StreamlitCodeS3Bucket$/), attribute: 'arn' }, '/app.zip'] },
        ],
      },
    ]);
    // Were the code bucket AI data, one written object would be all that is recorded of it.
    const bucket = snapshot.resources.find((resource) => resource.id.endsWith('/StreamlitCodeS3Bucket'));
    expect(coverageAfter(withAiUser(snapshot, [[bucket!.id, 'data-source-bucket']]))).toEqual({
      AgentLambdaFunction: 'none',
      StreamlitCodeS3Bucket: 'partial (write-only; narrowed by resources.ARN)',
    });

    await expectGolden(golden('crm-agent.json'), renderJson(report));
    await expectGolden(golden('crm-agent.md'), renderMarkdown(report));
  });
});

describe('the aws-cdk CloudTrail data-events snapshot', () => {
  const file = corpusFile('cdk', 'integ-cloudtrail-data-events.template.json');

  it('reads selector ARNs built with Fn::GetAtt and Fn::Join, and records the bucket and the function', async () => {
    const report = await analyzeNewFile(file);
    expect(report.coverage.resources).toEqual([]);
    expect(report.coverage.sinks).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/\/Trail022F0CF2$/),
        kind: 'trail',
        logging: true,
      }),
    ]);
    expect(report.findings).toEqual([]);

    const snapshot = await loadTemplate(file);
    const values = (snapshot.sinks[0]?.basicSelectors ?? []).flatMap((selector) =>
      selector.dataResources.map((resource) => [resource.type, resource.values]),
    );
    expect(values).toEqual([
      [
        'AWS::Lambda::Function',
        [{ parts: [{ ref: expect.stringMatching(/\/LambdaFunctionBF21E41F$/), attribute: 'arn' }] }],
      ],
      [
        'AWS::S3::Object',
        [{ parts: [{ ref: expect.stringMatching(/\/Bucket83908E77$/), attribute: 'arn' }, '/'] }],
      ],
    ]);
    const ids = snapshot.resources.map((resource) => resource.id);
    const bucket = ids.find((id) => id.endsWith('/Bucket83908E77'))!;
    const tool = ids.find((id) => id.endsWith('/LambdaFunctionBF21E41F'))!;
    expect(
      coverageAfter(
        withAiUser(snapshot, [
          [bucket, 'data-source-bucket'],
          [tool, 'tool-function'],
        ]),
      ),
    ).toEqual({ Bucket83908E77: 'full', LambdaFunctionBF21E41F: 'full' });

    await expectGolden(golden('aws-cdk-cloudtrail-data-events.json'), renderJson(report));
  });
});

/** Which of regula's two rules a file's label speaks of, from its name. */
function regulaRule(name: string, valid: boolean): 'read' | 'write' | 'both' {
  // The same template is labelled valid for the read rule and invalid for the write rule.
  if (name.startsWith('write_one_bucket_read_all')) return valid ? 'read' : 'write';
  if (name.startsWith('read_')) return 'read';
  if (name.startsWith('write_')) return 'write';
  return 'both';
}

function recordsDirection(status: string, direction: 'read' | 'write'): boolean {
  return status === 'full' || status === `partial (${direction}-only)`;
}

describe('the regula S3 data-logging templates, through the CloudFormation source', () => {
  const files = listCorpusFiles('cfn').filter((file) => file.includes('cloudtrail_s3_data_logging'));
  const expected: Record<string, Record<string, string>> = {
    all_all_buckets: { LoggingBucket: 'full', Bucket1: 'full', Bucket2: 'full', Bucket3: 'full' },
    all_two_buckets: { LoggingBucket: 'full', Bucket1: 'full' },
    all_one_bucket: { LoggingBucket: 'full', Bucket1: 'none' },
    read_all_buckets: {
      LoggingBucket: 'partial (read-only)',
      Bucket1: 'partial (read-only)',
      Bucket2: 'partial (read-only)',
      Bucket3: 'partial (read-only)',
    },
    read_one_bucket: { LoggingBucket: 'partial (read-only)', Bucket1: 'none' },
    write_all_buckets: {
      LoggingBucket: 'partial (write-only)',
      Bucket1: 'partial (write-only)',
      Bucket2: 'partial (write-only)',
      Bucket3: 'partial (write-only)',
    },
    write_one_bucket: { LoggingBucket: 'partial (write-only)', Bucket1: 'none' },
    write_one_bucket_read_all: {
      LoggingBucket: 'full',
      Bucket1: 'partial (read-only)',
      Bucket2: 'partial (read-only)',
      Bucket3: 'partial (read-only)',
    },
    trail_no_selector: { LoggingBucket: 'none', Bucket1: 'none', Bucket2: 'none', Bucket3: 'none' },
    trail_no_data_events: { LoggingBucket: 'none', Bucket1: 'none', Bucket2: 'none', Bucket3: 'none' },
    no_trails: { Bucket1: 'none', Bucket2: 'none', Bucket3: 'none' },
  };

  it('covers all twelve labelled templates', () => {
    expect(files).toHaveLength(12);
  });

  it.each(files)('%s', async (file) => {
    const [, label = '', name = ''] =
      /__(valid|invalid)_cloudtrail_s3_data_logging_(\w+)_infra\.yaml$/.exec(file) ?? [];
    const valid = label === 'valid';
    const snapshot = await loadTemplate(file);
    const buckets = snapshot.resources.filter((resource) => resource.kind === 'bucket');
    const statuses = coverageAfter(
      withAiUser(
        snapshot,
        buckets.map((resource) => [resource.id, 'data-source-bucket'] as const),
      ),
    );
    expect(statuses).toEqual(expected[name]);
    const rule = regulaRule(name, valid);
    const directions = rule === 'both' ? (['read', 'write'] as const) : ([rule] as const);
    const allRecorded = Object.values(statuses).every((status) =>
      directions.every((direction) => recordsDirection(status, direction)),
    );
    expect(allRecorded).toBe(valid);
  });
});

describe('the awscc examples', () => {
  const examples = [
    'awscc_bedrockagentcore_runtime__main.tf',
    'awscc_sagemaker_feature_group__main.tf',
    'awscc_qbusiness_application__qbusiness_application.tf',
    'awscc_qbusiness_data_source__qbusiness_data_source.tf',
    'awscc_bedrock_knowledge_base__bedrock_knowledge_base.tf',
  ];

  it.each(examples)('%s: its AI resources are unlogged and its roles are AI roles', async (name) => {
    const file = corpusFile('hcl/hashicorp__terraform-provider-awscc', name);
    const report = await analyzeNewFile(file);
    expect(report.inputs[0]).toMatchObject({ format: 'terraform-hcl', status: 'ok' });
    const ai = report.coverage.resources.filter((row) => row.role === 'ai');
    expect(ai.length).toBeGreaterThan(0);
    for (const row of ai) expect(row).toMatchObject({ action: 'create', before: null, after: 'none' });
    expect(report.coverage.sinks).toEqual([]);
    const unlogged = report.findings.filter((finding) => finding.ruleId === 'unlogged-ai-resource');
    expect(unlogged.map((finding) => finding.resource).sort()).toEqual(ai.map((row) => row.id).sort());
    // Each declared role is listed as an AI role because it is the execution role of the AI resource; the
    // application and the knowledge base examples take their role from outside (none, or a variable).
    const declaredRoles = (
      await terraformHclSource.load({ before: null, after: `${CORPUS_DIR}${file}`, idPrefix: '' }, context)
    ).after.roles.map((role) => role.id);
    expect(report.permissions.roles.map((role) => role.id).sort()).toEqual(declaredRoles.sort());
    for (const role of report.permissions.roles) {
      expect(role.reasons).toEqual(
        expect.arrayContaining([expect.stringMatching(/^execution role of awscc_/)]),
      );
    }
    await expectGolden(
      golden(`awscc-${name.replace(/__.*$/, '').replace(/^awscc_/, '')}.json`),
      renderJson(report),
    );
  });
});

/** A real before/after pair: the corpus files, each copied under the name it has in its repository. */
interface CorpusPair {
  readonly id: string;
  /** Files relative to the input, each side's copy from the corpus. */
  readonly before: Readonly<Record<string, string>>;
  readonly after: Readonly<Record<string, string>>;
  /** The input inside each side's directory: a template file or `.` for a .tf directory. */
  readonly input: string;
}

const CDK = 'cdk/awslabs__generative-ai-cdk-constructs/';
const BEDROCK_MODULE = 'hcl/aws-ia__terraform-aws-bedrock/';
const ENDPOINT_MODULE = 'hcl/aws-ia__terraform-aws-sagemaker-endpoint/';
const CLOUDPOSSE = 'hcl/cloudposse__terraform-aws-cloudtrail/';
const SRA = 'cfn/aws-samples__aws-security-reference-architecture-examples/';

function cdkPair(id: string, stem: string, template: string): CorpusPair {
  return {
    id,
    before: { [template]: `${CDK}${stem}.before.json` },
    after: { [template]: `${CDK}${stem}.after.json` },
    input: template,
  };
}

/** The same sibling files on both sides of a Terraform module pair. */
function siblings(folder: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `${folder}${name}`]));
}

const PAIRS: Record<string, CorpusPair> = {
  P1: cdkPair(
    'P1',
    'test__integ__inference-profiles.integ.snapshot__aws-cdk-bedrock-guardrails-integ-test.template',
    'aws-cdk-bedrock-guardrails-integ-test.template.json',
  ),
  P2: cdkPair(
    'P2',
    'test__integ__agents.integ.snapshot__aws-cdk-bedrock-guardrails-integ-test.template',
    'aws-cdk-bedrock-guardrails-integ-test.template.json',
  ),
  P3: cdkPair(
    'P3',
    'test__cdk-lib__bedrock__integ-tests__data-sources.integ.snapshot__aws-cdk-bedrock-data-sources-integ-test.template',
    'aws-cdk-bedrock-data-sources-integ-test.template.json',
  ),
  P4: {
    id: 'P4',
    before: {
      'iam.tf': `${BEDROCK_MODULE}iam.before.tf`,
      ...siblings(BEDROCK_MODULE, ['data.tf', 'main.tf', 'knowledge-base.tf']),
    },
    after: {
      'iam.tf': `${BEDROCK_MODULE}iam.after.tf`,
      ...siblings(BEDROCK_MODULE, ['data.tf', 'main.tf', 'knowledge-base.tf']),
    },
    input: '.',
  },
  P5: {
    id: 'P5',
    before: {
      'data.tf': `${ENDPOINT_MODULE}data.before.tf`,
      ...siblings(ENDPOINT_MODULE, ['iam.tf', 'main.tf']),
    },
    after: {
      'data.tf': `${ENDPOINT_MODULE}data.after.tf`,
      ...siblings(ENDPOINT_MODULE, ['iam.tf', 'main.tf']),
    },
    input: '.',
  },
  P6: {
    id: 'P6',
    before: {
      'sra-cloudtrail-org.yaml': `${SRA}aws_sra_examples__solutions__cloudtrail__cloudtrail_org__templates__sra-cloudtrail-org.before.yaml`,
    },
    after: {
      'sra-cloudtrail-org.yaml': `${SRA}aws_sra_examples__solutions__cloudtrail__cloudtrail_org__templates__sra-cloudtrail-org.after.yaml`,
    },
    input: 'sra-cloudtrail-org.yaml',
  },
  P8: {
    // The module at the root, its complete example calling it with `source = "../../"` and the example's tfvars.
    id: 'P8',
    before: {
      'main.tf': `${CLOUDPOSSE}main.before.tf`,
      'examples/complete/main.tf': `${CLOUDPOSSE}examples__complete__main.tf`,
      'examples/complete/fixtures.us-east-2.tfvars': `${CLOUDPOSSE}examples__complete__fixtures.us-east-2.before.tfvars`,
    },
    after: {
      'main.tf': `${CLOUDPOSSE}main.after.tf`,
      'examples/complete/main.tf': `${CLOUDPOSSE}examples__complete__main.tf`,
      'examples/complete/fixtures.us-east-2.tfvars': `${CLOUDPOSSE}examples__complete__fixtures.us-east-2.after.tfvars`,
    },
    input: 'examples/complete',
  },
};

const trees: TempTree[] = [];
afterAll(() => {
  for (const tree of trees) tree.remove();
});

/** Copies a pair into `before/` and `after/` of a fresh directory and analyses it from there. */
async function analyzePair(pair: CorpusPair): Promise<{ report: Report; tree: TempTree }> {
  const files: Record<string, { copy: string }> = {};
  for (const side of ['before', 'after'] as const) {
    for (const [name, source] of Object.entries(pair[side]))
      files[`${side}/${name}`] = { copy: `${CORPUS_DIR}${source}` };
  }
  const tree = makeTempTree(files, pair.id);
  trees.push(tree);
  const input = (side: string) => (pair.input === '.' ? side : `${side}/${pair.input}`);
  const report = await analyzeInputs({ cwd: tree.root, before: input('before'), after: input('after') });
  expect(report.inputs.map((entry) => entry.status)).toEqual(['ok']);
  return { report, tree };
}

const roleById = (report: Report, suffix: string) =>
  report.permissions.roles.find((role) => role.id.endsWith(suffix));

describe('real before/after pairs', () => {
  it('P1: three agent roles broadened by bedrock:InvokeModel*, with nothing risky', async () => {
    const { report } = await analyzePair(PAIRS.P1!);
    expect(report.permissions.roles).toHaveLength(3);
    for (const role of report.permissions.roles) {
      expect(role.action).toBe('no-op');
      expect(role.reasons).toEqual(expect.arrayContaining(['trusts bedrock.amazonaws.com']));
      expect(actionsOf(role.added)).toEqual(
        expect.arrayContaining(['bedrock:InvokeModelWithResponseStream', 'bedrock:GetFoundationModel']),
      );
      expect(role.removed).toEqual([]);
    }
    expect(report.findings).toEqual([]);
    await expectGolden(golden('P1-inference-profiles.json'), renderJson(report));
  });

  it('P2: the agent role gains bedrock:ApplyGuardrail and the new guardrail is unlogged', async () => {
    const { report } = await analyzePair(PAIRS.P2!);
    const agentRole = roleById(report, '/AgentRole9D587F56');
    expect(actionsOf(agentRole!.added)).toEqual(['bedrock:ApplyGuardrail']);
    expect(agentRole!.removed).toEqual([]);
    const guardrail = report.coverage.resources.find((row) => row.iacType === 'AWS::Bedrock::Guardrail');
    expect(guardrail).toMatchObject({ action: 'create', before: null, after: 'none' });
    expect(rulesOf(report)).toEqual(
      expect.arrayContaining([`unlogged-ai-resource ${guardrail!.id}`, `blind-spot ${agentRole!.id}`]),
    );
    await expectGolden(golden('P2-agents-guardrail.json'), renderJson(report));
    await expectGolden(golden('P2-agents-guardrail.md'), renderMarkdown(report));
  });

  it('P3: a new knowledge base and its new AI role, the knowledge base unlogged', async () => {
    const { report } = await analyzePair(PAIRS.P3!);
    const kbRole = roleById(report, '/MyKnowledgeBaseRole4DDDF8A1');
    expect(kbRole).toMatchObject({ action: 'create' });
    expect(kbRole!.trust.added).toEqual([
      expect.stringMatching(/^Service:bedrock\.amazonaws\.com when .*aws:SourceArn.*aws:SourceAccount/),
    ]);
    const kb = report.coverage.resources.find((row) => row.iacType === 'AWS::Bedrock::KnowledgeBase');
    expect(kb).toMatchObject({ action: 'create', before: null, after: 'none' });
    expect(rulesOf(report)).toEqual(expect.arrayContaining([`unlogged-ai-resource ${kb!.id}`]));
    // Its trust names the account and the knowledge bases: no confused deputy.
    expect(rulesOf(report)).not.toContain(`confused-deputy ${kbRole!.id}`);
    await expectGolden(golden('P3-data-sources.json'), renderJson(report));
  });

  it('P4: kendra:* removed from the knowledge-base role: permissions-reduced only', async () => {
    const { report } = await analyzePair(PAIRS.P4!);
    expect(report.permissions.roles.map((role) => role.id)).toEqual([
      'aws_iam_role.bedrock_knowledge_base_role',
    ]);
    const [kbRole] = report.permissions.roles;
    expect(kbRole!.added).toEqual([]);
    expect(actionsOf(kbRole!.removed)).toEqual([expect.stringMatching(/^kendra:\*/)]);
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['permissions-reduced']);
    // The statement is gone after the change, so the finding points at the role's declaration.
    expect(report.findings[0]?.location).toEqual({ file: 'after/iam.tf', line: 33 });
    expect(report.verdict.failed).toBe(false);
    await expectGolden(golden('P4-kendra-removed.json'), renderJson(report));
    await expectGolden(golden('P4-kendra-removed.md'), renderMarkdown(report));
  });

  it('P5: the SageMaker principal written with the partition DNS suffix means the same: no finding', async () => {
    const { report } = await analyzePair(PAIRS.P5!);
    expect(report.permissions.roles).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(statusesOf(report)).toEqual({ 'aws_sagemaker_endpoint.sagemaker_endpoint': ['none', 'none'] });
    await expectGolden(golden('P5-partition-dns-suffix.json'), renderJson(report));
  });

  it('P6: a Lambda role of the CloudTrail organisation stack gains a resource: not an AI role', async () => {
    const { report } = await analyzePair(PAIRS.P6!);
    expect(report.permissions.roles).toEqual([]);
    expect(report.coverage.resources).toEqual([]);
    expect(report.findings).toEqual([]);
    await expectGolden(golden('P6-sra-cloudtrail-org.json'), renderJson(report));
  });

  it('P8: the module gains advanced selectors, filled from the example tfvars', async () => {
    const { report, tree } = await analyzePair(PAIRS.P8!);
    expect(report.coverage.sinks).toEqual([
      { id: 'module.cloudtrail.aws_cloudtrail.default', kind: 'trail', action: 'update', logging: true },
    ]);
    expect(report.findings).toEqual([]);
    expect(report.inputs[0]?.notes).toEqual(
      expect.arrayContaining([
        'after: variable values read from fixtures.us-east-2.tfvars as if passed with -var-file',
        expect.stringMatching(/remote module "cloudposse\/cloudtrail-s3-bucket\/aws" is not analysed/),
      ]),
    );
    const loaded = await terraformHclSource.load(
      { before: 'before/examples/complete', after: 'after/examples/complete', idPrefix: '' },
      { cwd: tree.root, maxInputBytes: 1e9 },
    );
    const [trail] = loaded.after.sinks;
    expect(trail).toMatchObject({ homeRegion: 'us-east-2', location: { file: 'after/main.tf', line: 1 } });
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
    // Before, the module writes only basic selectors from var.event_selector, which the corpus does not declare.
    expect(loaded.before.sinks[0]?.advancedSelectors).toMatchObject({ unknown: true });
    await expectGolden(golden('P8-cloudposse-selectors.json'), renderJson(report));
  });
});
