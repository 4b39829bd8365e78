import { describe, expect, it } from 'vitest';
import { awsccRow, awsccTypeName, snakeCase } from '../../src/knowledge/awscc-types.js';
import { RESOURCE_TYPES, resourceTypeForTerraform } from '../../src/knowledge/resource-types.js';
import type { ResourceTypeRow } from '../../src/knowledge/resource-type.js';

describe('the awscc naming rules', () => {
  it('snake-case property names, acronyms included', () => {
    expect(snakeCase('GlobalReplicationGroupDescription')).toBe('global_replication_group_description');
    expect(snakeCase('AgentAliasArn')).toBe('agent_alias_arn');
    expect(snakeCase('KMSKeyArn')).toBe('kms_key_arn');
    expect(snakeCase('S3Configuration')).toBe('s3_configuration');
  });

  it('lower-case the service and snake-case the resource of a type name', () => {
    expect(awsccTypeName('AWS::EC2::Instance')).toBe('awscc_ec2_instance');
    expect(awsccTypeName('AWS::BedrockAgentCore::RuntimeEndpoint')).toBe(
      'awscc_bedrockagentcore_runtime_endpoint',
    );
    expect(awsccTypeName('AWS::SageMaker::FeatureGroup')).toBe('awscc_sagemaker_feature_group');
  });

  it('rename a top-level Id and Provider, and keep list markers in paths', () => {
    const row: ResourceTypeRow = {
      iacType: 'AWS::EC2::FlowLog',
      flavour: 'cloudformation',
      awscc: true,
      kind: 'other',
      dataResourceType: null,
      arnAttribute: 'Arn',
      nameAttribute: 'Provider',
      idAttribute: 'Id',
      ref: 'Id',
      arnParts: { FlowLogId: 'Id' },
      links: [{ path: 'Targets[].Id', relation: 'tool-function', holds: 'id' }],
    };
    expect(awsccRow(row)).toEqual({
      iacType: 'awscc_ec2_flow_log',
      flavour: 'terraform-awscc',
      kind: 'other',
      dataResourceType: null,
      arnAttribute: 'arn',
      nameAttribute: 'provider_name',
      idAttribute: 'flow_log_id',
      arnParts: { FlowLogId: 'flow_log_id' },
      links: [{ path: 'targets[].id', relation: 'tool-function', holds: 'id' }],
    });
  });
});

describe('the derived awscc rows', () => {
  const cloudFormation = RESOURCE_TYPES.filter((row) => row.awscc === true);

  it('exist for every CloudFormation row marked awscc, and are found by their Terraform type', () => {
    expect(cloudFormation.length).toBeGreaterThanOrEqual(29);
    for (const row of cloudFormation) {
      const derived = resourceTypeForTerraform(awsccTypeName(row.iacType));
      expect(derived?.flavour, row.iacType).toBe('terraform-awscc');
      expect(derived?.dataResourceType).toBe(row.dataResourceType);
    }
  });

  it('read the flow id from flow_id, as awscc names a top-level Id', () => {
    expect(resourceTypeForTerraform('awscc_bedrock_flow')).toMatchObject({
      idAttribute: 'flow_id',
      arnParts: { FlowId: 'flow_id' },
    });
  });
});
