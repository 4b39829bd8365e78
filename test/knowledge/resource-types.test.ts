import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAttributePath, readAttributePath, type PathStep } from '../../src/knowledge/attribute-path.js';
import {
  DATA_EVENT_TYPES,
  RESOURCE_TYPES,
  SINK_TYPES,
  arnTemplateFor,
  buildArn,
  dataEventType,
  dataResourceTypes,
  listArnPlaceholders,
  refReturnsArn,
  resourceTypeForCloudFormation,
  resourceTypeForTerraform,
  sinkTypeFor,
} from '../../src/knowledge/resource-types.js';
import { isUnknown, unknownValue } from '../../src/model/unknown.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../src/knowledge/', import.meta.url));
const TYPE_NAME = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const ACCOUNT_PARTS = { Partition: 'aws', Region: 'us-east-1', Account: '111122223333' };

describe('data-event types', () => {
  it('lists each resources.type once, spelled AWS::Service::Type', () => {
    const types = dataResourceTypes();
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(TYPE_NAME);
  });

  it('marks exactly the three basic-selector types', () => {
    const basic = DATA_EVENT_TYPES.filter((entry) => entry.basicSelectorType).map(
      (entry) => entry.dataResourceType,
    );
    expect(basic.sort()).toEqual(['AWS::DynamoDB::Table', 'AWS::Lambda::Function', 'AWS::S3::Object']);
  });

  it('covers the first-class AI types of the reference', () => {
    for (const type of [
      'AWS::Bedrock::AgentAlias',
      'AWS::Bedrock::KnowledgeBase',
      'AWS::Bedrock::Guardrail',
      'AWS::Bedrock::FlowAlias',
      'AWS::Bedrock::PromptVersion',
      'AWS::BedrockAgentCore::Runtime',
      'AWS::BedrockAgentCore::RuntimeEndpoint',
      'AWS::BedrockAgentCore::Gateway',
      'AWS::BedrockAgentCore::Memory',
      'AWS::BedrockAgentCore::CodeInterpreterCustom',
      'AWS::BedrockAgentCore::BrowserCustom',
      'AWS::SageMaker::Endpoint',
      'AWS::SageMaker::FeatureGroup',
      'AWS::SageMaker::MlflowTrackingServer',
      'AWS::QBusiness::Application',
      'AWS::QBusiness::Index',
      'AWS::QBusiness::DataSource',
      'AWS::QBusiness::WebExperience',
    ]) {
      expect(dataEventType(type), type).toBeDefined();
    }
  });

  it('keeps runtime-only types apart from declared ones', () => {
    expect(dataEventType('AWS::Bedrock::InlineAgent')?.runtimeOnly).toBe(true);
    expect(dataEventType('AWS::Bedrock::Session')?.runtimeOnly).toBe(true);
    expect(dataEventType('AWS::Bedrock::AgentAlias')?.runtimeOnly).toBe(false);
  });
});

