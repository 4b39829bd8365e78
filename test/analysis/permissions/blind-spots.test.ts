import { describe, expect, it } from 'vitest';
import {
  findBlindSpots,
  MAX_LISTED_BLIND_SPOT_TARGETS,
  type AiRoleGrants,
} from '../../../src/analysis/blind-spots.js';
import { indexIam } from '../../../src/analysis/permissions/attached-policies.js';
import { collectRoleGrants } from '../../../src/analysis/permissions/effective.js';
import type { PolicyStatement, Role } from '../../../src/model/iam.js';
import type { Sink } from '../../../src/model/sink.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import {
  aiResource,
  bucket,
  dataSelector,
  field,
  policy,
  policyDocument,
  ref,
  snapshot,
  sym,
  trail,
} from '../../support/builders.js';
import { allow, serviceRole } from '../../support/iam-builders.js';

const AGENT_ROLE = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
const DOCS = bucket('aws_s3_bucket.docs');
const LOGS = bucket('aws_s3_bucket.logs');

function side(statements: PolicyStatement[], sinks: Sink[] = [], roles: Role[] = [AGENT_ROLE]): Snapshot {
  return snapshot({
    roles,
    resources: [DOCS, LOGS],
    sinks,
    policies:
      statements.length === 0
        ? []
        : [policy('aws_iam_role_policy.agent', AGENT_ROLE.id, policyDocument(...statements))],
  });
}

async function aiRoles(snap: Snapshot): Promise<AiRoleGrants[]> {
  const index = indexIam(snap);
  return Promise.all(
    snap.roles.map(async (role) => ({ role, grants: await collectRoleGrants(index, role) })),
  );
}

async function blindSpots(before: Snapshot, after: Snapshot, externalSinks: Sink[] = []) {
  return findBlindSpots({
    before,
    after,
    externalSinks,
    rolesBefore: await aiRoles(before),
    rolesAfter: await aiRoles(after),
  });
}

const READ_DOCS = allow(['s3:GetObject'], ['arn:aws:s3:::docs/*']);
const DOCS_TRAIL = trail('aws_cloudtrail.docs', {
  advancedSelectors: [
    dataSelector('AWS::S3::Object', field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] })),
  ],
});
const MANAGEMENT_TRAIL = trail('aws_cloudtrail.main');

