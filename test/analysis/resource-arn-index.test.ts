import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResourceArnIndex } from '../../src/analysis/resource-arn-index.js';
import { overlapsPattern } from '../../src/analysis/permissions/wildcard.js';
import type { CloudResource } from '../../src/model/resource.js';
import { unknownValue } from '../../src/model/unknown.js';

function resource(id: string, arn: CloudResource['arn'], type = 'AWS::S3::Object'): CloudResource {
  return {
    id,
    iacType: 'aws_s3_bucket',
    kind: 'bucket',
    dataResourceType: type,
    arn,
    name: id,
    region: 'us-east-1',
    account: '111122223333',
  };
}

const arnText = fc
  .array(fc.constantFrom('a', 'B', ':', '/', '-'), { maxLength: 7 })
  .map((chars) => `arn:${chars.join('')}`);
const patternText = fc
  .array(fc.constantFrom('a', 'b', 'B', ':', '/', '-', '*', '?'), { maxLength: 9 })
  .map((chars) => `arn:${chars.join('')}`);

describe('the resource ARN index', () => {
  it('finds every resource whose ARN, or objects under it, a pattern overlaps, ignoring case', () => {
    fc.assert(
      fc.property(
        fc.array(arnText, { maxLength: 12 }),
        fc.oneof(patternText, fc.constant('*')),
        (arns, pattern) => {
          const resources = arns.map((arn, index) => resource(`r${index}`, arn));
          const found = new Set(new ResourceArnIndex(resources).candidatesFor('AWS::S3::Object', pattern));
          for (const item of resources) {
            const arn = item.arn as string;
            const reached = [pattern, pattern.toLowerCase()].some((folded) =>
              [arn, `${arn}/*`].some(
                (target) => overlapsPattern(folded, target) || overlapsPattern(folded, target.toLowerCase()),
              ),
            );
            if (reached) expect(found.has(item)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps snapshot order and leaves out ARNs that cannot match', () => {
    const resources = [
      resource('b', 'arn:aws:s3:::beta'),
      resource('a', 'arn:aws:s3:::alpha'),
      resource('a2', 'arn:aws:s3:::alpha-2'),
      resource('u', unknownValue('known after apply')),
      resource('f', 'arn:aws:lambda:us-east-1:1:function:alpha', 'AWS::Lambda::Function'),
    ];
    const index = new ResourceArnIndex(resources);
    const ids = (pattern: string) => index.candidatesFor('AWS::S3::Object', pattern).map((item) => item.id);
    expect(ids('arn:aws:s3:::alpha*')).toEqual(['a', 'a2']);
    expect(ids('arn:aws:s3:::alpha/*')).toEqual(['a']);
    expect(ids('arn:aws:s3:::ALPHA-2')).toEqual(['a2']);
    expect(ids('*')).toEqual(['b', 'a', 'a2', 'u']);
    expect(ids('arn:aws:s3:::gamma')).toEqual([]);
    expect(index.resourcesOf('AWS::Lambda::Function').map((item) => item.id)).toEqual(['f']);
    expect(index.candidatesFor('AWS::DynamoDB::Table', '*')).toEqual([]);
  });
});
