// Generates a pair of CloudFormation templates (before and after) of about N resources each: AI workloads (roles
// with trust and inline policies, managed policies, Bedrock agents, aliases, knowledge bases, data sources,
// guardrails, S3 buckets, Lambda tools, SageMaker endpoints), ordinary resources, and trails. The after template
// adds, removes and changes resources the way a real pull request does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from './random.mjs';

const MODELS = ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'amazon.titan-text-premier-v1:0'];

const ref = (name) => ({ Ref: name });
const getAtt = (name, attribute) => ({ 'Fn::GetAtt': [name, attribute] });
const sub = (text) => ({ 'Fn::Sub': text });

function document(statements) {
  return { Version: '2012-10-17', Statement: statements };
}

function trust(service, conditioned) {
  return document([
    {
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      ...(conditioned ? { Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } } } : {}),
    },
  ]);
}

/** The resources of one AI workload, by logical id; `widened` adds the grants a risky change adds. */
function workload(index, random, widened) {
  const p = `Agent${String(index).padStart(5, '0')}`;
  const resources = {};
  const statements = [
    {
      Sid: 'InvokeModel',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: sub(
        `arn:\${AWS::Partition}:bedrock:\${AWS::Region}::foundation-model/${random.pick(MODELS)}`,
      ),
    },
    {
      Sid: 'ReadDocs',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [getAtt(`${p}Docs`, 'Arn'), sub(`\${${p}Docs.Arn}/*`)],
    },
  ];
  if (widened)
    statements.push(
      random.pick([
        { Sid: 'Everything', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' },
        { Sid: 'PassRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        { Sid: 'Secrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
      ]),
    );
  resources[`${p}Role`] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: `${p.toLowerCase()}-agent`,
      AssumeRolePolicyDocument: trust('bedrock.amazonaws.com', random.chance(0.7)),
      Policies: [{ PolicyName: 'agent', PolicyDocument: document(statements) }],
      Tags: [{ Key: 'team', Value: random.pick(['support', 'legal', 'research']) }],
    },
  };
  resources[`${p}Shared`] = {
    Type: 'AWS::IAM::ManagedPolicy',
    Properties: {
      Roles: [ref(`${p}Role`)],
      PolicyDocument: document([
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
        { Effect: 'Allow', Action: 's3:Get*', Resource: sub(`\${${p}Docs.Arn}/config/*`) },
      ]),
    },
  };
  resources[`${p}Docs`] = {
    Type: 'AWS::S3::Bucket',
    Properties: {
      BucketName: sub(`acme-${p.toLowerCase()}-docs-\${AWS::AccountId}`),
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    },
  };
  resources[`${p}KbRole`] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: trust('bedrock.amazonaws.com', true),
      Policies: [
        {
          PolicyName: 'kb',
          PolicyDocument: document([
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [getAtt(`${p}Docs`, 'Arn'), sub(`\${${p}Docs.Arn}/*`)],
            },
            { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' },
          ]),
        },
      ],
    },
  };
  resources[`${p}Kb`] = {
    Type: 'AWS::Bedrock::KnowledgeBase',
    Properties: {
      Name: `${p}-docs`,
      RoleArn: getAtt(`${p}KbRole`, 'Arn'),
      KnowledgeBaseConfiguration: {
        Type: 'VECTOR',
        VectorKnowledgeBaseConfiguration: {
          EmbeddingModelArn: sub(
            'arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.titan-embed-text-v2:0',
          ),
        },
      },
      StorageConfiguration: {
        Type: 'OPENSEARCH_SERVERLESS',
        OpensearchServerlessConfiguration: {
          CollectionArn: sub(
            `arn:\${AWS::Partition}:aoss:\${AWS::Region}:\${AWS::AccountId}:collection/${random.id(12).toLowerCase()}`,
          ),
          VectorIndexName: 'default',
          FieldMapping: { VectorField: 'vector', TextField: 'text', MetadataField: 'metadata' },
        },
      },
    },
  };
  resources[`${p}Source`] = {
    Type: 'AWS::Bedrock::DataSource',
    Properties: {
      Name: 'docs',
      KnowledgeBaseId: ref(`${p}Kb`),
      DataSourceConfiguration: { Type: 'S3', S3Configuration: { BucketArn: getAtt(`${p}Docs`, 'Arn') } },
    },
  };
  resources[`${p}ToolRole`] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: trust('lambda.amazonaws.com', false),
      ManagedPolicyArns: [
        sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'),
      ],
    },
  };
  resources[`${p}Tool`] = {
    Type: 'AWS::Lambda::Function',
    Properties: {
      FunctionName: `${p.toLowerCase()}-tool`,
      Runtime: 'python3.12',
      Handler: 'index.handler',
      Role: getAtt(`${p}ToolRole`, 'Arn'),
      Code: { ZipFile: 'def handler(event, context):\n    return {"ok": True}\n' },
      Timeout: 15,
    },
  };
  resources[`${p}Guardrail`] = {
    Type: 'AWS::Bedrock::Guardrail',
    Properties: {
      Name: `${p}-guardrail`,
      BlockedInputMessaging: 'Sorry.',
      BlockedOutputsMessaging: 'Sorry.',
      SensitiveInformationPolicyConfig: { PiiEntitiesConfig: [{ Type: 'EMAIL', Action: 'ANONYMIZE' }] },
    },
  };
  resources[`${p}`] = {
    Type: 'AWS::Bedrock::Agent',
    Properties: {
      AgentName: p,
      AgentResourceRoleArn: getAtt(`${p}Role`, 'Arn'),
      FoundationModel: random.pick(MODELS),
      Instruction: 'You answer questions about orders, returns and shipping, using the knowledge base.',
      GuardrailConfiguration: {
        GuardrailIdentifier: getAtt(`${p}Guardrail`, 'GuardrailId'),
        GuardrailVersion: 'DRAFT',
      },
      KnowledgeBases: [
        { KnowledgeBaseId: ref(`${p}Kb`), Description: 'Policies', KnowledgeBaseState: 'ENABLED' },
      ],
      ActionGroups: [
        {
          ActionGroupName: 'lookup',
          ActionGroupExecutor: { Lambda: getAtt(`${p}Tool`, 'Arn') },
          FunctionSchema: { Functions: [{ Name: 'lookup', Description: 'Looks an order up' }] },
        },
      ],
    },
  };
  resources[`${p}Alias`] = {
    Type: 'AWS::Bedrock::AgentAlias',
    Properties: { AgentAliasName: 'live', AgentId: getAtt(p, 'AgentId') },
  };
  if (index % 4 === 0) {
    resources[`${p}Endpoint`] = {
      Type: 'AWS::SageMaker::Endpoint',
      Properties: {
        EndpointName: `${p.toLowerCase()}-endpoint`,
        EndpointConfigName: `${p.toLowerCase()}-config`,
      },
    };
  }
  return resources;
}

