// Inputs with planted secrets: a random marker that only Terraform's sensitive marks protect, and credential-shaped
// strings (an AWS access key id, a GitHub token, a PEM private key) written where the report does show text, so
// that only the renderers' masking can keep them out.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_PLAN } from './bad-input-cases.js';

/** The secrets of one run; the marker is random so no fixture or golden file can contain it by chance. */
export interface PlantedSecrets {
  /** Appears only in values marked sensitive: it must be absent from every output. */
  readonly marker: string;
  /** Credential-shaped strings written in plain (unmarked) text: every output must mask them. */
  readonly accessKeyId: string;
  readonly githubToken: string;
  readonly privateKeyBody: string;
  readonly privateKey: string;
}

/** Makes a fresh set of secrets. */
export function makeSecrets(): PlantedSecrets {
  const body = randomBytes(48).toString('base64');
  return {
    marker: `sensitivemarker${randomBytes(8).toString('hex')}`,
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    githubToken: `ghp_${randomBytes(18).toString('hex')}`,
    privateKeyBody: body,
    privateKey: `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`,
  };
}

/** Every string that must not appear in any output. */
export function forbiddenStrings(secrets: PlantedSecrets): string[] {
  return [
    secrets.marker,
    secrets.accessKeyId,
    secrets.githubToken,
    secrets.privateKeyBody,
    // The random part of the body alone, in case a renderer re-wraps or escapes the key.
    secrets.privateKeyBody.slice(8, 40),
  ];
}

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value as Json;
}

function change(plan: Json, address: string): Json {
  const changes = plan.resource_changes as Json[];
  const found = changes.find((entry) => entry.address === address);
  if (found === undefined) throw new Error(`${address} is not in the demo plan`);
  return object(found.change);
}

/**
 * The demo plan with secrets planted: the marker in attributes marked sensitive on both sides, nested in maps and
 * lists and in whole policy documents, in a sensitive variable and a data source; credential-shaped strings in an
 * unmarked policy (Sid, resource, condition), a resource name, and descriptions.
 */
