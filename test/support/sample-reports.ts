import type { Report, ReportFinding, Severity } from '../../src/model/report.js';
import { coverageResource, finding, grant, input, report, role, sink } from './report-builders.js';

/** Links to a pinned commit on GitHub, as the action builds them: each path segment percent-encoded. */
export function sampleFileUrl(file: string, line?: number): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `https://github.com/octo-org/infra/blob/0123456789abcdef0123456789abcdef01234567/${path}${line === undefined ? '' : `#L${line}`}`;
}

/** Nothing AI-relevant changed: the only AI resource stays fully logged. */
export function passNoChanges(): Report {
  return report({
    resources: [
      coverageResource({
        action: 'no-op',
        before: 'full',
        after: 'full',
        coveredBy: ['aws_cloudtrail.main'],
      }),
    ],
    sinks: [sink()],
  });
}

/** A change that loses coverage, adds unlogged AI resources and broadens an agent role. */
export function failCoverageAndRoles(): Report {
  const manyGrants = [
    'GetObject',
    'PutObject',
    'DeleteObject',
    'GetObjectTagging',
    'PutObjectTagging',
    'ListBucket',
  ].flatMap((action) => [
    grant({
      action: `s3:${action}`,
      resource: 'arn:aws:s3:::kb-docs-prod/*',
      accessLevel: action.startsWith('Get') ? 'Read' : action === 'ListBucket' ? 'List' : 'Write',
    }),
    grant({
      action: `s3:${action}`,
      resource: 'arn:aws:s3:::kb-docs-staging/*',
      accessLevel: action.startsWith('Get') ? 'Read' : action === 'ListBucket' ? 'List' : 'Write',
    }),
  ]);
  return report({
    inputs: [input({ path: 'plan.json' })],
    sinks: [
      sink({ action: 'update' }),
      sink({
        id: 'aws_cloudtrail_event_data_store.ai',
        kind: 'event-data-store',
        action: 'create',
        logging: 'unknown',
      }),
    ],
    resources: [
      coverageResource(),
      coverageResource({
        id: 'aws_bedrockagent_knowledge_base.docs',
        iacType: 'aws_bedrockagent_knowledge_base',
        dataResourceType: 'AWS::Bedrock::KnowledgeBase',
        arn: undefined,
        action: 'create',
        before: null,
        after: 'none',
        location: { file: 'infra/kb.tf', line: 3 },
      }),
      coverageResource({
        id: 'aws_s3_bucket.kb_docs',
        iacType: 'aws_s3_bucket',
        dataResourceType: 'AWS::S3::Object',
        arn: 'arn:aws:s3:::kb-docs-prod',
        role: 'ai-data',
        action: 'no-op',
        before: 'partial',
        after: 'partial',
        detail: 'write events only',
        coveredBy: ['aws_cloudtrail.main'],
        location: { file: 'infra/kb.tf', line: 40 },
      }),
      coverageResource({
        id: 'aws_lambda_function.search_tool',
        iacType: 'aws_lambda_function',
        dataResourceType: 'AWS::Lambda::Function',
        arn: 'arn:aws:lambda:us-east-1:123456789012:function:search-tool',
        role: 'ai-tool',
        action: 'update',
        before: 'full',
        after: 'unknown',
        detail: 'the event data store ai: ingestion is known after apply',
        coveredBy: [],
        location: { file: 'infra/tools.tf', line: 8 },
      }),
      coverageResource({
        id: 'aws_bedrock_guardrail.default',
        iacType: 'aws_bedrock_guardrail',
        dataResourceType: 'AWS::Bedrock::Guardrail',
        arn: 'arn:aws:bedrock:us-east-1:123456789012:guardrail/gr-abc123',
        action: 'update',
        before: 'none',
        after: 'full',
        coveredBy: ['aws_cloudtrail.main'],
        location: { file: 'infra/guardrail.tf', line: 1 },
      }),
      coverageResource({
        id: 'aws_sagemaker_endpoint.legacy',
        iacType: 'aws_sagemaker_endpoint',
        dataResourceType: 'AWS::SageMaker::Endpoint',
        arn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/legacy',
        action: 'delete',
        before: 'full',
        after: null,
        coveredBy: ['aws_cloudtrail.main'],
        location: { file: 'infra/sagemaker.tf', line: 20 },
      }),
    ],
    roles: [
      role({
        added: [
          grant({
            action: 'iam:PassRole',
            resource: '*',
            accessLevel: 'Write',
            risks: ['privilege-escalation'],
          }),
          grant({
            action: 'secretsmanager:GetSecretValue',
            resource: '*',
            accessLevel: 'Read',
            risks: ['secret-access'],
          }),
          grant({
            action: 'bedrock:InvokeModel',
            resource: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
            accessLevel: 'Read',
          }),
        ],
        removed: [
          grant({
            action: 'bedrock:InvokeAgent',
            resource: 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/*',
            accessLevel: 'Read',
          }),
        ],
        trust: { added: ['arn:aws:iam::999999999999:root'], removed: [] },
      }),
      role({
        id: 'aws_iam_role.kb',
        name: 'kb-ingestion',
        action: 'create',
        reasons: ['execution role of aws_bedrockagent_knowledge_base.docs', 'trusts bedrock.amazonaws.com'],
        added: manyGrants,
      }),
      role({ id: 'aws_iam_role.unchanged', name: 'unchanged', action: 'no-op' }),
    ],
    findings: [
      finding({
        ruleId: 'privilege-escalation',
        severity: 'critical',
        title: 'AI role agent-execution can pass any role',
        message:
          'iam:PassRole on * lets the agent hand any role to any service. Limit Resource or add an iam:PassedToService condition.',
        resource: 'aws_iam_role.agent',
        location: { file: 'infra/iam.tf', line: 31 },
      }),
      finding({
        ruleId: 'coverage-lost',
        title: 'Agent alias aws_bedrockagent_agent_alias.live is no longer logged',
      }),
      finding({
        title: 'Knowledge base aws_bedrockagent_knowledge_base.docs is not logged',
        message: 'No trail or event data store records Retrieve calls on this knowledge base.',
        resource: 'aws_bedrockagent_knowledge_base.docs',
        location: { file: 'infra/kb.tf', line: 3 },
      }),
      finding({
        ruleId: 'secret-access',
        title: 'AI role agent-execution can read every secret',
        message: 'secretsmanager:GetSecretValue on *.',
        resource: 'aws_iam_role.agent',
        location: { file: 'infra/iam.tf', line: 44 },
      }),
      finding({
        ruleId: 'trust-widened',
        title: 'AI role agent-execution trusts account 999999999999',
        message: 'The trust policy now lets another account assume the role.',
        resource: 'aws_iam_role.agent',
        location: { file: 'infra/iam.tf', line: 5 },
      }),
      finding({
        ruleId: 'coverage-gained',
        severity: 'info',
        title: 'Guardrail aws_bedrock_guardrail.default is now logged',
        message: 'The main trail records its ApplyGuardrail data events.',
        resource: 'aws_bedrock_guardrail.default',
        location: { file: 'infra/guardrail.tf', line: 1 },
      }),
      finding({
        ruleId: 'confused-deputy',
        severity: 'medium',
        title: 'AI role kb-ingestion trusts bedrock.amazonaws.com without a source condition',
        message: 'Add aws:SourceAccount or aws:SourceArn to the trust policy.',
        resource: 'aws_iam_role.kb',
        location: { file: 'infra/kb.tf', line: 60 },
        ignored: { reason: 'accepted for the pilot', expires: '2026-12-31' },
      }),
      finding({
        ruleId: 'partially-logged-ai-resource',
        severity: 'medium',
        title: 'Bucket aws_s3_bucket.kb_docs is only partly logged',
        message: 'Only write data events are recorded.',
        resource: 'aws_s3_bucket.kb_docs',
        location: { file: 'infra/kb.tf', line: 40 },
        existing: true,
      }),
    ],
  });
}

const SEVERITY_CYCLE: readonly Severity[] = ['critical', 'high', 'high', 'medium', 'medium', 'low', 'info'];

/** Many findings, coverage rows and roles: more than a comment holds. */
export function manyFindings(count: number): Report {
  const findings: ReportFinding[] = Array.from({ length: count }, (_unused, index) =>
    finding({
      ruleId: index % 2 === 0 ? 'blind-spot' : 'unlogged-ai-resource',
      severity: SEVERITY_CYCLE[index % SEVERITY_CYCLE.length] ?? 'high',
      title: `Finding number ${index + 1} on module.ai[${index}].aws_bedrockagent_agent_alias.live`,
      message: `The role module.ai[${index}].aws_iam_role.agent may call bedrock:InvokeAgent on an alias that no trail records.`,
      resource: `module.ai[${index}].aws_bedrockagent_agent_alias.live`,
      location: { file: `modules/ai/main.tf`, line: index + 1 },
    }),
  );
  const resources = Array.from({ length: Math.ceil(count / 10) }, (_unused, index) =>
    coverageResource({
      id: `module.ai[${index}].aws_bedrockagent_agent_alias.live`,
      arn: `arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT${index}/ALIAS${index}`,
      action: 'create',
      before: null,
      after: 'none',
    }),
  );
  return report({
    resources,
    roles: [
      role({
        added: Array.from({ length: 30 }, (_unused, index) => grant({ action: `bedrock:Action${index}` })),
      }),
    ],
    findings,
  });
}

/** One input could not be read; the other loaded fine and changed nothing. */
export function inputErrors(): Report {
  return report({
    inputs: [
      input({ path: 'stacks/app.yaml', format: 'cloudformation' }),
      input({
        path: 'plans/broken.json',
        status: 'error',
        error: 'plans/broken.json:3: Unexpected token } in JSON',
      }),
    ],
    findings: [
      finding({
        ruleId: 'input-error',
        title: 'plans/broken.json could not be read',
        message: 'Unexpected token } in JSON at line 3.',
        resource: 'plans/broken.json',
        location: { file: 'plans/broken.json', line: 3 },
      }),
    ],
  });
}

/** The representative reports the golden files are made of, with the comment budget each is rendered within. */
export const GOLDEN_REPORTS: readonly { name: string; build: () => Report; maxLength?: number }[] = [
  { name: 'pass-no-changes', build: passNoChanges },
  { name: 'fail-coverage-and-roles', build: failCoverageAndRoles },
  { name: 'over-budget', build: () => manyFindings(120), maxLength: 8_000 },
  { name: 'input-errors', build: inputErrors },
];
