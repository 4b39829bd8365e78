import type { Maybe } from '../../model/unknown.js';
import type { StringValue } from '../../model/value.js';

const ACCOUNT = /^\d{12}$/;

/** The account id in an ARN (`arn:aws:iam::123456789012:role/x`), when it has one. */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && ACCOUNT.test(account) ? account : undefined;
}

/** The partition of a region: the China and GovCloud regions have their own. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** A resource's account: from its own ARN when known, else the plan's. */
export function accountOf(arn: StringValue | undefined, fallback: Maybe<string>): Maybe<string> {
  return typeof arn === 'string' ? (accountOfArn(arn) ?? fallback) : fallback;
}