describe('resource-type rows', () => {
  it('name only data-event types the data-event table knows', () => {
    for (const row of RESOURCE_TYPES) {
      if (row.dataResourceType !== null)
        expect(dataEventType(row.dataResourceType), row.iacType).toBeDefined();
    }
  });

  it('hold each IaC type once', () => {
    const types = RESOURCE_TYPES.map((row) => row.iacType);
    expect(new Set(types).size).toBe(types.length);
  });

  it('give every row a source comment in the file', () => {
    const files = [
      ...readdirSync(`${KNOWLEDGE_DIR}resource-types`).map(
        (name) => `${KNOWLEDGE_DIR}resource-types/${name}`,
      ),
      `${KNOWLEDGE_DIR}sink-types.ts`,
    ];
    let rows = 0;
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const [index, line] of lines.entries()) {
        if (!/\biacType: '/.test(line)) continue;
        rows += 1;
        // The comment sits just above the row's opening brace, or above the row itself when it is on one line.
        const above = lines.slice(Math.max(0, index - 4), index).join('\n');
        expect(above, `${file}:${index + 1}`).toMatch(/\/\/ Source: /);
      }
    }
    // awscc rows are derived from the CloudFormation rows by the provider's naming rules, which cite their source.
    const written = RESOURCE_TYPES.filter((row) => row.flavour !== 'terraform-awscc');
    expect(rows).toBe(written.length + SINK_TYPES.length);
    expect(readFileSync(`${KNOWLEDGE_DIR}awscc-types.ts`, 'utf8')).toMatch(
      /\/\/ Source: terraform-provider-awscc/,
    );
  });

  it('spell each flavour the way its dialect does', () => {
    for (const row of RESOURCE_TYPES) {
      if (row.flavour === 'terraform-aws') expect(row.iacType).toMatch(/^aws_[a-z0-9_]+$/);
      if (row.flavour === 'terraform-awscc') expect(row.iacType).toMatch(/^awscc_[a-z0-9_]+$/);
      if (row.flavour === 'cloudformation') expect(row.iacType).toMatch(TYPE_NAME);
    }
  });

  it('write link paths in the flavour case: snake_case for Terraform, PascalCase for CloudFormation', () => {
    for (const row of RESOURCE_TYPES) {
      for (const link of row.links) {
        const keys = link.path.split(/[.[\]]+/).filter((key) => key !== '' && !/^\d+$/.test(key));
        for (const key of keys) {
          if (row.flavour === 'cloudformation') expect(key, row.iacType).toMatch(/^[A-Z][A-Za-z0-9]*$/);
          else expect(key, row.iacType).toMatch(/^[a-z][a-z0-9_]*$/);
        }
      }
    }
  });

  it('can build an ARN for every row whose template placeholders all have parts', () => {
    for (const row of RESOURCE_TYPES) {
      const template = arnTemplateFor(row);
      if (template === undefined || row.arnParts === undefined) continue;
      const own = listArnPlaceholders(template).filter((name) => !(name in ACCOUNT_PARTS));
      for (const name of own) expect(row.arnParts, `${row.iacType} lacks ${name}`).toHaveProperty(name);
    }
  });

  it('find the rows of the brief by type', () => {
    expect(resourceTypeForTerraform('aws_bedrockagent_agent_alias')?.arnAttribute).toBe('agent_alias_arn');
    expect(resourceTypeForTerraform('aws_bedrock_guardrail')?.arnAttribute).toBe('guardrail_arn');
    expect(resourceTypeForTerraform('awscc_bedrockagentcore_runtime')?.dataResourceType).toBe(
      'AWS::BedrockAgentCore::Runtime',
    );
    expect(resourceTypeForTerraform('awscc_sagemaker_feature_group')?.kind).toBe('ai');
    expect(resourceTypeForTerraform('aws_s3_bucket')?.dataResourceType).toBe('AWS::S3::Object');
    expect(resourceTypeForTerraform('aws_lambda_function')?.links).toEqual([
      { path: 'role', relation: 'execution-role', holds: 'arn' },
    ]);
    expect(resourceTypeForCloudFormation('AWS::Bedrock::DataSource')?.links[0]?.path).toBe(
      'DataSourceConfiguration.S3Configuration.BucketArn',
    );
    expect(resourceTypeForCloudFormation('AWS::DynamoDB::Table')?.kind).toBe('table');
    expect(resourceTypeForTerraform('AWS::Bedrock::Agent')).toBeUndefined();
    expect(resourceTypeForCloudFormation('aws_bedrockagent_agent')).toBeUndefined();
    expect(resourceTypeForTerraform('aws_instance')).toBeUndefined();
  });

  it('know which CloudFormation types return their ARN from Ref', () => {
    const guardrail = resourceTypeForCloudFormation('AWS::Bedrock::Guardrail');
    const agent = resourceTypeForCloudFormation('AWS::Bedrock::Agent');
    expect(guardrail && refReturnsArn(guardrail)).toBe(true);
    expect(agent && refReturnsArn(agent)).toBe(false);
  });

  it('list the six sink types', () => {
    expect(SINK_TYPES).toHaveLength(6);
    expect(sinkTypeFor('aws_cloudtrail_event_data_store')?.kind).toBe('event-data-store');
    expect(sinkTypeFor('AWS::CloudTrail::Trail')?.kind).toBe('trail');
    expect(sinkTypeFor('aws_s3_bucket')).toBeUndefined();
  });
});

describe('buildArn', () => {
  it('fills an agent alias ARN from known parts', () => {
    const row = resourceTypeForTerraform('aws_bedrockagent_agent_alias');
    const template = row && arnTemplateFor(row);
    expect(template).toBeDefined();
    expect(buildArn(template ?? '', { ...ACCOUNT_PARTS, AgentId: 'AG1', AgentAliasId: 'AL1' })).toBe(
      'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AG1/AL1',
    );
  });

  it('builds a bucket ARN without region or account', () => {
    expect(buildArn('arn:${Partition}:s3:::${BucketName}', { Partition: 'aws', BucketName: 'docs' })).toBe(
      'arn:aws:s3:::docs',
    );
  });

  it('returns undefined when any part is missing or empty', () => {
    const template = 'arn:${Partition}:bedrock:${Region}:${Account}:knowledge-base/${KnowledgeBaseId}';
    expect(buildArn(template, { ...ACCOUNT_PARTS })).toBeUndefined();
    expect(buildArn(template, { ...ACCOUNT_PARTS, KnowledgeBaseId: '' })).toBeUndefined();
    expect(
      buildArn(template, { ...ACCOUNT_PARTS, Account: undefined, KnowledgeBaseId: 'KB' }),
    ).toBeUndefined();
  });
});

