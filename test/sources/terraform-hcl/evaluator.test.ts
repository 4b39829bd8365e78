import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../../src/model/unknown.js';
import {
  applySteps,
  evaluateExpression,
  evaluateParsedValue,
  type EvaluationScope,
} from '../../../src/sources/terraform-hcl/evaluator.js';
import { parseExpression } from '../../../src/sources/terraform-hcl/expression-parser.js';
import type { HclValue } from '../../../src/sources/terraform-hcl/hcl-value.js';

/** A scope with a few variables and locals, and every other root left unknown by its text. */
const scope: EvaluationScope = {
  resolve(root, steps, text) {
    const first = steps[0];
    const name = first?.kind === 'attribute' ? first.name : '';
    const table: Record<string, Record<string, HclValue>> = {
      var: { region: 'eu-west-1', names: ['a', 'b'], enabled: true, tags: { team: 'ml' } },
      local: { prefix: 'agent' },
    };
    const value = table[root]?.[name];
    if (value !== undefined) return applySteps(value, steps.slice(1), text);
    if (root === 'aws_iam_role' && steps.length === 2 && steps[1]?.kind === 'attribute') {
      return { parts: [{ ref: `aws_iam_role.${name}`, attribute: steps[1].name }] };
    }
    return unknownValue(text);
  },
  readFile: (path) =>
    path === 'policy.json' ? '{"Statement":[]}' : unknownValue(`file("${path}") cannot be read`),
};

function evaluate(source: string): HclValue {
  return evaluateExpression(parseExpression(source), scope);
}

describe('evaluateExpression', () => {
  it.each<[string, HclValue]>([
    ['"plain"', 'plain'],
    ['42', 42],
    ['-1.5', -1.5],
    ['true', true],
    ['null', null],
    ['"arn:aws:s3:::${local.prefix}-docs/*"', 'arn:aws:s3:::agent-docs/*'],
    ['"a\\"b\\n"', 'a"b\n'],
    ['"$${literal}"', '${literal}'],
    ['[var.region, "x", 1]', ['eu-west-1', 'x', 1]],
    [
      '{ Version = "2012-10-17", "aws:SourceAccount" = local.prefix }',
      { Version: '2012-10-17', 'aws:SourceAccount': 'agent' },
    ],
    [
      'jsonencode({ Action = ["s3:GetObject"], Effect = "Allow" })',
      '{"Action":["s3:GetObject"],"Effect":"Allow"}',
    ],
    ['jsondecode("{\\"a\\":1}")', { a: 1 }],
    ['var.enabled ? "on" : "off"', 'on'],
    ['var.enabled && false', false],
    ['1 + 2 * 3', 7],
    ['10 - 4 - 3', 3],
    ['5 - 3 + 1', 3],
    ['2 * 3 + 4 * 5', 26],
    ['1 + 2 * 3 - 4 % 3', 6],
    ['1 + 2 >= 3 && 4 < 2 || 1 == 1', true],
    ['2 > 1 == 1 > 2', false],
    ['var.names[1]', 'b'],
    ['var.tags.team', 'ml'],
    ['concat(var.names, ["c"])', ['a', 'b', 'c']],
    ['distinct(["x", "x", "y"])', ['x', 'y']],
    ['merge({ a = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['lookup({ a = 1 }, "b", 3)', 3],
    ['format("%s-%s", "a", local.prefix)', 'a-agent'],
    ['join(",", var.names)', 'a,b'],
    ['upper("x")', 'X'],
    ['file("policy.json")', '{"Statement":[]}'],
    ['aws_iam_role.agent.arn', { parts: [{ ref: 'aws_iam_role.agent', attribute: 'arn' }] }],
    ['"${aws_iam_role.agent.arn}/*"', { parts: [{ ref: 'aws_iam_role.agent', attribute: 'arn' }, '/*'] }],
    ['<<EOT\n{"Resource": "${local.prefix}"}\nEOT', '{"Resource": "agent"}\n'],
    ['<<-EOT\n    indented\n      more\n  EOT', 'indented\n  more\n'],
    ['true ? "same" : var.missing', 'same'],
    ['var.missing == null ? "x" : "x"', 'x'],
  ])('%s', (source, expected) => {
    expect(evaluate(source)).toEqual(expected);
  });

  it('keeps a JSON document that holds references as its structure', () => {
    expect(evaluate('jsonencode({ Resource = aws_iam_role.agent.arn })')).toEqual({
      Resource: { parts: [{ ref: 'aws_iam_role.agent', attribute: 'arn' }] },
    });
  });

  it.each<[string, string]>([
    ['var.missing', 'var.missing'],
    ['[for name in var.names : upper(name)]', '[for name in var.names : upper(name)]'],
    ['{ for k, v in var.tags : k => v }', '{ for k, v in var.tags : k => v }'],
    ['cidrsubnet("10.0.0.0/16", 8, 1)', 'cidrsubnet("10.0.0.0/16", 8, 1)'],
    ['var.missing ? "a" : "b"', 'var.missing ? "a" : "b"'],
    ['count.index', 'count.index'],
    ['"%{ if var.enabled }on%{ endif }"', '%{ if var.enabled }'],
    ['sensitive("secret")', 'sensitive value'],
    ['file("../outside.json")', 'file("../outside.json") cannot be read'],
  ])('%s is unknown, with its text as the reason', (source, reason) => {
    expect(evaluate(source)).toEqual({ unknown: true, reason });
  });

  it('never throws on text it cannot parse, the first time or again', () => {
    for (let time = 0; time < 2; time += 1) {
      expect(evaluateParsedValue('${jsonencode({ a = }', scope)).toEqual({
        unknown: true,
        reason: '${jsonencode({ a = }',
      });
    }
  });

  it('evaluates a text seen before in the scope it is evaluated in now', () => {
    const other: EvaluationScope = { ...scope, resolve: (_root, _steps, text) => `(${text})` };
    expect(evaluateParsedValue('arn:${var.region}', scope)).toBe('arn:eu-west-1');
    expect(evaluateParsedValue('arn:${var.region}', other)).toBe('arn:(var.region)');
  });
});

describe('evaluateParsedValue', () => {
  it('reads hcl2json strings as templates and a lone interpolation as its value', () => {
    expect(evaluateParsedValue('${var.names}', scope)).toEqual(['a', 'b']);
    expect(evaluateParsedValue('bucket-${local.prefix}', scope)).toBe('bucket-agent');
    expect(evaluateParsedValue({ list: ['${var.region}'], n: 1 }, scope)).toEqual({
      list: ['eu-west-1'],
      n: 1,
    });
  });
});
