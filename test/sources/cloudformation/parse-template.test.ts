import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/sources/cloudformation/parse-template.js';
import { InputError } from '../../../src/sources/input-error.js';

function parseProperties(yaml: string): Record<string, unknown> {
  const indented = yaml
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  const template = parseTemplate(
    `Resources:\n  Thing:\n    Type: AWS::S3::Bucket\n    Properties:\n${indented}\n`,
    't.yaml',
  );
  return (template.resources.Thing as { Properties: Record<string, unknown> }).Properties;
}

function inputErrorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('short-form tags', () => {
  it.each([
    ['A: !Ref Bucket', { Ref: 'Bucket' }],
    ['A: !GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['A: !GetAtt Stack.Outputs.Name', { 'Fn::GetAtt': ['Stack', 'Outputs.Name'] }],
    ['A: !GetAtt [Bucket, Arn]', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['A: !Sub arn:${AWS::Partition}:s3:::x', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x' }],
    ['A: !Sub [ "${X}-y", { X: !Ref P } ]', { 'Fn::Sub': ['${X}-y', { X: { Ref: 'P' } }] }],
    ['A: !Join [ "", [ !GetAtt B.Arn, "/" ] ]', { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['B', 'Arn'] }, '/']] }],
    ['A: !If [ C, a, !Ref AWS::NoValue ]', { 'Fn::If': ['C', 'a', { Ref: 'AWS::NoValue' }] }],
    ['A: !Select [ 0, !GetAZs "" ]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['A: !FindInMap [ M, !Ref AWS::Region, k ]', { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'k'] }],
    ['A: !ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
    ['A: !Condition IsProd', { Condition: 'IsProd' }],
    ['A: !Equals [ !Ref Env, prod ]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
    ['A: !Not [ !Condition C ]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['A: !And [ !Condition C, !Condition D ]', { 'Fn::And': [{ Condition: 'C' }, { Condition: 'D' }] }],
    ['A: !Or [ !Condition C, !Condition D ]', { 'Fn::Or': [{ Condition: 'C' }, { Condition: 'D' }] }],
    // YAML allows one tag per node, so a short form inside !Base64 is written in long form.
    ['A: !Base64 { "Fn::Sub": "echo ${X}" }', { 'Fn::Base64': { 'Fn::Sub': 'echo ${X}' } }],
    ['A: !Cidr [ 10.0.0.0/16, 4, 8 ]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['A: !GetAZs ""', { 'Fn::GetAZs': '' }],
    ['A: !Split [ ",", "a,b" ]', { 'Fn::Split': [',', 'a,b'] }],
    [
      'A: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }',
      { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
    ],
  ])('%s', (yaml, expected) => {
    expect(parseProperties(yaml).A).toEqual(expected);
  });
});

describe('reading templates', () => {
  it('gives each resource the line of its logical id, in YAML and in JSON', () => {
    const yaml = parseTemplate(
      'Resources:\n\n  First:\n    Type: AWS::S3::Bucket\n  Second:\n    Type: AWS::S3::Bucket\n',
      'a.yaml',
    );
    expect(yaml.map.lineOfKey(yaml.resources, 'First')).toBe(3);
    expect(yaml.map.lineOfKey(yaml.resources, 'Second')).toBe(5);
    const json = parseTemplate(
      '{\n "Resources": {\n  "First": {"Type": "AWS::S3::Bucket"},\n\n  "Second": {\n   "Type": "x"}}}',
      'a.json',
    );
    expect(json.map.lineOfKey(json.resources, 'First')).toBe(3);
    expect(json.map.lineOfKey(json.resources, 'Second')).toBe(5);
  });

  it('reads JSON exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (resources) => {
        const text = JSON.stringify({ Resources: resources }, null, 2);
        expect(parseTemplate(text, 'x.json').body).toEqual(JSON.parse(text));
      }),
    );
  });

  it('does not let a __proto__ key change an object prototype', () => {
    for (const text of [
      '{"Resources": {"__proto__": {"polluted": true}}}',
      'Resources:\n  __proto__:\n    polluted: true\n',
    ]) {
      const template = parseTemplate(text, 'p');
      expect(Object.getPrototypeOf(template.resources)).toBe(Object.prototype);
      expect(Object.keys(template.resources)).toEqual(['__proto__']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses what is not a template', () => {
    for (const text of [
      '{"format_version": "1.2", "resource_changes": []}',
      'name: ci\non: push\n',
      '[1, 2]',
    ]) {
      expect(inputErrorOf(() => parseTemplate(text, 'x')).message).toBe(
        'not a CloudFormation template (no Resources section)',
      );
    }
  });

  it('gives syntax errors with their line', () => {
    const json = inputErrorOf(() => parseTemplate('{\n  "Resources": {\n    "A": {,\n  }\n}', 'bad.json'));
    expect(json.line).toBe(3);
    expect(json.file).toBe('bad.json');
    const yaml = inputErrorOf(() =>
      parseTemplate('Resources:\n  A:\n    Type: [unclosed\n  B: x\n', 'bad.yaml'),
    );
    expect(yaml.message).toMatch(/invalid YAML/);
    expect(yaml.line).toBeGreaterThanOrEqual(3);
  });

  it('accepts a quoted scalar whose continuation lines are not indented deeper than its key', () => {
    const template = parseTemplate(
      'Resources:\n  A:\n    Type: T\n    Properties:\n      Text: "one\n      two"\n      Next: 1\n',
      'q.yaml',
    );
    expect(template.resources.A).toEqual({ Type: 'T', Properties: { Text: 'one two', Next: 1 } });
  });

  it('stops an alias bomb with an InputError', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const error = inputErrorOf(() =>
      parseTemplate(
        `Resources:\n  Bomb:\n    Type: T\n    Properties:\n${levels.map((line) => `      ${line}`).join('\n')}\n`,
        'bomb.yaml',
      ),
    );
    expect(error.message).toMatch(/aliases expand to more than/);
  });

  it('refuses 100,000 levels of nesting with an InputError, in YAML block and flow style and in JSON', () => {
    const deep = 100_000;
    const texts = [
      `Resources:\n  A: ${'['.repeat(deep)}${']'.repeat(deep)}\n`,
      `Resources:\n  A:\n    ${'- '.repeat(deep)}x\n`,
      `{"Resources": {"A": ${'['.repeat(deep)}${']'.repeat(deep)}}}`,
      `{"Resources": {"A": ${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}`,
    ];
    for (const text of texts) {
      expect(inputErrorOf(() => parseTemplate(text, 'deep')).message).toMatch(/nesting|too deep/);
    }
  });
});