export async function buildPoisonedPlan(secrets: PlantedSecrets): Promise<Json> {
  const plan = object(JSON.parse(await readFile(DEMO_PLAN, 'utf8')));
  const { marker, accessKeyId, githubToken, privateKey } = secrets;

  // A sensitive leaf inside a list of maps (the demo already marks it).
  const lambda = change(plan, 'aws_lambda_function.order_lookup');
  const environment = (object(lambda.after).environment as Json[])[0] as Json;
  object(environment.variables).API_TOKEN = marker;

  // A whole policy document marked sensitive: its grants must become unknown, not readable.
  const policy = change(plan, 'aws_iam_role_policy.support_agent');
  const sensitivePolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `Sid${marker}`,
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${marker}/*`,
      },
    ],
  });
  object(policy.after).policy = sensitivePolicy;
  policy.after_sensitive = { policy: true };
  object(policy.before).policy = sensitivePolicy.replace('GetObject', 'ListBucket');
  policy.before_sensitive = { policy: true };

  // A sensitive trail name on both sides, and a sensitive value deep in a selector list.
  const trail = change(plan, 'aws_cloudtrail.ai_audit');
  object(trail.before).name = marker;
  object(trail.after).name = marker;
  const selectors = object(trail.after).advanced_event_selector as Json[];
  const typeField = ((selectors[1] as Json).field_selector as Json[])[1] as Json;
  typeField.equals = ['AWS::Bedrock::KnowledgeBase', marker];
  const markSelectors = selectors.map((_, index) =>
    index === 1 ? { field_selector: [{}, { equals: [false, true] }] } : {},
  );
  trail.after_sensitive = { name: true, advanced_event_selector: markSelectors };
  trail.before_sensitive = { name: true };

  // A sensitive tag in a map, and a before-side description marked sensitive.
  const role = change(plan, 'aws_iam_role.support_agent');
  object(role.before).description = marker;
  object(role.after).tags = { Owner: marker };
  role.after_sensitive = { tags: { Owner: true } };
  role.before_sensitive = { description: true };

  // A sensitive root variable, which `terraform show -json` prints in plain text under `variables`.
  plan.variables = { ...object(plan.variables ?? {}), ticketing_token: { value: marker } };
  const rootModule = object(object(plan.configuration).root_module);
  rootModule.variables = { ...object(rootModule.variables ?? {}), ticketing_token: { sensitive: true } };

  // Unmarked text: credential-shaped strings where the report shows policy text and resource names.
  const leaky = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `Token${githubToken.replace(/_/g, '')}`,
        Effect: 'Allow',
        Action: ['s3:GetObject', 'secretsmanager:GetSecretValue'],
        Resource: [`arn:aws:s3:::acme-support-kb-docs/${accessKeyId}/*`, `arn:aws:s3:::acme${githubToken}/*`],
        Condition: { StringEquals: { 'aws:PrincipalTag/key': privateKey } },
      },
    ],
  });
  const changes = plan.resource_changes as Json[];
  changes.push({
    address: `aws_iam_role_policy.${githubToken}`,
    mode: 'managed',
    type: 'aws_iam_role_policy',
    name: githubToken,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['create'],
      before: null,
      after: { name: `leaky-${accessKeyId}`, role: 'support-agent', policy: leaky, name_prefix: null },
      after_unknown: { id: true },
      before_sensitive: false,
      after_sensitive: {},
    },
  });
  changes.push({
    address: `aws_bedrockagent_agent_alias.${accessKeyId}`,
    mode: 'managed',
    type: 'aws_bedrockagent_agent_alias',
    name: accessKeyId,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['create'],
      before: null,
      after: {
        agent_alias_name: `alias-${accessKeyId}`,
        agent_id: 'AGENT00001',
        description: `token ${githubToken} key ${privateKey}`,
        tags: { Secret: marker },
      },
      after_unknown: { agent_alias_arn: true, agent_alias_id: true, id: true },
      before_sensitive: false,
      after_sensitive: { tags: { Secret: true } },
    },
  });
  return plan;
}

/**
 * A CloudFormation template with credential-shaped strings in logical ids, policy Sids, resources and conditions,
 * and the marker only in a NoEcho parameter's default, which the template uses as a bucket name.
 */
export function buildPoisonedTemplate(secrets: PlantedSecrets): Json {
  const { marker, accessKeyId, githubToken, privateKey } = secrets;
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { HiddenName: { Type: 'String', NoEcho: true, Default: marker } },
    Resources: {
      [`Role${accessKeyId}`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: `agent-${githubToken}`,
          Description: privateKey,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
          Policies: [
            {
              PolicyName: `policy-${accessKeyId}`,
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: `Sid${accessKeyId}`,
                    Effect: 'Allow',
                    Action: ['s3:GetObject', 'secretsmanager:GetSecretValue', 'bedrock:InvokeModel'],
                    Resource: [
                      { 'Fn::Sub': 'arn:aws:s3:::${HiddenName}/*' },
                      `arn:aws:s3:::docs-${githubToken}/*`,
                      '*',
                    ],
                    Condition: { StringEquals: { 'aws:PrincipalTag/key': privateKey } },
                  },
                ],
              },
            },
          ],
        },
      },
      HiddenBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'HiddenName' } } },
      [`Guardrail${accessKeyId}`]: {
        Type: 'AWS::Bedrock::Guardrail',
        Properties: {
          Name: `guard-${githubToken}`,
          BlockedInputMessaging: privateKey,
          BlockedOutputsMessaging: 'no',
          Description: `key ${accessKeyId}`,
        },
      },
    },
  };
}

/** A .tf configuration with credential-shaped strings in names, Sids and resources, and the marker nowhere but a sensitive variable's default. */
export function buildPoisonedHcl(secrets: PlantedSecrets): string {
  const { marker, accessKeyId, githubToken } = secrets;
  return `variable "hidden" {
  type      = string
  sensitive = true
  default   = "${marker}"
}

resource "aws_iam_role" "${githubToken}" {
  name = "agent-${accessKeyId}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "bedrock.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "${accessKeyId}" {
  name = "policy-${githubToken}"
  role = aws_iam_role.${githubToken}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Sid${accessKeyId}"
      Effect   = "Allow"
      Action   = ["s3:GetObject", "secretsmanager:GetSecretValue", "bedrock:InvokeModel"]
      Resource = ["arn:aws:s3:::\${var.hidden}/*", "arn:aws:s3:::docs-${githubToken}/*", "*"]
    }]
  })
}

resource "aws_bedrock_guardrail" "${accessKeyId}" {
  name                      = "guard-${githubToken}"
  blocked_input_messaging   = "no"
  blocked_outputs_messaging = "no"
}
`;
}
