// IAM documents and tags of generated resources: trust policies, agent permissions with risky additions.
import { ACCOUNT, REGION } from './facts.mjs';

/** The ARN of a role of the account. */
export function roleArn(name) {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

/** A policy document as the JSON string Terraform plans hold. */
export function policyText(statements) {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A trust policy for one service, usually with the confused-deputy condition. */
export function trustPolicy(service, random) {
  const statement = {
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
  };
  if (random.chance(0.7)) {
    statement.Condition = {
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ...(random.chance(0.5)
        ? { ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/*` } }
        : {}),
    };
  }
  return policyText([statement]);
}

/** The agent role's permissions; `widened` adds what a risky pull request typically adds. */
export function agentPermissions(names, model, random, widened) {
  const statements = [
    {
      Sid: 'InvokeModel',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: `arn:aws:bedrock:${REGION}::foundation-model/${model}`,
    },
    {
      Sid: 'RetrieveDocs',
      Effect: 'Allow',
      Action: ['bedrock:Retrieve', 'bedrock:RetrieveAndGenerate'],
      Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/*`,
    },
    {
      Sid: 'ReadDocs',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::${names.bucket}`, `arn:aws:s3:::${names.bucket}/*`],
    },
  ];
  if (random.chance(0.4)) {
    statements.push({
      Sid: 'DecryptDocs',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`,
      Condition: { StringEquals: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` } },
    });
  }
  if (widened) {
    const risky = random.pick([
      { Sid: 'AllBedrock', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' },
      { Sid: 'PassAnyRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      {
        Sid: 'ReadSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:*`,
      },
      {
        Sid: 'WriteDocs',
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': REGION } },
      },
      {
        Sid: 'TrailAdmin',
        Effect: 'Allow',
        Action: ['cloudtrail:StopLogging', 'logs:Delete*'],
        Resource: '*',
      },
    ]);
    statements.push(risky);
  }
  return policyText(statements);
}

/** The customer-managed policy every workload attaches: logs, metrics, configuration reads, a region guard. */
export function sharedPermissions(names) {
  return policyText([
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock/${names.prefix}*`,
    },
    { Sid: 'Metrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    {
      Sid: 'ReadConfig',
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*'],
      Resource: `arn:aws:s3:::${names.bucket}*`,
    },
    {
      Sid: 'DenyOtherRegions',
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*', 'cloudfront:*'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': [REGION, 'eu-west-1'] } },
    },
  ]);
}

/** Tags as the aws provider plans them: `tags` as written and `tags_all` with the provider defaults. */
export function tags(random, team) {
  const base = { team, 'cost-center': `cc-${1000 + random.below(9000)}`, environment: 'production' };
  return { tags: base, tags_all: { ...base, 'managed-by': 'terraform' } };
}
