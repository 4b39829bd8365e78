import type { PolicyCondition, PolicyDocument, PolicyStatement } from '../model/iam.js';

/** An AWS managed policy this tool knows by name, with its statements where they matter for AI roles. */
export interface ManagedPolicyEntry {
  readonly name: string;
  /** The IAM path in its ARN (`/`, `/service-role/`, `/job-function/`). */
  readonly path: string;
  /** The action patterns it grants, or null when only the name is known (its content is then unknown). */
  readonly document: PolicyDocument | null;
  /** True when the statements summarise a long policy by its service-level patterns instead of copying it. */
  readonly summarised: boolean;
}

function allow(
  actions: readonly string[],
  resources: readonly string[] = ['*'],
  condition?: PolicyCondition,
) {
  const statement: PolicyStatement = {
    effect: 'Allow',
    action: actions,
    resource: resources,
    ...(condition ? { condition } : {}),
  };
  return statement;
}

function allowAllExcept(notActions: readonly string[]): PolicyStatement {
  return { effect: 'Allow', notAction: notActions, resource: ['*'] };
}

function passRoleTo(service: string, roles: string): PolicyStatement {
  return allow(['iam:PassRole'], [roles], { StringEquals: { 'iam:PassedToService': [service] } });
}

function entry(
  name: string,
  statements: readonly PolicyStatement[] | null,
  options: { path?: string; summarised?: boolean } = {},
): ManagedPolicyEntry {
  return {
    name,
    path: options.path ?? '/',
    document: statements === null ? null : { statements },
    summarised: options.summarised ?? false,
  };
}

/**
 * AWS managed policies that matter for AI roles, by name. Source: the policy versions AWS publishes in the IAM
 * console and the "AWS managed policies" reference (docs.aws.amazon.com/aws-managed-policy/latest/reference/),
 * reduced to their action patterns; rows marked `summarised` keep only the service-level patterns.
 */
