import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../src/model/iam.js';
import { InputError } from '../../../src/sources/input-error.js';
import { terraformHclSource } from '../../../src/sources/terraform-hcl.js';
import { makeHclDirectory } from '../../support/hcl-directory.js';

async function load(files: Record<string, string>) {
  const directory = await makeHclDirectory(files);
  try {
    return await terraformHclSource.load(
      { before: null, after: `${directory.root}/infra`, idPrefix: '' },
      { cwd: directory.root, maxInputBytes: 1e9 },
    );
  } finally {
    await directory.remove();
  }
}

const ROLE = `provider "aws" {
  region = "eu-west-1"
}

variable "secret" {
  default   = "hunter2"
  sensitive = true
}

resource "aws_iam_role" "agent" {
  count = 2
  name  = "agent-\${var.secret}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "bedrock.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Allow"
        Principal = { Service = "lambda.amazonaws.com" }
        Action    = "sts:AssumeRole"
      }
    ]
  })
}

resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.agent[0].name
  policy = file("\${path.module}/../../outside.json")
}

module "kb" {
  source = "./modules/kb"
  bucket = "docs-bucket"
}
`;

describe('terraform-hcl details', () => {
  it('reports a syntax error with the file and line', async () => {
    const error: unknown = await load({
      'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n',
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('infra/main.tf');
    expect((error as InputError).line).toBe(2);
  });

  it('finds block and statement lines, drops sensitive values, refuses files outside, follows local modules', async () => {
    const loaded = await load({
      'infra/main.tf': ROLE,
      'infra/modules/kb/main.tf':
        'variable "bucket" {}\n\nresource "aws_s3_bucket" "docs" {\n  bucket = var.bucket\n}\n',
      'outside.json': '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    });
    const [role] = loaded.after.roles;
    expect(role?.id).toBe('aws_iam_role.agent');
    expect(role?.location).toEqual({ file: 'infra/main.tf', line: 10 });
    expect(role?.expandedAtApply).toBe(true);
    expect(JSON.stringify(loaded)).not.toContain('hunter2');
    const trust = role?.trustPolicy as PolicyDocument;
    expect(trust.statements.map((statement) => statement.location?.line)).toEqual([16, 21]);
    const [policy] = loaded.after.policies;
    expect(policy?.attachedTo).toEqual([{ kind: 'role', ref: { id: 'aws_iam_role.agent' } }]);
    expect(policy?.document).toMatchObject({ unknown: true });
    const bucket = loaded.after.resources.find((item) => item.id === 'module.kb.aws_s3_bucket.docs');
    expect(bucket?.name).toBe('docs-bucket');
    expect(bucket?.location).toEqual({ file: 'infra/modules/kb/main.tf', line: 3 });
    expect(bucket?.region).toBe('eu-west-1');
    expect(loaded.region).toBe('eu-west-1');
    expect(loaded.notes.some((note) => note.message.includes('aws_iam_role.agent uses count'))).toBe(true);
  });
});
