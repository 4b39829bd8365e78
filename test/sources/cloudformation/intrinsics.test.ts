import { describe, expect, it } from 'vitest';
import { CLOUDFORMATION_NAMING } from '../../../src/sources/cloudformation/attribute-naming.js';
import { IntrinsicResolver } from '../../../src/sources/cloudformation/intrinsics.js';
import { parseTemplate } from '../../../src/sources/cloudformation/parse-template.js';
import { NO_VALUE } from '../../../src/sources/cloudformation/resolved-value.js';

const TEMPLATE = `
Parameters:
  Env: { Type: String, Default: prod }
  NoDefault: { Type: String }
  Secret: { Type: String, NoEcho: true, Default: hunter2 }
  Subnets: { Type: CommaDelimitedList, Default: "a, b,c" }
  FromSsm: { Type: "AWS::SSM::Parameter::Value<String>", Default: /shared/name }
Mappings:
  Sizes:
    prod: { Memory: 1024 }
Conditions:
  IsProd: !Equals [ !Ref Env, prod ]
  IsDev: !Not [ !Condition IsProd ]
  Unclear: !Equals [ !Ref NoDefault, x ]
  Either: !Or [ !Condition Unclear, !Condition IsProd ]
Resources:
  Bucket: { Type: AWS::S3::Bucket }
  Guardrail: { Type: AWS::Bedrock::Guardrail }
  Role: { Type: AWS::IAM::Role }
  Managed: { Type: AWS::IAM::ManagedPolicy }
  Alias: { Type: AWS::Bedrock::AgentAlias }
  Queue: { Type: AWS::SQS::Queue }
`;

function resolverFor(pseudoParameters: Record<string, string> = {}): IntrinsicResolver {
  return new IntrinsicResolver({
    template: parseTemplate(TEMPLATE, 't.yaml'),
    idOf: (logicalId) => `Stack/${logicalId}`,
    pseudoParameters,
    naming: CLOUDFORMATION_NAMING,
  });
}

const ref = (id: string, attribute: string) => ({ parts: [{ ref: `Stack/${id}`, attribute }] });

describe('Ref', () => {
  const resolver = resolverFor();
  it.each([
    ['Env', 'prod'],
    ['NoDefault', { unknown: true, reason: 'parameter NoDefault has no default' }],
    ['Secret', { unknown: true, reason: 'parameter Secret is NoEcho' }],
    ['Subnets', ['a', 'b', 'c']],
    ['FromSsm', { unknown: true, reason: 'parameter FromSsm is read from SSM at deploy time' }],
    ['AWS::Region', { unknown: true, reason: 'AWS::Region is known only at deploy time' }],
    ['Missing', { unknown: true, reason: 'Ref to Missing, which the template does not declare' }],
    ['Bucket', ref('Bucket', 'name')],
    ['Guardrail', ref('Guardrail', 'arn')],
    ['Role', ref('Role', 'name')],
    ['Managed', ref('Managed', 'arn')],
    ['Alias', ref('Alias', 'id')],
    ['Queue', ref('Queue', 'id')],
  ])('Ref %s', (name, expected) => {
    expect(resolver.resolve({ Ref: name })).toEqual(expected);
  });

  it('drops AWS::NoValue and uses configured pseudo parameters', () => {
    expect(resolver.resolve({ Ref: 'AWS::NoValue' })).toBe(NO_VALUE);
    expect(resolver.resolve({ A: 1, B: { Ref: 'AWS::NoValue' }, C: [{ Ref: 'AWS::NoValue' }, 2] })).toEqual({
      A: 1,
      C: [2],
    });
    expect(resolverFor({ 'AWS::Region': 'eu-west-1' }).resolve({ Ref: 'AWS::Region' })).toBe('eu-west-1');
  });
});

describe('Fn::GetAtt', () => {
  const resolver = resolverFor();
  it.each([
    [['Bucket', 'Arn'], ref('Bucket', 'arn')],
    ['Bucket.Arn', ref('Bucket', 'arn')],
    [['Role', 'Arn'], ref('Role', 'arn')],
    [['Role', 'RoleId'], ref('Role', 'RoleId')],
    [['Alias', 'AgentAliasArn'], ref('Alias', 'arn')],
    [['Alias', 'AgentAliasId'], ref('Alias', 'id')],
    [['Managed', 'PolicyArn'], ref('Managed', 'arn')],
    [['Queue', 'Arn'], ref('Queue', 'arn')],
    [['Nope', 'Arn'], { unknown: true, reason: 'Fn::GetAtt of Nope, which the template does not declare' }],
  ])('%j', (args, expected) => {
    expect(resolver.resolve({ 'Fn::GetAtt': args })).toEqual(expected);
  });
});

