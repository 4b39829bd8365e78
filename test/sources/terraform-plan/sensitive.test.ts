import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMarks } from '../../../src/sources/terraform-plan/marks.js';
import { change, loadPlan, plan } from '../../support/terraform-plan-builder.js';

const SECRET = 'SECRET-c2VjcmV0LXZhbHVl';

describe('sensitive values', () => {
  it('never reach the loaded input, at any depth, on either side', async () => {
    const policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${SECRET}/*` }],
    });
    const before = {
      name: 'agent',
      tags: { owner: SECRET },
      inline_policy: [{ name: 'p', policy }],
      assume_role_policy: policy,
    };
    const input = await loadPlan(
      plan(
        [
          change('aws_iam_role.agent', {
            actions: ['update'],
            before,
            after: { ...before, tags: { owner: SECRET, team: 'ai' } },
            beforeSensitive: {
              tags: { owner: true },
              inline_policy: [{ policy: true }],
              assume_role_policy: true,
            },
            afterSensitive: {
              tags: { owner: true },
              inline_policy: [{ policy: true }],
              assume_role_policy: true,
            },
          }),
          change('aws_cloudtrail.t', {
            after: {
              name: 't',
              advanced_event_selector: [
                { field_selector: [{ field: 'resources.ARN', equals: [SECRET, 'other'] }] },
              ],
            },
            afterSensitive: { advanced_event_selector: [{ field_selector: [{ equals: [true, false] }] }] },
          }),
          change('aws_s3_bucket.b', { after: { bucket: SECRET }, afterSensitive: { bucket: true } }),
        ],
        {
          priorState: {
            values: {
              root_module: {
                resources: [
                  {
                    address: 'data.aws_iam_policy_document.d',
                    mode: 'data',
                    type: 'aws_iam_policy_document',
                    values: { json: SECRET },
                    sensitive_values: { json: true },
                  },
                ],
              },
            },
          },
        },
      ),
    );
    const text = JSON.stringify(input);
    expect(text).not.toContain(SECRET);
    expect(input.after.roles[0]?.trustPolicy).toEqual({ unknown: true, reason: 'sensitive' });
    const selector = input.after.sinks[0]?.advancedSelectors;
    expect(selector).toEqual([
      {
        fieldSelectors: [
          {
            field: 'resources.ARN',
            operators: { Equals: [{ unknown: true, reason: 'sensitive' }, 'other'] },
          },
        ],
      },
    ]);
  });

  it('drop every marked leaf of any value (property)', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        // Mark every leaf sensitive: nothing of the original leaves may remain.
        const markAll = (node: unknown): unknown =>
          Array.isArray(node)
            ? node.map(markAll)
            : typeof node === 'object' && node !== null
              ? Object.fromEntries(Object.entries(node).map(([key, child]) => [key, markAll(child)]))
              : true;
        const masked = applyMarks(value, undefined, markAll(value));
        const leaves: unknown[] = [];
        const collect = (node: unknown): void => {
          if (Array.isArray(node)) node.forEach(collect);
          else if (typeof node === 'object' && node !== null && !('unknown' in node))
            Object.values(node).forEach(collect);
          else leaves.push(node);
        };
        collect(masked);
        for (const item of leaves) expect(item).toEqual({ unknown: true, reason: 'sensitive' });
      }),
    );
  });

  it('leave unmarked values untouched and shared', () => {
    const value = { a: { b: [1, 2] }, c: 'x' };
    const masked = applyMarks(value, { c: true }, {}) as typeof value;
    expect(masked.a).toBe(value.a);
    expect(masked.c).toEqual({ unknown: true, reason: 'known after apply' });
    expect(value.c).toBe('x');
  });
});