/** The path language, step by step as its documentation states it: what readAttributePath must agree with. */
function definedReading(value: unknown, steps: readonly PathStep[]): unknown[] {
  if (value === undefined || value === null) return [];
  const [step, ...rest] = steps;
  if (step === undefined) return [value];
  if (typeof value !== 'object') return [];
  const byKey = (item: unknown, key: string): unknown[] => {
    if (typeof item !== 'object' || item === null) return [];
    if (isUnknown(item)) return definedReading(item, rest);
    return Object.hasOwn(item, key) ? definedReading((item as Record<string, unknown>)[key], rest) : [];
  };
  if (!Array.isArray(value)) return 'key' in step ? byKey(value, step.key) : definedReading(value, rest);
  if ('key' in step) return value.flatMap((item: unknown) => byKey(item, step.key));
  if ('index' in step) return step.index < value.length ? definedReading(value[step.index], rest) : [];
  return value.flatMap((item: unknown) => definedReading(item, rest));
}

describe('readAttributePath', () => {
  it('reads Terraform nested blocks written as lists', () => {
    const body = { data_source_configuration: [{ s3_configuration: [{ bucket_arn: 'arn:aws:s3:::docs' }] }] };
    expect(readAttributePath(body, 'data_source_configuration[0].s3_configuration[0].bucket_arn')).toEqual([
      'arn:aws:s3:::docs',
    ]);
  });

  it('reads awscc single nested attributes written as objects, with the same path', () => {
    const body = { data_source_configuration: { s3_configuration: { bucket_arn: 'arn:aws:s3:::docs' } } };
    expect(readAttributePath(body, 'data_source_configuration.s3_configuration.bucket_arn')).toEqual([
      'arn:aws:s3:::docs',
    ]);
    expect(readAttributePath(body, 'data_source_configuration[0].s3_configuration[0].bucket_arn')).toEqual([
      'arn:aws:s3:::docs',
    ]);
  });

  it('reads each element of a CloudFormation list', () => {
    const body = {
      ActionGroups: [
        { ActionGroupExecutor: { Lambda: 'arn:aws:lambda:us-east-1:1:function:a' } },
        { ActionGroupExecutor: { CustomControl: 'RETURN_CONTROL' } },
        { ActionGroupExecutor: { Lambda: { 'Fn::GetAtt': ['Tool', 'Arn'] } } },
      ],
    };
    expect(readAttributePath(body, 'ActionGroups[].ActionGroupExecutor.Lambda')).toEqual([
      'arn:aws:lambda:us-east-1:1:function:a',
      { 'Fn::GetAtt': ['Tool', 'Arn'] },
    ]);
  });

  it('surfaces an unknown part of the body instead of dropping it', () => {
    const unknown = unknownValue('known after apply');
    expect(
      readAttributePath({ data_source_configuration: unknown }, 'data_source_configuration[0].x[0].y'),
    ).toEqual([unknown]);
    expect(readAttributePath({ a: [unknown] }, 'a[].b')).toEqual([unknown]);
  });

  it('gives nothing for absent keys, nulls and out-of-range indexes', () => {
    expect(readAttributePath({ a: null }, 'a.b')).toEqual([]);
    expect(readAttributePath({ a: [] }, 'a[0].b')).toEqual([]);
    expect(readAttributePath({}, 'role')).toEqual([]);
    expect(readAttributePath('text', 'role')).toEqual([]);
  });

  it('reads every body as the path language defines it', () => {
    const unknown = unknownValue('known after apply');
    const leaf = fc.oneof(fc.constant(null), fc.constant(unknown), fc.constantFrom('x', 'y'), fc.integer());
    const body = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.dictionary(fc.constantFrom('a', 'b'), tie('node'), { maxKeys: 2 }),
        fc.array(tie('node'), { maxLength: 2 }),
      ),
    })).node;
    const path = fc
      .array(fc.constantFrom('.a', '.b', '[0]', '[1]', '[]'), { minLength: 1, maxLength: 4 })
      .map((steps) => steps.join('').replace(/^\./, ''));
    fc.assert(
      fc.property(body, path, (value, text) => {
        expect(readAttributePath(value, text)).toEqual(definedReading(value, parseAttributePath(text)));
      }),
      { numRuns: 2000 },
    );
  });
});