describe('findBlindSpots', () => {
  it('fires when a role gains s3:GetObject on a bucket no trail records', async () => {
    const findings = await blindSpots(side([], [MANAGEMENT_TRAIL]), side([READ_DOCS], [MANAGEMENT_TRAIL]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'blind-spot', resource: AGENT_ROLE.id });
    expect(findings[0]?.message).toContain('s3:GetObject');
    expect(findings[0]?.message).toContain('aws_s3_bucket.docs');
    expect(findings[0]?.message).toContain('arn:aws:s3:::docs/');
    expect(findings[0]?.message).not.toContain('aws_s3_bucket.logs');
  });

  it('stays silent when a trail records the bucket', async () => {
    expect(await blindSpots(side([], [DOCS_TRAIL]), side([READ_DOCS], [DOCS_TRAIL]))).toEqual([]);
  });

  it('counts a sink declared in the config', async () => {
    const external = { ...DOCS_TRAIL, id: 'external:org', kind: 'external' as const };
    expect(await blindSpots(side([]), side([READ_DOCS]), [external])).toEqual([]);
  });

  it('stays silent when the role had the permission before', async () => {
    expect(await blindSpots(side([READ_DOCS]), side([READ_DOCS]))).toEqual([]);
  });

  it('fires when the permission stays but the trail that recorded it goes', async () => {
    const findings = await blindSpots(side([READ_DOCS], [DOCS_TRAIL]), side([READ_DOCS], []));
    expect(findings.map((finding) => finding.ruleId)).toEqual(['blind-spot']);
  });

  it('reads a grant on `*` as concerning every bucket of the snapshot, in one finding per data-event type', async () => {
    const findings = await blindSpots(side([]), side([allow(['s3:PutObject'])]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('2 AWS::S3::Object resources');
    expect(
      [...(findings[0]?.message ?? '').matchAll(/aws_s3_bucket\.\w+/g)].map((match) => match[0]),
    ).toEqual(['aws_s3_bucket.docs', 'aws_s3_bucket.logs']);
    // One selector names both buckets.
    expect(findings[0]?.message).toContain(
      'resources.ARN StartsWith arn:aws:s3:::docs/, arn:aws:s3:::logs/)',
    );
  });

  it('names the first few resources of a large group and counts the rest', async () => {
    const buckets = Array.from({ length: 8 }, (_, i) => bucket(`aws_s3_bucket.b${i}`));
    const wide = (statements: PolicyStatement[]) => ({ ...side(statements), resources: buckets });
    const findings = await blindSpots(wide([]), wide([allow(['s3:GetObject', 's3:PutObject'])]));
    expect(findings).toHaveLength(1);
    const message = findings[0]?.message ?? '';
    expect(message).toContain('s3:GetObject, s3:PutObject');
    expect(message).toContain('8 AWS::S3::Object resources');
    expect(message).toContain(`and ${8 - MAX_LISTED_BLIND_SPOT_TARGETS} more`);
    expect(message).toContain('aws_s3_bucket.b0');
    expect(message).not.toContain('aws_s3_bucket.b7');
    // Too many to name in a selector: one on the whole type records them all.
    expect(message).toContain('resources.type Equals AWS::S3::Object)');
  });

  it('gives each data-event type of one role its own finding', async () => {
    const findings = await blindSpots(side([]), side([allow(['s3:GetObject', 'bedrock:InvokeInlineAgent'])]));
    expect(findings.map((finding) => /AWS::[\w:]+/.exec(finding.title)?.[0]).sort()).toEqual([
      'AWS::Bedrock::InlineAgent',
      'AWS::S3::Object',
    ]);
  });

  it('fires only for the direction the trail misses: writes, when only reads are recorded', async () => {
    const readsOnly = trail('aws_cloudtrail.reads', {
      advancedSelectors: [
        dataSelector(
          'AWS::S3::Object',
          field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] }),
          field('readOnly', { Equals: ['true'] }),
        ),
      ],
    });
    const statement = allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::docs/*']);
    const findings = await blindSpots(side([], [readsOnly]), side([statement], [readsOnly]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('s3:PutObject');
    expect(findings[0]?.message).not.toContain('s3:GetObject');
  });

  it('covers runtime-only types such as inline agents when the role may call them', async () => {
    const findings = await blindSpots(side([]), side([allow(['bedrock:InvokeInlineAgent'])]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('AWS::Bedrock::InlineAgent');
    const recorded = trail('aws_cloudtrail.inline', {
      advancedSelectors: [dataSelector('AWS::Bedrock::InlineAgent')],
    });
    expect(
      await blindSpots(side([], [recorded]), side([allow(['bedrock:InvokeInlineAgent'])], [recorded])),
    ).toEqual([]);
  });

  it('matches an AI resource by ARN pattern', async () => {
    const alias = aiResource(
      'aws_bedrockagent_agent_alias.live',
      'AWS::Bedrock::AgentAlias',
      'arn:aws:bedrock:us-east-1:111111111111:agent-alias/AGENT/ALIAS',
    );
    const withAlias = (statements: PolicyStatement[]) => ({ ...side(statements), resources: [alias] });
    const findings = await blindSpots(
      withAlias([]),
      withAlias([
        allow(['bedrock:InvokeAgent'], ['arn:aws:bedrock:us-east-1:111111111111:agent-alias/AGENT/*']),
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('bedrock:InvokeAgent');
    expect(findings[0]?.message).toContain('AWS::Bedrock::AgentAlias');
    const elsewhere = await blindSpots(
      withAlias([]),
      withAlias([
        allow(['bedrock:InvokeAgent'], ['arn:aws:bedrock:us-east-1:111111111111:agent-alias/OTHER/*']),
      ]),
    );
    expect(elsewhere).toEqual([]);
  });
});

describe('findBlindSpots with references', () => {
  it('reads a resource written as a reference to the bucket as that bucket', async () => {
    const statement = allow(['s3:GetObject'], [sym(ref('aws_s3_bucket.docs'), '/*')]);
    const findings = await blindSpots(side([]), side([statement]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('aws_s3_bucket.docs');
  });

  it('reads a reference to the bucket id (its name) inside an ARN', async () => {
    const statement = allow(['s3:GetObject'], [sym('arn:aws:s3:::', ref('aws_s3_bucket.logs', 'id'), '/*')]);
    const findings = await blindSpots(side([]), side([statement]));
    expect(findings.map((finding) => /aws_s3_bucket\.\w+/.exec(finding.message)?.[0])).toEqual([
      'aws_s3_bucket.logs',
    ]);
  });
});