export const MANAGED_POLICIES: readonly ManagedPolicyEntry[] = [
  entry('AdministratorAccess', [allow(['*'])]),
  entry('PowerUserAccess', [
    allowAllExcept(['iam:*', 'organizations:*', 'account:*']),
    allow([
      'account:GetAccountInformation',
      'account:GetPrimaryEmail',
      'account:ListRegions',
      'iam:CreateServiceLinkedRole',
      'iam:DeleteServiceLinkedRole',
      'iam:ListRoles',
      'organizations:DescribeOrganization',
    ]),
  ]),
  entry('IAMFullAccess', [
    allow([
      'iam:*',
      'organizations:DescribeAccount',
      'organizations:DescribeOrganization',
      'organizations:DescribeOrganizationalUnit',
      'organizations:DescribePolicy',
      'organizations:ListChildren',
      'organizations:ListParents',
      'organizations:ListPoliciesForTarget',
      'organizations:ListRoots',
      'organizations:ListPolicies',
      'organizations:ListTargetsForPolicy',
    ]),
  ]),
  entry(
    'ReadOnlyAccess',
    [
      allow([
        'bedrock:Get*',
        'bedrock:List*',
        'bedrock-agentcore:Get*',
        'bedrock-agentcore:List*',
        'cloudtrail:Describe*',
        'cloudtrail:Get*',
        'cloudtrail:List*',
        'cloudtrail:LookupEvents',
        'dynamodb:BatchGet*',
        'dynamodb:Describe*',
        'dynamodb:Get*',
        'dynamodb:List*',
        'dynamodb:Query',
        'dynamodb:Scan',
        'ec2:Describe*',
        'iam:Generate*',
        'iam:Get*',
        'iam:List*',
        'kms:Describe*',
        'kms:Get*',
        'kms:List*',
        'lambda:Get*',
        'lambda:List*',
        'logs:Describe*',
        'logs:FilterLogEvents',
        'logs:Get*',
        'logs:StartQuery',
        'qbusiness:Get*',
        'qbusiness:List*',
        's3:Describe*',
        's3:Get*',
        's3:List*',
        'sagemaker:Describe*',
        'sagemaker:GetRecord',
        'sagemaker:BatchGetRecord',
        'sagemaker:List*',
        'sagemaker:Search',
        'secretsmanager:Describe*',
        'secretsmanager:GetResourcePolicy',
        'secretsmanager:List*',
        'ssm:Describe*',
        'ssm:Get*',
        'ssm:List*',
      ]),
    ],
    { summarised: true },
  ),
  entry('AmazonS3FullAccess', [allow(['s3:*', 's3-object-lambda:*'])]),
  entry('AmazonS3ReadOnlyAccess', [
    allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']),
  ]),
  entry(
    'SecretsManagerReadWrite',
    [
      allow([
        'secretsmanager:*',
        'cloudformation:CreateChangeSet',
        'cloudformation:DescribeChangeSet',
        'cloudformation:DescribeStackResource',
        'cloudformation:DescribeStacks',
        'cloudformation:ExecuteChangeSet',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
        'kms:DescribeKey',
        'kms:ListAliases',
        'kms:ListKeys',
        'lambda:ListFunctions',
        'rds:DescribeDBClusters',
        'rds:DescribeDBInstances',
        'redshift:DescribeClusters',
        'tag:GetResources',
      ]),
      allow(
        [
          'lambda:AddPermission',
          'lambda:CreateFunction',
          'lambda:GetFunction',
          'lambda:InvokeFunction',
          'lambda:UpdateFunctionConfiguration',
        ],
        ['arn:aws:lambda:*:*:function:SecretsManager*'],
      ),
      allow(
        ['serverlessrepo:CreateCloudFormationChangeSet', 'serverlessrepo:GetApplication'],
        ['arn:aws:serverlessrepo:*:*:applications/SecretsManager*'],
      ),
      allow(
        ['s3:GetObject'],
        ['arn:aws:s3:::awsserverlessrepo-changesets*', 'arn:aws:s3:::secrets-manager-rotation-apps-*/*'],
      ),
    ],
    { summarised: true },
  ),
  entry('AWSLambda_FullAccess', [
    allow([
      'cloudformation:DescribeStacks',
      'cloudformation:ListStackResources',
      'cloudwatch:ListMetrics',
      'cloudwatch:GetMetricData',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSubnets',
      'ec2:DescribeVpcs',
      'kms:ListAliases',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
      'iam:GetRole',
      'iam:GetRolePolicy',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'iam:ListRoles',
      'lambda:*',
      'logs:DescribeLogGroups',
      'states:DescribeStateMachine',
      'states:ListStateMachines',
      'tag:GetResources',
      'xray:GetTraceSummaries',
      'xray:BatchGetTraces',
    ]),
    passRoleTo('lambda.amazonaws.com', '*'),
    allow(
      [
        'logs:DescribeLogStreams',
        'logs:GetLogEvents',
        'logs:FilterLogEvents',
        'logs:StartLiveTail',
        'logs:StopLiveTail',
      ],
      ['arn:aws:logs:*:*:log-group:/aws/lambda/*'],
    ),
  ]),
  entry(
    'AWSLambdaBasicExecutionRole',
    [allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])],
    {
      path: '/service-role/',
    },
  ),
  entry('AWSLambdaRole', [allow(['lambda:InvokeFunction'])], { path: '/service-role/' }),
  entry(
    'AmazonBedrockFullAccess',
    [
      allow([
        'bedrock:*',
        'kms:DescribeKey',
        'iam:ListRoles',
        'ec2:DescribeVpcs',
        'ec2:DescribeSubnets',
        'ec2:DescribeSecurityGroups',
        'sagemaker:ListEndpoints',
        'sagemaker:DescribeEndpoint',
        'sagemaker:DescribeEndpointConfig',
        'sagemaker:ListTags',
      ]),
      passRoleTo('bedrock.amazonaws.com', 'arn:aws:iam::*:role/*AmazonBedrock*'),
    ],
    { summarised: true },
  ),
  entry(
    'AmazonSageMakerFullAccess',
    [
      allow([
        'sagemaker:*',
        'sagemaker-geospatial:*',
        'application-autoscaling:*',
        'cloudwatch:DeleteAlarms',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:GetMetricData',
        'cloudwatch:GetMetricStatistics',
        'cloudwatch:ListMetrics',
        'cloudwatch:PutMetricAlarm',
        'cloudwatch:PutMetricData',
        'ec2:CreateNetworkInterface',
        'ec2:DeleteNetworkInterface',
        'ec2:Describe*',
        'ecr:BatchGetImage',
        'ecr:GetAuthorizationToken',
        'ecr:GetDownloadUrlForLayer',
        'iam:ListRoles',
        'kms:DescribeKey',
        'kms:ListAliases',
        'lambda:ListFunctions',
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:Describe*',
        'logs:GetLogEvents',
        'logs:PutLogEvents',
        's3:ListAllMyBuckets',
        'sns:ListTopics',
      ]),
      allow(
        ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
        ['arn:aws:s3:::*SageMaker*', 'arn:aws:s3:::*Sagemaker*', 'arn:aws:s3:::*sagemaker*'],
      ),
      allow(['s3:CreateBucket', 's3:GetBucketLocation', 's3:ListBucket']),
      allow(
        ['lambda:InvokeFunction'],
        ['arn:aws:lambda:*:*:function:*SageMaker*', 'arn:aws:lambda:*:*:function:*sagemaker*'],
      ),
      allow(
        ['secretsmanager:CreateSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        ['arn:aws:secretsmanager:*:*:secret:AmazonSageMaker-*'],
      ),
      passRoleTo('sagemaker.amazonaws.com', 'arn:aws:iam::*:role/*'),
    ],
    { summarised: true },
  ),
  entry(
    'BedrockAgentCoreFullAccess',
    [
      allow(['bedrock-agentcore:*', 'iam:ListRoles', 'logs:DescribeLogGroups', 'logs:GetLogEvents']),
      allow(
        [
          'secretsmanager:CreateSecret',
          'secretsmanager:DeleteSecret',
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
        ],
        ['arn:aws:secretsmanager:*:*:secret:bedrock-agentcore*'],
      ),
      passRoleTo('bedrock-agentcore.amazonaws.com', 'arn:aws:iam::*:role/*BedrockAgentCore*'),
    ],
    { summarised: true },
  ),
  entry('AmazonDynamoDBFullAccess', [allow(['dynamodb:*', 'dax:*', 'application-autoscaling:*'])], {
    summarised: true,
  }),
  entry('CloudWatchLogsFullAccess', [allow(['logs:*', 'cloudwatch:GenerateQuery'])]),
  // Known by name only: their content is reported as unknown rather than guessed.
  entry('AmazonBedrockReadOnly', null),
  entry('AmazonBedrockLimitedAccess', null),
  entry('AmazonSageMakerReadOnly', null),
  entry('AmazonSageMakerCanvasFullAccess', null),
  entry('AmazonKendraFullAccess', null),
  entry('AmazonQFullAccess', null),
  entry('AmazonQDeveloperAccess', null),
  entry('AWSLambdaVPCAccessExecutionRole', null, { path: '/service-role/' }),
];
