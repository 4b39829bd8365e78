// The before side read from git (--base-ref) for every template format, and explicit --before/--after pairs: ids
// pair up across the two sides, locations name the real files and lines, and an unknown ref is a clear error.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { defaultConfig } from '../../src/config/schema.js';
import type { Report, ReportCoverageResource } from '../../src/model/report.js';
import { builtCliExists, runBuiltCli } from '../support/built-cli.js';
import { analyzeInputs, settingsFor } from '../support/run-analysis.js';
import { CORPUS_DIR } from '../support/template-corpus.js';
import { makeTempTree, type TempTree } from '../support/temp-tree.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (path: string) => ({ copy: join(root, 'fixtures', path) });
const P2 = `${CORPUS_DIR}cdk/awslabs__generative-ai-cdk-constructs/test__integ__agents.integ.snapshot__aws-cdk-bedrock-guardrails-integ-test.template`;
const CDK_TEMPLATE = 'aws-cdk-bedrock-guardrails-integ-test.template.json';

const CDK_MANIFEST = JSON.stringify({
  version: '36.0.0',
  artifacts: {
    'aws-cdk-bedrock-guardrails-integ-test': {
      type: 'aws:cloudformation:stack',
      environment: 'aws://unknown-account/unknown-region',
      properties: { templateFile: CDK_TEMPLATE },
    },
  },
});

const ROOT_MODULE = `provider "aws" {
  region = "us-east-1"
}

module "stack" {
  source = "../modules/stack"
}
`;

const NEW_TEMPLATE = `Resources:
  Guard:
    Type: AWS::Bedrock::Guardrail
    Properties:
      Name: new-guard
      BlockedInputMessaging: no
      BlockedOutputsMessaging: no
`;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

const HCL_STACK = ['storage.tf', 'iam.tf', 'agent.tf', 'trail.tf'];
const hclSide = (side: 'before' | 'after') =>
  Object.fromEntries(
    HCL_STACK.map((name) => [`modules/stack/${name}`, fixture(`equivalence/hcl/${side}/${name}`)]),
  );

let repo: TempTree;
const PATHS = ['stacks/app.yaml', 'infra', 'cdk.out', 'stacks/new.yaml', 'stacks/old.yaml'];

beforeAll(() => {
  repo = makeTempTree(
    {
      'stacks/app.yaml': fixture('equivalence/cfn/before/stack.yaml'),
      'stacks/old.yaml': fixture('equivalence/cfn/before/stack.yaml'),
      'infra/main.tf': ROOT_MODULE,
      ...hclSide('before'),
      'cdk.out/manifest.json': CDK_MANIFEST,
      [`cdk.out/${CDK_TEMPLATE}`]: { copy: `${P2}.before.json` },
    },
    'base-ref',
  );
  git(repo.root, 'init', '-q');
  git(repo.root, 'add', '.');
  git(repo.root, 'commit', '-q', '-m', 'before');
  // The change: committed for the template and the module, left in the working tree for the rest.
  repo.write({ 'stacks/app.yaml': fixture('equivalence/cfn/after/stack.yaml'), ...hclSide('after') });
  git(repo.root, 'commit', '-q', '-a', '-m', 'after');
  repo.write({ [`cdk.out/${CDK_TEMPLATE}`]: { copy: `${P2}.after.json` }, 'stacks/new.yaml': NEW_TEMPLATE });
  rmSync(join(repo.root, 'stacks/old.yaml'));
});

afterAll(() => repo.remove());

function analyzeAtRef(baseRef: string, paths: readonly string[]): Promise<Report> {
  return analyze({ ...settingsFor({ cwd: repo.root, paths }), baseRef }, defaultConfig());
}

const rowsOf = (report: Report, prefix: string) =>
  report.coverage.resources.filter((row) => row.id.startsWith(prefix));

function lineText(cwd: string, row: ReportCoverageResource): string {
  const { file, line } = row.location!;
  return readFileSync(join(cwd, file), 'utf8').split('\n')[line! - 1] ?? '';
}

