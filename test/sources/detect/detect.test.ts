import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/sources/detect.js';
import { InputError } from '../../../src/sources/input-error.js';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const expected = /expected a Terraform plan \(terraform show -json\), a CloudFormation template/;

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'detect-test-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function rejection(path: string): Promise<InputError> {
  const error: unknown = await detectFormat(path).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('detectFormat on corpus files', () => {
  it.each([
    [
      'tfplan/fugue__regula/rego__tests__rules__tf__aws__iam__inputs__admin_policy_infra.json',
      'terraform-plan',
    ],
    [
      'tfplan/bridgecrewio__checkov/tests__terraform__parser__resources__plan_encodings__tfplan_win_utf16.json',
      'terraform-plan',
    ],
    [
      'tfplan/bridgecrewio__checkov/tests__terraform__runner__resources__plan_with_utf_16_encoding__tfplan.json',
      'terraform-plan',
    ],
    [
      'cfn/aws-cloudformation__cfn-lint/test__fixtures__templates__quickstart__cis_benchmark.yaml',
      'cloudformation',
    ],
    ['cfn/aws-cloudformation__cfn-lint/test__fixtures__templates__quickstart__iam.json', 'cloudformation'],
    [
      'cdk/aws__aws-cdk/packages__@aws-cdk-testing__framework-integ__test__aws-cloudtrail__test__integ.cloudtrail-data-events-only.js.snapshot__integ-cloudtrail-data-events.template.json',
      'cloudformation',
    ],
    ['hcl/aws-ia__terraform-aws-bedrock', 'terraform-hcl'],
    ['hcl/aws-ia__terraform-aws-bedrock/main.tf', 'terraform-hcl'],
  ])('%s is %s', async (file, format) => {
    await expect(detectFormat(join(corpus, file))).resolves.toBe(format);
  });

  it('recognises a cdk.out directory by its manifest', async () => {
    const cdkOut = join(scratch, 'cdk.out');
    await mkdir(cdkOut, { recursive: true });
    await writeFile(join(cdkOut, 'manifest.json'), '{"version":"36.0.0","artifacts":{}}');
    await writeFile(join(cdkOut, 'main.tf'), '');
    await expect(detectFormat(cdkOut)).resolves.toBe('cdk-assembly');
  });

  it('reads a plan that is not the corpus by content, whatever its name', async () => {
    const file = join(scratch, 'plan.txt');
    await writeFile(
      file,
      JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', planned_values: {} }),
    );
    await expect(detectFormat(file)).resolves.toBe('terraform-plan');
  });
});

describe('detectFormat refuses what it cannot place', () => {
  it('a missing path', async () => {
    const error = await rejection(join(scratch, 'nope.json'));
    expect(error.message).toMatch(/does not exist/);
    expect(error.message).toMatch(expected);
  });

  it('a directory with neither .tf files nor manifest.json', async () => {
    const empty = join(scratch, 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'notes.md'), '# nothing');
    expect((await rejection(empty)).message).toMatch(/neither \.tf files nor a cdk\.out manifest\.json/);
  });

  it('a binary file', async () => {
    const file = join(scratch, 'image.json');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    expect((await rejection(file)).message).toMatch(/binary/);
  });

  it('JSON that is neither a plan nor a template', async () => {
    const file = join(scratch, 'package.json');
    await writeFile(file, '{"name":"x","format_version":"1.0"}');
    expect((await rejection(file)).message).toMatch(expected);
  });

  it('YAML that is not a template', async () => {
    const file = join(scratch, 'workflow.yml');
    await writeFile(file, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    expect((await rejection(file)).message).toMatch(expected);
  });

  it('a symbolic link loop', async () => {
    const first = join(scratch, 'loop-a');
    const second = join(scratch, 'loop-b');
    await symlink(second, first);
    await symlink(first, second);
    expect((await rejection(first)).message).toMatch(/symbolic link loop/);
  });
});

describe('detectFormat on every corpus template and plan', () => {
  it('places each CloudFormation template in the corpus', async () => {
    for (const owner of await readdir(join(corpus, 'cfn'))) {
      for (const file of await readdir(join(corpus, 'cfn', owner))) {
        await expect(detectFormat(join(corpus, 'cfn', owner, file)), file).resolves.toBe('cloudformation');
      }
    }
  });

  it('places each Terraform plan in the corpus except the one broken on purpose', async () => {
    for (const owner of await readdir(join(corpus, 'tfplan'))) {
      for (const file of await readdir(join(corpus, 'tfplan', owner))) {
        if (file.includes('invalid')) continue;
        await expect(detectFormat(join(corpus, 'tfplan', owner, file)), file).resolves.toBe('terraform-plan');
      }
    }
  });
});
