import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import type { Report, ReportReachWorkload } from '../../../src/model/report.js';
import { renderMarkdown } from '../../../src/report/index.js';
import { renderAccessMap } from '../../../src/report/mermaid.js';
import { expectGolden } from '../../support/golden.js';
import { validateMermaid } from '../../support/mermaid-validator.js';
import { reportWithReach } from '../../support/reach-run.js';

// `UPDATE_GOLDEN=1 npx vitest run test/analysis/reach` rewrites the comments; reviewers read them in the diff.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../../golden/scenarios/', import.meta.url));
const CONFIG_FILE = 'fixtures/scenarios/cross-account/ai-access-diff.yml';

async function scenario(
  name: 'secret-bearing-agent' | 'evaluation-pipeline' | 'cross-account',
): Promise<Report> {
  if (name !== 'cross-account') {
    return reportWithReach({ cwd: ROOT, plans: [`fixtures/scenarios/${name}/plan.json`] });
  }
  const config = parseConfig(readFileSync(`${ROOT}${CONFIG_FILE}`, 'utf8'), CONFIG_FILE);
  return reportWithReach(
    {
      cwd: ROOT,
      plans: [
        'fixtures/scenarios/cross-account/inference/plan.json',
        'fixtures/scenarios/cross-account/storage/plan.json',
      ],
      config,
    },
    CONFIG_FILE,
  );
}

function workload(report: Report, id: string): ReportReachWorkload {
  // With several inputs, ids carry the input path as a prefix.
  const found = report.reach.workloads.find((entry) => entry.id === id || entry.id.endsWith(`:${id}`));
  if (!found) throw new Error(`no workload ${id}`);
  return found;
}

function targetsOf(entry: ReportReachWorkload, service: string) {
  return entry.roles.flatMap((role) =>
    role.access
      .filter((access) => access.service === service)
      .flatMap((access) => access.targets.map((target) => ({ access, target }))),
  );
}

describe('scenario (a): an agent role gains a secret on a trail without data events', () => {
  it('maps the agent, its new secret and key access, and its tool, with what is not logged', async () => {
    const report = await scenario('secret-bearing-agent');
    const agent = workload(report, 'aws_bedrockagent_agent.billing');
    expect(agent.changed).toBe(true);
    const [secret] = targetsOf(agent, 'secretsmanager');
    expect(secret?.access).toMatchObject({
      accessLevel: 'Read',
      eventCategory: 'management',
      change: 'added',
    });
    expect(secret?.target).toMatchObject({ recording: 'recorded', recordedBy: ['aws_cloudtrail.org_audit'] });
    // The trail drops KMS management events, so the decryption that the secret read needs is not recorded.
    const [key] = targetsOf(agent, 'kms');
    expect(key?.target).toMatchObject({ change: 'added', recording: 'not-recorded' });
    // Invoking the tool is a Lambda data event, and the trail selects no data events.
    const [tool] = targetsOf(agent, 'lambda');
    expect(tool?.target).toMatchObject({
      resources: ['aws_lambda_function.invoice_lookup'],
      recording: 'not-recorded',
      change: 'unchanged',
    });
    expect(agent.uses).toContainEqual({
      relation: 'tool-function',
      id: 'aws_lambda_function.invoice_lookup',
      change: 'unchanged',
    });
    expect(report.findings.map((finding) => finding.ruleId)).toContain('secret-access');
  });

  it('renders the golden comment with a valid diagram', async () => {
    const report = await scenario('secret-bearing-agent');
    const diagram = renderAccessMap(report.reach);
    expect(validateMermaid(diagram ?? '')).toEqual([]);
    await expectGolden(`${GOLDEN}secret-bearing-agent.md`, renderMarkdown(report));
  });
});

describe('scenario (b): a read-only evaluation pipeline on an unlogged training bucket', () => {
  it('shows the new role reading the training bucket that no trail records', async () => {
    const report = await scenario('evaluation-pipeline');
    const model = workload(report, 'aws_sagemaker_model.churn_eval');
    expect(model.action).toBe('create');
    const reads = targetsOf(model, 's3').filter(({ access }) => access.accessLevel === 'Read');
    expect(reads.map(({ target }) => target.recording)).toEqual(['not-recorded', 'not-recorded']);
    expect(reads.every(({ target }) => target.resources.includes('aws_s3_bucket.training'))).toBe(true);
    // Only reads, yet a read of training data is exactly what management events never show.
    expect(report.findings.some((finding) => finding.ruleId === 'blind-spot')).toBe(true);
    const [endpoint] = targetsOf(model, 'sagemaker');
    expect(endpoint?.target).toMatchObject({
      recording: 'recorded',
      recordedBy: ['aws_cloudtrail.ml_audit'],
    });
  });

  it('renders the golden comment with a valid diagram', async () => {
    const report = await scenario('evaluation-pipeline');
    expect(validateMermaid(renderAccessMap(report.reach) ?? '')).toEqual([]);
    await expectGolden(`${GOLDEN}evaluation-pipeline.md`, renderMarkdown(report));
  });
});

describe('scenario (c): data events in the inference account, not in the storage account', () => {
  it('finds the shared bucket unrecorded by both the inference trail and the external storage trail', async () => {
    const report = await scenario('cross-account');
    const kb = workload(report, 'aws_bedrockagent_knowledge_base.contracts');
    const shared = targetsOf(kb, 's3').filter(({ target }) =>
      target.resource.includes('acme-storage-contracts'),
    );
    expect(shared.length).toBeGreaterThan(0);
    const storageBucket = 'fixtures/scenarios/cross-account/storage/plan.json:aws_s3_bucket.contracts';
    for (const { target } of shared) {
      expect(target).toMatchObject({
        change: 'added',
        recording: 'not-recorded',
        resources: [storageBucket],
      });
      expect(target.recordedBy).toEqual([]);
    }
    // The inference account's own bucket stays recorded by its trail.
    const local = targetsOf(kb, 's3').filter(({ target }) => target.resource.includes('acme-inference-docs'));
    expect(local.length).toBeGreaterThan(0);
    for (const { target } of local) expect(target.recording).toBe('recorded');
    expect(kb.uses).toContainEqual({ relation: 'data-source-bucket', id: storageBucket, change: 'added' });
  });

  it('renders the golden comment with a valid diagram', async () => {
    const report = await scenario('cross-account');
    expect(validateMermaid(renderAccessMap(report.reach) ?? '')).toEqual([]);
    await expectGolden(`${GOLDEN}cross-account.md`, renderMarkdown(report));
  });
});
