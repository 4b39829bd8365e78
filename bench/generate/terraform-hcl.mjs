// Generates a Terraform configuration of N `.tf` files: one provider and trail file, one file of variables and
// locals, and AI workloads (roles with jsonencode policies, buckets, Bedrock agents, aliases, knowledge bases,
// data sources, Lambda tools) spread over the remaining files, with references between them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from './random.mjs';

/** A role's trust policy for one AWS service, with an optional condition block, as HCL. */
function assumeRolePolicy(service, condition = '') {
  return `  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "${service}" }
      Action    = "sts:AssumeRole"${condition}
    }]
  })`;
}

const SOURCE_ACCOUNT_CONDITION = `
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
      }`;

function header() {
  return `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_cloudtrail" "ai_data" {
  name                  = "ai-data"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true
  enable_logging        = true

  advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "Agent invocations"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::Bedrock::AgentAlias"]
    }
  }

  advanced_event_selector {
    name = "Knowledge base documents"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["arn:aws:s3:::\${local.bucket_prefix}"]
    }
  }
}
`;
}

function variables() {
  return `variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "111122223333"
}

variable "environment" {
  type    = string
  default = "production"
}

locals {
  bucket_prefix = "acme-\${var.environment}-"
  common_tags = {
    environment = var.environment
    managed-by  = "terraform"
  }
  models = {
    large = "anthropic.claude-3-5-sonnet-20240620-v1:0"
    small = "anthropic.claude-3-haiku-20240307-v1:0"
  }
}
`;
}

/** One AI workload in HCL; `widened` adds a wildcard grant. */
function workload(index, random) {
  const n = `w${String(index).padStart(5, '0')}`;
  const widened = random.chance(0.1);
  const extra = widened
    ? `,
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "bedrock:*"
        Resource = "*"
      }`
    : '';
  return `resource "aws_iam_role" "${n}_agent" {
  name = "${n}-agent"
${assumeRolePolicy('bedrock.amazonaws.com', SOURCE_ACCOUNT_CONDITION)}
  tags = local.common_tags
}

resource "aws_iam_role_policy" "${n}_agent" {
  name = "${n}-agent"
  role = aws_iam_role.${n}_agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeModel"
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        Resource = "arn:aws:bedrock:\${var.region}::foundation-model/\${local.models.${random.pick(['large', 'small'])}}"
      },
      {
        Sid      = "ReadDocs"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [aws_s3_bucket.${n}_docs.arn, "\${aws_s3_bucket.${n}_docs.arn}/*"]
      }${extra}
    ]
  })
}

resource "aws_s3_bucket" "${n}_docs" {
  bucket = "\${local.bucket_prefix}${n}-docs"
  tags   = merge(local.common_tags, { data = "${n}" })
}

resource "aws_iam_role" "${n}_kb" {
  name = "${n}-kb"
${assumeRolePolicy('bedrock.amazonaws.com')}
}

resource "aws_bedrockagent_knowledge_base" "${n}" {
  name     = "${n}-docs"
  role_arn = aws_iam_role.${n}_kb.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:\${var.region}::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = "arn:aws:aoss:\${var.region}:\${var.account_id}:collection/${random.id(12).toLowerCase()}"
      vector_index_name = "default"
      field_mapping {
        vector_field   = "vector"
        text_field     = "text"
        metadata_field = "metadata"
      }
    }
  }
}

resource "aws_bedrockagent_data_source" "${n}" {
  name              = "${n}-docs"
  knowledge_base_id = aws_bedrockagent_knowledge_base.${n}.id
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.${n}_docs.arn
    }
  }
}

resource "aws_bedrockagent_agent" "${n}" {
  agent_name              = "${n}"
  agent_resource_role_arn = aws_iam_role.${n}_agent.arn
  foundation_model        = local.models.large
  instruction             = "You answer questions about orders and returns, using the knowledge base for policies."
}

resource "aws_bedrockagent_agent_alias" "${n}" {
  agent_alias_name = "live"
  agent_id         = aws_bedrockagent_agent.${n}.agent_id
}

resource "aws_iam_role" "${n}_tool" {
  name                = "${n}-tool"
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
${assumeRolePolicy('lambda.amazonaws.com')}
}

resource "aws_lambda_function" "${n}_tool" {
  function_name = "${n}-tool"
  role          = aws_iam_role.${n}_tool.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/tool.zip"
}

resource "aws_bedrockagent_agent_action_group" "${n}" {
  action_group_name = "lookup"
  agent_id          = aws_bedrockagent_agent.${n}.agent_id
  agent_version     = "DRAFT"
  action_group_executor {
    lambda = aws_lambda_function.${n}_tool.arn
  }
}
`;
}

/**
 * Writes `files` `.tf` files into `dir` (created if needed) and returns the number of workloads they hold.
 * @returns {{ files: number, workloads: number }}
 */
export function writeHclTree(dir, { files, seed = 1 }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), header());
  writeFileSync(join(dir, 'variables.tf'), variables());
  const workloads = Math.max(0, files - 2);
  for (let index = 0; index < workloads; index += 1) {
    writeFileSync(
      join(dir, `workload-${String(index).padStart(5, '0')}.tf`),
      workload(index, createRandom(seed * 1_000_003 + index)),
    );
  }
  return { files: workloads + 2, workloads };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, count] = process.argv.slice(2);
  if (dir === undefined || count === undefined) {
    process.stderr.write('usage: node bench/generate/terraform-hcl.mjs DIR FILES\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(writeHclTree(dir, { files: Number(count) }))}\n`);
}
