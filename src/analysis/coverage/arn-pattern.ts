import type { Parts } from './string-parts.js';

/**
 * The ARNs a set of events carries: one exact ARN, or every ARN that starts with `parts` (the objects of a bucket,
 * or a policy resource with a trailing wildcard).
 */
export interface ArnPattern {
  readonly parts: Parts;
  readonly open: boolean;
}

const S3_OBJECT = 'AWS::S3::Object';

function cutAtWildcard(parts: Parts): ArnPattern | undefined {
  const index = parts.findIndex((part) => typeof part === 'string' && /[*?]/.test(part));
  if (index < 0) return undefined;
  const literal = parts[index] as string;
  const kept = literal.slice(0, literal.search(/[*?]/));
  return { parts: [...parts.slice(0, index), ...(kept === '' ? [] : [kept])], open: true };
}

/**
 * The ARNs the events of one resource carry. S3 object events carry `<bucket ARN>/<key>`, so a bucket ARN (no
 * `/` after it) stands for every object in the bucket. A wildcard (from a policy resource) stands for every ARN
 * that starts with what comes before it; a wildcard inside the ARN is taken as a prefix too, which may include
 * more than the policy does.
 */
export function arnPatternOf(dataResourceType: string, parts: Parts): ArnPattern {
  const wildcard = cutAtWildcard(parts);
  if (wildcard !== undefined) return wildcard;
  const isBucketArn =
    dataResourceType === S3_OBJECT &&
    parts.length > 0 &&
    parts.every((part) => typeof part !== 'string' || !part.includes('/'));
  if (isBucketArn) {
    const last = parts[parts.length - 1];
    return {
      parts: typeof last === 'string' ? [...parts.slice(0, -1), `${last}/`] : [...parts, '/'],
      open: true,
    };
  }
  return { parts, open: false };
}
