import { describe, expect, it, vi } from 'vitest';
import { terraformHclSource } from '../../../src/sources/terraform-hcl.js';
import { parseHclFile } from '../../../src/sources/terraform-hcl/parse-file.js';
import type * as ParseFile from '../../../src/sources/terraform-hcl/parse-file.js';
import { makeHclDirectory } from '../../support/hcl-directory.js';

vi.mock('../../../src/sources/terraform-hcl/parse-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof ParseFile>();
  return { ...actual, parseHclFile: vi.fn(actual.parseHclFile) };
});

describe('a local module called from several blocks', () => {
  it('is parsed once and instantiated once per call, each with its own inputs', async () => {
    const directory = await makeHclDirectory({
      'main.tf': [
        'module "reader" {',
        '  source = "./modules/role"',
        '  name   = "reader"',
        '}',
        'module "writer" {',
        '  source = "./modules/role/"',
        '  name   = "writer"',
        '}',
      ].join('\n'),
      'modules/role/main.tf': [
        'variable "name" {}',
        'resource "aws_iam_role" "this" {',
        '  name = var.name',
        '}',
      ].join('\n'),
    });
    try {
      const loaded = await terraformHclSource.load(
        { before: null, after: directory.root, idPrefix: '' },
        { cwd: directory.root, maxInputBytes: 1e9 },
      );
      expect(loaded.after.roles.map((role) => [role.id, role.name, role.location])).toEqual([
        ['module.reader.aws_iam_role.this', 'reader', { file: 'modules/role/main.tf', line: 2 }],
        ['module.writer.aws_iam_role.this', 'writer', { file: 'modules/role/main.tf', line: 2 }],
      ]);
      const moduleParses = vi
        .mocked(parseHclFile)
        .mock.calls.filter(([, shownPath]) => shownPath === 'modules/role/main.tf');
      expect(moduleParses).toHaveLength(1);
    } finally {
      await directory.remove();
    }
  });
});
