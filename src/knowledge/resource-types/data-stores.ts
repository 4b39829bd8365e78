import type { ResourceTypeRow } from '../resource-type.js';

/**
 * The data stores and tools AI resources use: S3 buckets, Lambda functions and DynamoDB tables. They matter when a
 * link from an AI resource reaches them; the three are also the only types basic event selectors can name.
 */
export const DATA_STORE_RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  // Source: terraform-provider-aws docs, s3_bucket (arn, bucket); verified §1 (object events carry the bucket ARN).
  {
    iacType: 'aws_s3_bucket',
    flavour: 'terraform-aws',
    kind: 'bucket',
    dataResourceType: 'AWS::S3::Object',
    arnAttribute: 'arn',
    nameAttribute: 'bucket',
    idAttribute: 'bucket',
    arnParts: { BucketName: 'bucket' },
    links: [],
  },
  // Source: CloudFormation AWS::S3::Bucket (Ref returns the bucket name, GetAtt Arn).
  // awscc_s3_bucket: CloudFormation AWS::S3::Bucket (Arn, BucketName), snake_case for awscc; corpus awscc examples.
  {
    iacType: 'AWS::S3::Bucket',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'bucket',
    dataResourceType: 'AWS::S3::Object',
    arnAttribute: 'Arn',
    nameAttribute: 'BucketName',
    idAttribute: 'BucketName',
    ref: 'BucketName',
    arnParts: { BucketName: 'BucketName' },
    links: [],
  },
  // Source: terraform-provider-aws docs, lambda_function (arn, function_name, role); verified §2.
  {
    iacType: 'aws_lambda_function',
    flavour: 'terraform-aws',
    kind: 'function',
    dataResourceType: 'AWS::Lambda::Function',
    arnAttribute: 'arn',
    nameAttribute: 'function_name',
    idAttribute: 'function_name',
    arnParts: { FunctionName: 'function_name' },
    links: [{ path: 'role', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: CloudFormation AWS::Lambda::Function (Ref returns the function name, GetAtt Arn, Role).
  // awscc_lambda_function: CloudFormation AWS::Lambda::Function (Arn, FunctionName, Role), snake_case for awscc.
  {
    iacType: 'AWS::Lambda::Function',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'function',
    dataResourceType: 'AWS::Lambda::Function',
    arnAttribute: 'Arn',
    nameAttribute: 'FunctionName',
    idAttribute: 'FunctionName',
    ref: 'FunctionName',
    arnParts: { FunctionName: 'FunctionName' },
    links: [{ path: 'Role', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: terraform-provider-aws docs, dynamodb_table (arn, name); verified §2.
  {
    iacType: 'aws_dynamodb_table',
    flavour: 'terraform-aws',
    kind: 'table',
    dataResourceType: 'AWS::DynamoDB::Table',
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    arnParts: { TableName: 'name' },
    links: [],
  },
  // Source: CloudFormation AWS::DynamoDB::Table (Ref returns the table name, GetAtt Arn).
  // awscc_dynamodb_table: CloudFormation AWS::DynamoDB::Table (Arn, TableName), snake_case for awscc.
  {
    iacType: 'AWS::DynamoDB::Table',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'table',
    dataResourceType: 'AWS::DynamoDB::Table',
    arnAttribute: 'Arn',
    nameAttribute: 'TableName',
    idAttribute: 'TableName',
    ref: 'TableName',
    arnParts: { TableName: 'TableName' },
    links: [],
  },
];
