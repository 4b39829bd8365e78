import {
  AI_SERVICE_PREFIXES,
  CONFUSED_DEPUTY_CONDITION_KEYS,
  SERVICE_PRINCIPAL_SUFFIXES,
} from '../../knowledge/service-principals.js';
import type { PolicyDocument, PolicyPrincipal, PolicyStatement } from '../../model/iam.js';
import type { SourceLocation } from '../../model/location.js';
import { isUnknown, type Unknown } from '../../model/unknown.js';
import { describeValue, type StringValue } from '../../model/value.js';
import { describeCondition, labelStatement } from './normalize.js';

/** One principal a trust policy lets assume the role, with the condition it must meet. */
export interface TrustEntry {
  /** `Service:bedrock.amazonaws.com`, `AWS:arn:aws:iam::111122223333:root`, `Federated:...`, or `*`. */
  readonly principal: string;
  readonly kind: 'Service' | 'AWS' | 'Federated' | 'CanonicalUser' | 'NotPrincipal' | '*' | 'unknown';
  /** For a service principal, its service prefix (`sagemaker`); otherwise undefined. */
  readonly service?: string;
  readonly condition?: string;
  /** Condition keys, lower case. */
  readonly conditionKeys: readonly string[];
  readonly statement: string;
  readonly location?: SourceLocation;
}

const SERVICE_PREFIX = /^([a-z0-9-]+)\.(.*)$/i;

/**
 * Canonicalises a service principal: `sagemaker.amazonaws.com`, `sagemaker.${data.aws_partition.current.dns_suffix}`,
 * `sagemaker.${AWS::URLSuffix}` and a sagemaker prefix with an unknown suffix all name the same service. Only the
 * prefix before the first dot decides; the suffix is the partition's DNS suffix.
 */
export function canonicalServicePrincipal(value: StringValue): { service?: string; text: string } {
  const text = describeValue(value);
  if (isUnknown(value)) return { text };
  const literalHead =
    typeof value === 'string' ? value : typeof value.parts[0] === 'string' ? value.parts[0] : '';
  const match = SERVICE_PREFIX.exec(literalHead);
  if (!match?.[1]) return { text };
  const service = match[1].toLowerCase();
  const suffix = typeof value === 'string' ? (match[2] ?? '') : undefined;
  const known = suffix === undefined || suffix.includes('${') || SERVICE_PRINCIPAL_SUFFIXES.includes(suffix);
  return known ? { service, text: `${service}.amazonaws.com` } : { text };
}

/** True when a service prefix belongs to an AI service. */
export function isAiService(service: string | undefined): boolean {
  return service !== undefined && AI_SERVICE_PREFIXES.includes(service);
}

function entriesOfPrincipal(
  principal: PolicyPrincipal,
  base: Omit<TrustEntry, 'principal' | 'kind' | 'service'>,
  negated: boolean,
): TrustEntry[] {
  if (principal === '*')
    return [{ ...base, principal: negated ? 'NotPrincipal:*' : '*', kind: negated ? 'NotPrincipal' : '*' }];
  const entries: TrustEntry[] = [];
  for (const kind of ['Service', 'AWS', 'Federated', 'CanonicalUser'] as const) {
    for (const value of principal[kind] ?? []) {
      if (negated) {
        entries.push({
          ...base,
          principal: `NotPrincipal:${kind}:${describeValue(value)}`,
          kind: 'NotPrincipal',
        });
      } else if (kind === 'Service') {
        const canonical = canonicalServicePrincipal(value);
        entries.push({
          ...base,
          principal: `Service:${canonical.text}`,
          kind,
          ...(canonical.service ? { service: canonical.service } : {}),
        });
      } else if (kind === 'AWS' && value === '*') {
        entries.push({ ...base, principal: '*', kind: '*' });
      } else {
        entries.push({ ...base, principal: `${kind}:${describeValue(value)}`, kind });
      }
    }
  }
  return entries;
}

function entriesOfStatement(statement: PolicyStatement, index: number): TrustEntry[] {
  if (statement.effect !== 'Allow') return [];
  const condition = describeCondition(statement.condition);
  const base = {
    ...(condition ? { condition: condition.text } : {}),
    conditionKeys: condition?.keys ?? [],
    statement: labelStatement(statement, index),
    ...(statement.location ? { location: statement.location } : {}),
  };
  if (statement.principal !== undefined) return entriesOfPrincipal(statement.principal, base, false);
  if (statement.notPrincipal !== undefined) return entriesOfPrincipal(statement.notPrincipal, base, true);
  return [];
}

/** The principals a trust policy admits (Allow statements only); an unknown policy gives one unknown entry. */
export function listTrustEntries(trust: PolicyDocument | Unknown | null): TrustEntry[] {
  if (trust === null) return [];
  if (isUnknown(trust)) {
    return [
      {
        principal: `(unknown trust policy: ${trust.reason})`,
        kind: 'unknown',
        conditionKeys: [],
        statement: 'trust policy',
      },
    ];
  }
  return trust.statements.flatMap(entriesOfStatement);
}

/** How an entry reads in the report: the principal, and its condition when it has one. */
export function describeTrustEntry(entry: TrustEntry): string {
  return entry.condition === undefined ? entry.principal : `${entry.principal} when ${entry.condition}`;
}

/** True when the entry ties a service principal to the caller's own account or resource. */
export function hasConfusedDeputyGuard(entry: TrustEntry): boolean {
  return entry.conditionKeys.some((key) => CONFUSED_DEPUTY_CONDITION_KEYS.includes(key));
}

/** The entries added and removed between two trust policies, comparing principals with their conditions. */
export function diffTrust(
  before: readonly TrustEntry[],
  after: readonly TrustEntry[],
): { added: TrustEntry[]; removed: TrustEntry[] } {
  const keysBefore = new Set(before.map(describeTrustEntry));
  const keysAfter = new Set(after.map(describeTrustEntry));
  const unique = (entries: readonly TrustEntry[]) => {
    const seen = new Set<string>();
    return entries.filter((entry) => {
      const key = describeTrustEntry(entry);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  return {
    added: unique(after.filter((entry) => !keysBefore.has(describeTrustEntry(entry)))),
    removed: unique(before.filter((entry) => !keysAfter.has(describeTrustEntry(entry)))),
  };
}