describe('--base-ref HEAD~1 over all template formats, a new file and a deleted one', () => {
  let report: Report;
  beforeAll(async () => {
    report = await analyzeAtRef('HEAD~1', PATHS);
  });

  it('reads every input in its own format', () => {
    expect(report.inputs.map((input) => [input.path, input.format, input.status])).toEqual([
      ['stacks/app.yaml', 'cloudformation', 'ok'],
      ['infra', 'terraform-hcl', 'ok'],
      ['cdk.out', 'cdk-assembly', 'ok'],
      ['stacks/new.yaml', 'cloudformation', 'ok'],
      ['stacks/old.yaml', 'cloudformation', 'ok'],
    ]);
  });

  it('pairs every id across the two sides: no resource is both created and deleted', () => {
    const ids = report.coverage.resources.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const created = report.coverage.resources.filter((row) => row.action === 'create').map((row) => row.id);
    const deleted = report.coverage.resources.filter((row) => row.action === 'delete').map((row) => row.id);
    const tail = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(/^.*:/, '');
    expect(
      created.map(tail).filter((name) => deleted.map(tail).includes(name) && !name.startsWith('Guard')),
    ).toEqual([]);
  });

  it('the template: the alias loses its coverage, everything else is unchanged', () => {
    expect(
      Object.fromEntries(
        rowsOf(report, 'stacks/app/').map((row) => [row.id, [row.action, row.before, row.after]]),
      ),
    ).toEqual({
      'stacks/app/Docs': ['no-op', 'full', 'full'],
      'stacks/app/KbDocsBucket': ['no-op', 'full', 'full'],
      'stacks/app/LiveAlias': ['no-op', 'full', 'none'],
      'stacks/app/OrderLookup': ['no-op', 'none', 'none'],
    });
  });

  it('the .tf directory: the change inside its local module is read at the ref too', () => {
    expect(
      Object.fromEntries(
        rowsOf(report, 'infra:').map((row) => [row.id, [row.action, row.before, row.after]]),
      ),
    ).toEqual({
      'infra:module.stack.aws_bedrockagent_agent_alias.live': ['no-op', 'full', 'none'],
      'infra:module.stack.aws_bedrockagent_knowledge_base.docs': ['no-op', 'full', 'full'],
      'infra:module.stack.aws_lambda_function.order_lookup': ['no-op', 'none', 'none'],
      'infra:module.stack.aws_s3_bucket.kb_docs': ['no-op', 'full', 'full'],
    });
    const agentRole = report.permissions.roles.find(
      (role) => role.id === 'infra:module.stack.aws_iam_role.agent',
    );
    expect(agentRole?.added.map((grant) => grant.action)).toEqual([
      's3:GetObject',
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('the cdk.out directory: the guardrail is new, the rest pairs up by logical id', () => {
    const rows = rowsOf(report, 'cdk.out:');
    const guardrail = rows.find((row) => row.iacType === 'AWS::Bedrock::Guardrail');
    expect(guardrail).toMatchObject({ action: 'create', before: null, after: 'none' });
    const tool = rows.find((row) => row.iacType === 'AWS::Lambda::Function');
    expect(tool).toMatchObject({ action: 'no-op', before: 'none', after: 'none' });
    const agentRole = report.permissions.roles.find((role) => role.id.endsWith('/AgentRole9D587F56'));
    expect(agentRole?.id.startsWith('cdk.out:')).toBe(true);
    expect(agentRole?.added.map((grant) => grant.action)).toEqual(['bedrock:ApplyGuardrail']);
  });

  it('a file absent at the ref is all new; a file deleted since is all gone', () => {
    expect(rowsOf(report, 'stacks/new/').map((row) => [row.action, row.before, row.after])).toEqual([
      ['create', null, 'none'],
    ]);
    const gone = rowsOf(report, 'stacks/old/');
    expect(gone.map((row) => row.id).sort()).toEqual([
      'stacks/old/Docs',
      'stacks/old/KbDocsBucket',
      'stacks/old/LiveAlias',
      'stacks/old/OrderLookup',
    ]);
    for (const row of gone) expect(row).toMatchObject({ action: 'delete', after: null });
    expect(report.coverage.sinks.find((sink) => sink.id === 'stacks/old/AiAudit')).toMatchObject({
      action: 'delete',
    });
  });

  it('points locations at the real paths and lines, on either side', () => {
    const alias = report.coverage.resources.find((row) => row.id === 'stacks/app/LiveAlias')!;
    expect(alias.location?.file).toBe('stacks/app.yaml');
    expect(lineText(repo.root, alias)).toBe('  LiveAlias:');
    const moduleAlias = report.coverage.resources.find((row) =>
      row.id.endsWith('aws_bedrockagent_agent_alias.live'),
    )!;
    expect(moduleAlias.location?.file).toBe('modules/stack/agent.tf');
    expect(lineText(repo.root, moduleAlias)).toBe('resource "aws_bedrockagent_agent_alias" "live" {');
    // The deleted file exists only at the ref: its location names the path as it was, not a temporary copy.
    const deleted = report.coverage.resources.find((row) => row.id === 'stacks/old/LiveAlias')!;
    expect(deleted.location?.file).toBe('stacks/old.yaml');
    const atRef = execFileSync('git', ['show', 'HEAD~1:stacks/old.yaml'], {
      cwd: repo.root,
      encoding: 'utf8',
    });
    expect(atRef.split('\n')[deleted.location!.line! - 1]).toBe('  LiveAlias:');
    for (const finding of report.findings) {
      expect(finding.location?.file ?? '').not.toMatch(/^\/|aad-|\.\./);
    }
  });
});

describe.skipIf(!builtCliExists)('the built CLI with --base-ref', () => {
  // The bundle is rebuilt separately from the sources, so the cdk.out input is left to the in-process runs above.
  const templatePaths = PATHS.filter((path) => path !== 'cdk.out');

  it('gives the same report as the pipeline', async () => {
    const run = await runBuiltCli(['--base-ref', 'HEAD~1', ...templatePaths, '--format', 'json'], repo.root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    const rows = (from: Report) =>
      from.coverage.resources.map((row) => [row.id, row.action, row.before, row.after]);
    expect(rows(report)).toEqual(rows(await analyzeAtRef('HEAD~1', templatePaths)));
  });

  it('refuses an unknown ref with exit code 2, naming the ref and how to fetch it', async () => {
    const run = await runBuiltCli(['--base-ref', 'origin/no-such-branch', 'stacks/app.yaml'], repo.root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('"origin/no-such-branch"');
    expect(run.stderr).toContain('fetch-depth: 0');
  });
});

describe('explicit --before/--after pairs', () => {
  it.each([
    [
      'cloudformation',
      'fixtures/equivalence/cfn/before/stack.yaml',
      'fixtures/equivalence/cfn/after/stack.yaml',
    ],
    ['terraform-hcl', 'fixtures/equivalence/hcl/before', 'fixtures/equivalence/hcl/after'],
  ])('%s: the same answer as with the base ref', async (format, before, after) => {
    const report = await analyzeInputs({ cwd: root, before, after });
    expect(report.inputs).toEqual([{ path: after, format, status: 'ok' }]);
    const alias = report.coverage.resources.find((row) => row.iacType.includes('lias'));
    expect(alias).toMatchObject({ action: 'no-op', before: 'full', after: 'none' });
    expect(report.coverage.resources.every((row) => row.action === 'no-op')).toBe(true);
  });

  it('cdk-assembly: two cdk.out directories pair their stacks by artifact id', async () => {
    const report = await analyzeInputs({
      cwd: root,
      before: 'fixtures/cdk/guardrail-before.out',
      after: 'fixtures/cdk/guardrail-after.out',
    });
    expect(report.inputs[0]).toMatchObject({ format: 'cdk-assembly', status: 'ok' });
    const rows = report.coverage.resources.filter((row) =>
      row.id.startsWith('aws-cdk-bedrock-guardrails-integ-test/'),
    );
    expect(rows.find((row) => row.iacType === 'AWS::Bedrock::Guardrail')).toMatchObject({ action: 'create' });
    expect(rows.filter((row) => row.action === 'delete')).toEqual([]);
  });

  it('pairs old/app.yaml with app.yaml by stack name, and shows each side under its own path', async () => {
    const report = await analyzeInputs({
      cwd: join(root, 'fixtures/cloudformation'),
      before: 'old/app.yaml',
      after: 'app.yaml',
    });
    expect(report.inputs).toEqual([expect.objectContaining({ path: 'app.yaml', status: 'ok' })]);
    const ids = report.coverage.resources.map((row) => row.id);
    expect(ids.every((id) => id.startsWith('app/'))).toBe(true);
    const roles = report.permissions.roles.map((role) => [role.id, role.action]);
    // The role itself is paired (an update: it loses its boundary), not deleted and created again.
    expect(roles).toEqual([['app/AgentRole', 'update']]);
  });
});
