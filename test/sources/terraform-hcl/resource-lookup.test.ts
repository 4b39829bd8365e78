import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedInput } from '../../../src/model/snapshot.js';
import { terraformHclSource } from '../../../src/sources/terraform-hcl.js';
import { makeHclDirectory, type HclDirectory } from '../../support/hcl-directory.js';

const made: HclDirectory[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((directory) => directory.remove()));
});

async function load(files: Record<string, string>): Promise<LoadedInput> {
  const directory = await makeHclDirectory(files);
  made.push(directory);
  return terraformHclSource.load(
    { before: null, after: directory.root, idPrefix: '' },
    { cwd: directory.root, maxInputBytes: 1e9 },
  );
}

describe('references find the resource they name', () => {
  it('takes the first declaration of an address written twice, in file order', async () => {
    const loaded = await load({
      'a.tf': 'resource "aws_s3_bucket" "docs" {\n  bucket = "first"\n}\n',
      'b.tf': 'resource "aws_s3_bucket" "docs" {\n  bucket = "second"\n}\n',
      'c.tf': 'resource "aws_iam_role" "reader" {\n  name = "${aws_s3_bucket.docs.bucket}-reader"\n}\n',
    });
    expect(loaded.after.roles.map((role) => role.name)).toEqual(['first-reader']);
  });

  it('tells a managed resource from a data source of the same type and name', async () => {
    const loaded = await load({
      'main.tf': [
        'data "aws_s3_bucket" "docs" {',
        '  bucket = "from-data"',
        '}',
        'resource "aws_s3_bucket" "docs" {',
        '  bucket = "managed"',
        '}',
        'resource "aws_iam_role" "managed" {',
        '  name = aws_s3_bucket.docs.bucket',
        '}',
        'resource "aws_iam_role" "data" {',
        '  name = data.aws_s3_bucket.docs.bucket',
        '}',
        'resource "aws_iam_role" "undeclared" {',
        '  name = aws_s3_bucket.other.bucket',
        '}',
      ].join('\n'),
    });
    const names = Object.fromEntries(loaded.after.roles.map((role) => [role.id, role.name]));
    expect(names['aws_iam_role.managed']).toBe('managed');
    expect(names['aws_iam_role.data']).toBe('from-data');
    expect(names['aws_iam_role.undeclared']).toMatchObject({ unknown: true });
  });
});
