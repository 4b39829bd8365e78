import { describe, expect, it } from 'vitest';
import {
  describeCondition,
  normalizeDocument,
  normalizeStatement,
} from '../../../src/analysis/permissions/normalize.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { ref, sym } from '../../support/builders.js';
import { allow } from '../../support/iam-builders.js';

const ORIGIN = { policyId: 'aws_iam_policy.p', policyName: 'p' };

describe('normalizeStatement', () => {
  it('expands wildcard actions into one grant per action, keeping the pattern as written', async () => {
    const grants = await normalizeStatement(allow(['s3:GetObject*'], ['arn:aws:s3:::docs/*']), 0, ORIGIN);
    expect(grants.length).toBeGreaterThan(1);
    expect(
      grants.every((grant) => grant.pattern === 's3:GetObject*' && grant.patternSize === grants.length),
    ).toBe(true);
    expect(grants.map((grant) => grant.action.kind === 'action' && grant.action.action.name)).toContain(
      's3:GetObject',
    );
  });

  it('gives every statement that writes a pattern the same grants for it, however it is spaced', async () => {
    const first = await normalizeStatement(allow(['s3:GetObject*'], ['arn:aws:s3:::docs/*']), 0, ORIGIN);
    const second = await normalizeStatement(allow([' s3:GetObject* '], ['arn:aws:s3:::docs/*']), 0, ORIGIN);
    const other = await normalizeStatement(allow(['s3:Put*'], ['arn:aws:s3:::docs/*']), 0, ORIGIN);
    expect(second).toEqual(first);
    // One set of action parts per pattern, shared by the statements that write it.
    expect(second.map((grant) => grant.action)).toEqual(first.map((grant) => grant.action));
    expect(second[0]?.action).toBe(first[0]?.action);
    expect(other.every((grant) => grant.pattern === 's3:Put*')).toBe(true);
    expect(other.map((grant) => grant.action)).not.toContain(first[0]?.action);
  });

  it('crosses actions with resources', async () => {
    const grants = await normalizeStatement(
      allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*']),
      0,
      ORIGIN,
    );
    expect(grants).toHaveLength(4);
  });

  it('keeps `*` and NotAction compact instead of materialising every action', async () => {
    const [star] = await normalizeStatement(allow(['*']), 0, ORIGIN);
    expect(star?.action).toEqual({ kind: 'all-except', except: [] });
    const [notAction] = await normalizeStatement(
      { effect: 'Allow', notAction: ['iam:*'], resource: ['*'] },
      0,
      ORIGIN,
    );
    expect(notAction?.action).toEqual({ kind: 'all-except', except: ['iam:*'] });
    expect(notAction?.pattern).toBe('NotAction: iam:*');
  });

  it('reads NotResource as everything but the listed resources', async () => {
    const [grant] = await normalizeStatement(
      { effect: 'Allow', action: ['s3:GetObject'], notResource: ['arn:aws:s3:::secret/*'] },
      0,
      ORIGIN,
    );
    expect(grant?.resource).toEqual({ kind: 'not', patterns: ['arn:aws:s3:::secret/*'] });
  });

  it('keeps symbolic resources symbolic and unknown ones opaque', async () => {
    const symbolic = sym(ref('aws_s3_bucket.docs'), '/*');
    const grants = await normalizeStatement(
      allow(['s3:GetObject'], [symbolic, unknownValue('known after apply')]),
      0,
      ORIGIN,
    );
    expect(grants.map((grant) => grant.resource)).toEqual([
      { kind: 'pattern', pattern: '${aws_s3_bucket.docs.arn}/*' },
      { kind: 'opaque', text: '(unknown: known after apply)' },
    ]);
  });

  it('keeps an unknown action as an opaque grant with its reason, never dropping it', async () => {
    const [grant] = await normalizeStatement(allow([unknownValue('variable without default')]), 0, ORIGIN);
    expect(grant?.action).toMatchObject({ kind: 'opaque', reason: 'variable without default' });
  });

  it('keeps an action of a service IAM data does not know as opaque', async () => {
    const [grant] = await normalizeStatement(allow(['madeup:DoThing']), 0, ORIGIN);
    expect(grant?.action.kind).toBe('opaque');
  });

  it('labels statements by Sid, or by position', async () => {
    const grants = await normalizeDocument(
      { statements: [allow(['s3:GetObject'], ['*'], { sid: 'Read' }), allow(['s3:PutObject'])] },
      ORIGIN,
    );
    expect(grants.map((grant) => grant.source.statement)).toEqual(['Read', 'statement 2']);
  });
});

describe('describeCondition', () => {
  it('renders equal conditions equally whatever their order', () => {
    const left = describeCondition({
      StringEquals: { 'aws:SourceAccount': ['1', '2'] },
      ArnLike: { 'aws:SourceArn': ['arn:x'] },
    });
    const right = describeCondition({
      ArnLike: { 'aws:SourceArn': ['arn:x'] },
      StringEquals: { 'aws:SourceAccount': ['2', '1'] },
    });
    expect(left?.text).toBe(right?.text);
    expect([...(left?.keys ?? [])].sort()).toEqual(['aws:sourcearn', 'aws:sourceaccount'].sort());
  });
});
