import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/sources/input-error.js';
import { loadTerraformPlan } from '../../../src/sources/terraform-plan.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const BROKEN = new Set([
  'testdata__invalid__plan.json',
  'tests__terraform__runner__resources__plan__corrupted-tfplan.json',
]);

const plans = readdirSync(`${CORPUS}tfplan`).flatMap((owner) =>
  readdirSync(`${CORPUS}tfplan/${owner}`).map((name) => ({ name, path: `tfplan/${owner}/${name}` })),
);

function load(path: string) {
  return loadTerraformPlan(
    { before: null, after: `${CORPUS}${path}`, idPrefix: '' },
    { cwd: CORPUS, maxInputBytes: 1 << 30 },
  );
}

describe('the corpus plans', () => {
  it('are all there', () => {
    expect(plans.length).toBeGreaterThanOrEqual(40);
  });

  for (const { name, path } of plans.filter((plan) => !BROKEN.has(plan.name))) {
    it(`loads ${name}`, async () => {
      const input = await load(path);
      expect(input.format).toBe('terraform-plan');
      expect(input.path).toBe(path);
      for (const id of Object.keys(input.changes)) expect(id).not.toBe('');
    });
  }

  it('names the file and the line of the broken JSON', async () => {
    const path = 'tfplan/hashicorp__terraform-json/testdata__invalid__plan.json';
    const error = await load(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(path);
    expect((error as InputError).line).toBe(676);
    expect((error as InputError).describe()).toMatch(
      /testdata__invalid__plan\.json:676: has text after the end/,
    );
  });

  it('says that the corrupted plan is a state file', async () => {
    const path =
      'tfplan/bridgecrewio__checkov/tests__terraform__runner__resources__plan__corrupted-tfplan.json';
    const error = await load(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(path);
    expect((error as InputError).message).toMatch(/is a Terraform state/);
  });

  it('reads the UTF-16 plans written by PowerShell', async () => {
    const input = await load(
      'tfplan/bridgecrewio__checkov/tests__terraform__runner__resources__plan_with_utf_16_encoding__tfplan.json',
    );
    expect(input.after.policies).toHaveLength(1);
    expect(input.after.policies[0]?.document).toHaveProperty('statements');
    const windows = await load(
      'tfplan/bridgecrewio__checkov/tests__terraform__parser__resources__plan_encodings__tfplan_win_utf16.json',
    );
    expect(windows.after.resources.map((resource) => resource.id)).toEqual(['aws_s3_bucket.data']);
    expect(windows.after.resources[0]?.kind).toBe('bucket');
  });

  it('reads the plan without format_version or resource_changes as unchanged planned values, with notes', async () => {
    const input = await load(
      'tfplan/bridgecrewio__checkov/tests__terraform__parser__resources__plan_vpc_endpoint__tfplan.json',
    );
    expect(input.notes.map((note) => note.message).join('\n')).toMatch(
      /no format_version[\s\S]*no resource_changes/,
    );
    expect(input.after.resources).toEqual([]);
  });

  it('reads the trail plan of regula with its event selectors', async () => {
    const input = await load(
      'tfplan/fugue__regula/rego__tests__rules__tf__aws__cloudtrail__inputs__issue355_infra.json',
    );
    expect(input.after.sinks).toHaveLength(1);
    expect(input.before.sinks).toHaveLength(1);
    expect(input.region).toBe('us-east-2');
  });

  it('builds trust policies of roles from aws_iam_policy_document data sources', async () => {
    const input = await load(
      'tfplan/bridgecrewio__checkov/tests__terraform__checks__data__aws__example_GithubActionsOIDCTrustPolicy__tfplan.json',
    );
    const trusts = input.after.roles.map((role) => role.trustPolicy);
    expect(trusts.length).toBeGreaterThan(0);
    for (const trust of trusts) {
      expect(trust).toHaveProperty('statements');
    }
  });
});