describe('strings built from parts', () => {
  const resolver = resolverFor();
  const partition = { ref: 'AWS::Partition', attribute: 'value' };

  it('Fn::Sub with parameters, resources, attributes, escapes and variables', () => {
    expect(resolver.resolve({ 'Fn::Sub': 'app-${Env}' })).toBe('app-prod');
    expect(resolver.resolve({ 'Fn::Sub': '${!Literal}-${Env}' })).toBe('${Literal}-prod');
    expect(resolver.resolve({ 'Fn::Sub': '${Bucket.Arn}/*' })).toEqual({
      parts: [{ ref: 'Stack/Bucket', attribute: 'arn' }, '/*'],
    });
    expect(resolver.resolve({ 'Fn::Sub': ['${X}:${Env}', { X: { Ref: 'Bucket' } }] })).toEqual({
      parts: [{ ref: 'Stack/Bucket', attribute: 'name' }, ':prod'],
    });
    expect(resolver.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' })).toEqual({
      parts: ['arn:', partition, ':s3:::b'],
    });
    expect(
      resolverFor({ 'AWS::Partition': 'aws' }).resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }),
    ).toBe('arn:aws:s3:::b');
    expect(resolver.resolve({ 'Fn::Sub': '${NoDefault}-x' })).toEqual({
      unknown: true,
      reason: 'parameter NoDefault has no default',
    });
  });

  it('Fn::Join of known parts, references and pseudo parameters', () => {
    expect(resolver.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }, 3]] })).toBe('a-prod-3');
    expect(resolver.resolve({ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/']] })).toEqual({
      parts: [{ ref: 'Stack/Bucket', attribute: 'arn' }, '/'],
    });
    expect(
      resolver.resolve({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']],
      }),
    ).toEqual({
      parts: ['arn:', partition, ':iam::aws:policy/ReadOnlyAccess'],
    });
    expect(resolver.resolve({ 'Fn::Join': [',', { Ref: 'Subnets' }] })).toBe('a,b,c');
    expect(resolver.resolve({ 'Fn::Join': [',', { 'Fn::GetAZs': '' }] })).toMatchObject({ unknown: true });
  });

  it('Fn::Select, Fn::Split, Fn::FindInMap and Fn::Base64', () => {
    expect(resolver.resolve({ 'Fn::Select': ['1', { Ref: 'Subnets' }] })).toBe('b');
    expect(resolver.resolve({ 'Fn::Select': [5, ['a']] })).toMatchObject({ unknown: true });
    expect(resolver.resolve({ 'Fn::Split': [',', 'x,y'] })).toEqual(['x', 'y']);
    expect(resolver.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Memory'] })).toBe(1024);
    expect(resolver.resolve({ 'Fn::FindInMap': ['Sizes', 'dev', 'Memory'] })).toEqual({
      unknown: true,
      reason: 'mapping Sizes has no entry dev.Memory',
    });
    expect(resolver.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'AWS::Region' }, 'Memory'] })).toMatchObject({
      unknown: true,
    });
    expect(resolver.resolve({ 'Fn::Base64': 'hi' })).toBe('aGk=');
    expect(resolver.resolve({ 'Fn::ImportValue': 'x' })).toMatchObject({ unknown: true });
  });
});

describe('conditions and Fn::If', () => {
  const resolver = resolverFor();
  it('evaluates conditions three-valued', () => {
    expect(resolver.evaluateCondition('IsProd')).toBe(true);
    expect(resolver.evaluateCondition('IsDev')).toBe(false);
    expect(resolver.evaluateCondition('Unclear')).toBe('unknown');
    expect(resolver.evaluateCondition('Either')).toBe(true);
    expect(resolver.evaluateCondition('Undeclared')).toBe('unknown');
  });

  it('picks the branch only when the condition resolves', () => {
    expect(resolver.resolve({ 'Fn::If': ['IsProd', 'big', 'small'] })).toBe('big');
    expect(resolver.resolve({ 'Fn::If': ['IsDev', 'big', { Ref: 'AWS::NoValue' }] })).toBe(NO_VALUE);
    expect(resolver.resolve({ 'Fn::If': ['Unclear', 'big', 'small'] })).toEqual({
      unknown: true,
      reason: 'depends on condition Unclear',
    });
  });

  it('does not loop on a condition that refers to itself', () => {
    const looping = new IntrinsicResolver({
      template: parseTemplate('Conditions:\n  A: !Condition A\nResources: {}\n', 'l.yaml'),
      idOf: (id) => id,
      pseudoParameters: {},
      naming: CLOUDFORMATION_NAMING,
    });
    expect(looping.evaluateCondition('A')).toBe('unknown');
  });
});
