import { describe, expect, it } from 'vitest';
import { markCode, scanSource } from '../../../src/sources/terraform-hcl/block-lines.js';

/** The characters of a text that count as code, with every other character shown as `_`. */
function codeOnly(text: string): string {
  const code = markCode(text);
  return [...text].map((char, index) => (code[index] === 1 ? char : '_')).join('');
}

function blockLines(text: string): string[] {
  return scanSource(text).blocks.map((block) => `${block.key}@${block.line}`);
}

describe('markCode', () => {
  it('leaves out strings and comments but keeps interpolations', () => {
    expect(codeOnly('a = "x{y}" # {\n')).toBe('a = ______ ___\n');
    expect(codeOnly('b = "p${c}q" // }\n')).toBe('b = ____c___ ____\n');
    expect(codeOnly('d = "$${e}" /* { */ f\n')).toBe('d = _______ _______ f\n');
  });

  it('leaves out heredoc bodies up to their marker, indented or not', () => {
    expect(codeOnly('a = <<EOT\n{ "x": 1 }\nEOT\nb {}')).toBe('a = ____________________\nb {}');
    expect(codeOnly('a = <<-EOT\n  {\n  EOT\nb')).toBe('a = ________________\nb');
    // Without its closing marker, the heredoc runs to the end of the text.
    expect(codeOnly('a = <<EOT\n{\n')).toBe('a = ________');
    // `<<` not followed by a name is not a heredoc.
    expect(codeOnly('a = b <<1')).toBe('a = b <<1');
  });
});

describe('scanSource', () => {
  it('finds top-level blocks and their lines, whatever braces strings, comments and heredocs hold', () => {
    const text = [
      'resource "aws_iam_role" "a" {',
      '  policy = <<EOT',
      '}',
      'EOT',
      '  name = "}"',
      '}',
      '# resource "aws_s3_bucket" "commented" {',
      'data "aws_iam_policy_document" "d" {',
      '  statement {',
      '    resources = ["${var.x}"]',
      '  }',
      '}',
      'module "m" {}',
    ].join('\n');
    expect(blockLines(text)).toEqual([
      'resource.aws_iam_role.a@1',
      'data.aws_iam_policy_document.d@8',
      'module.m@13',
    ]);
  });
});