/** Ordinary resources the tool passes over. */
function filler(index) {
  const p = `Service${String(index).padStart(5, '0')}`;
  return {
    [`${p}Queue`]: { Type: 'AWS::SQS::Queue', Properties: { QueueName: `${p}-jobs`, VisibilityTimeout: 60 } },
    [`${p}Topic`]: { Type: 'AWS::SNS::Topic', Properties: { TopicName: `${p}-events` } },
    [`${p}Logs`]: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: `/app/${p}`, RetentionInDays: 30 },
    },
    [`${p}Group`]: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `${p} traffic`,
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/8' }],
      },
    },
  };
}

function dataSelector(name, type, extra = []) {
  return {
    Name: name,
    FieldSelectors: [
      { Field: 'eventCategory', Equals: ['Data'] },
      { Field: 'resources.type', Equals: [type] },
      ...extra,
    ],
  };
}

function trail(name, selectors) {
  return {
    Type: 'AWS::CloudTrail::Trail',
    Properties: {
      TrailName: name,
      S3BucketName: 'acme-cloudtrail-logs',
      IsLogging: true,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      AdvancedEventSelectors: selectors,
    },
  };
}

function sinks(side) {
  const management = {
    Name: 'Management',
    FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
  };
  const selectors = [
    management,
    dataSelector('Agents', 'AWS::Bedrock::AgentAlias'),
    dataSelector('Knowledge bases', 'AWS::Bedrock::KnowledgeBase'),
    dataSelector('Documents', 'AWS::S3::Object', [
      { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::acme-agent000'] },
    ]),
    ...(side === 'before'
      ? [dataSelector('Guardrails', 'AWS::Bedrock::Guardrail')]
      : [dataSelector('Endpoints', 'AWS::SageMaker::Endpoint')]),
  ];
  return { AiTrail: trail('ai-data', selectors), ManagementTrail: trail('management', [management]) };
}

/**
 * Builds the before and after templates of about `resources` resources each. Some workloads exist only after
 * (added), some only before (removed), and some gain grants in the after template.
 * @returns {{ before: object, after: object }}
 */
export function generateTemplatePair({ resources, seed = 1 }) {
  const before = { ...sinks('before') };
  const after = { ...sinks('after') };
  let index = 0;
  while (Object.keys(after).length < resources) {
    const random = createRandom(seed * 1_000_003 + index);
    if (random.chance(0.4)) {
      const choice = random.next();
      const widened = choice < 0.15;
      const old = workload(index, createRandom(seed * 7 + index), false);
      const now = workload(index, createRandom(seed * 7 + index), widened);
      const added = choice >= 0.95;
      const removed = choice >= 0.9 && !added;
      if (!added) Object.assign(before, old);
      if (!removed) Object.assign(after, now);
    } else {
      Object.assign(before, filler(index));
      Object.assign(after, filler(index));
    }
    index += 1;
  }
  const template = (body) => ({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'AI workloads of the support platform',
    Resources: body,
    Outputs: { AiTrailArn: { Value: getAtt('AiTrail', 'Arn') } },
  });
  return { before: template(before), after: template(after) };
}

/** Writes the pair as `before.json` and `after.json` in a directory and returns their paths. */
export function writeTemplatePair(dir, options) {
  const { before, after } = generateTemplatePair(options);
  const paths = { before: join(dir, 'before.json'), after: join(dir, 'after.json') };
  writeFileSync(paths.before, JSON.stringify(before, null, 2));
  writeFileSync(paths.after, JSON.stringify(after, null, 2));
  return { ...paths, resources: Object.keys(after.Resources).length };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, count] = process.argv.slice(2);
  if (dir === undefined || count === undefined) {
    process.stderr.write('usage: node bench/generate/cloudformation.mjs DIR RESOURCES\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(writeTemplatePair(dir, { resources: Number(count) }))}\n`);
}
