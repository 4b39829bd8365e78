import type { Finding } from '../finding.js';
import type { RoleSubject } from './grant-findings.js';
import { describeTrustEntry, hasConfusedDeputyGuard, isAiService, type TrustEntry } from './trust.js';

const ACCOUNT_IN_PRINCIPAL = /^(?:AWS:)?(?:arn:[^:]+:(?:iam|sts)::)?(\d{12})(?::|$)/;

/** The 12-digit account of an IAM role ARN, when it is written out. */
export function accountOfRoleArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : /^arn:[^:]+:iam::(\d{12}):role\//.exec(arn)?.[1];
}

function widening(entry: TrustEntry, ownAccount: string | undefined, wasAiRole: boolean): string | undefined {
  switch (entry.kind) {
    case '*':
      return 'anyone (`*`)';
    case 'NotPrincipal':
      return `every principal but a few (${entry.principal})`;
    case 'Federated':
      return `a federated identity provider (${entry.principal})`;
    case 'CanonicalUser':
      return `another account's canonical user (${entry.principal})`;
    case 'AWS': {
      const account = ACCOUNT_IN_PRINCIPAL.exec(entry.principal.slice('AWS:'.length))?.[1];
      // A symbolic account (the caller's own, usually) is not called foreign; a literal one is unless it is the role's.
      if (account === undefined || account === ownAccount) return undefined;
      return ownAccount === undefined
        ? `account ${account}, which may be another account (${entry.principal})`
        : `another account, ${account} (${entry.principal})`;
    }
    case 'Service':
      // A non-AI service trusted by a new AI role is its nature (a Lambda tool's role trusts Lambda); it widens only
      // a role that was already an AI role.
      return wasAiRole && !isAiService(entry.service)
        ? `a service that is not an AI service (${entry.principal})`
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Trust-policy rules for one AI role: `trust-widened` for each new principal that is anyone, another account, a
 * federated provider or (for a role that was already an AI role) a non-AI service; `confused-deputy` for an AI
 * service principal that is now trusted without an aws:SourceAccount or aws:SourceArn condition.
 */
export function findTrustRisks(
  role: RoleSubject & { readonly account?: string },
  before: readonly TrustEntry[],
  added: readonly TrustEntry[],
  wasAiRole: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const unguardedBefore = new Set(
    before.filter((entry) => !hasConfusedDeputyGuard(entry)).map((entry) => entry.principal),
  );
  for (const entry of added) {
    const location = entry.location ?? role.location;
    const where = location ? { location } : {};
    const who = widening(entry, role.account, wasAiRole);
    if (who !== undefined) {
      findings.push({
        ruleId: 'trust-widened',
        title: `Role ${role.name} can now be assumed by ${who}`,
        message:
          `The trust policy of role ${role.name} now lets ${who} assume it (${describeTrustEntry(entry)}, ` +
          `${entry.statement}). Whoever assumes it gets every permission of the AI workload.`,
        resource: role.id,
        ...where,
      });
    }
    if (entry.kind === 'Service' && isAiService(entry.service) && !hasConfusedDeputyGuard(entry)) {
      if (unguardedBefore.has(entry.principal)) continue;
      findings.push({
        ruleId: 'confused-deputy',
        title: `Role ${role.name} trusts ${entry.principal.slice('Service:'.length)} without a source condition`,
        message:
          `Role ${role.name} trusts ${entry.principal.slice('Service:'.length)} with no aws:SourceAccount or ` +
          `aws:SourceArn condition (${entry.statement}), so the service may assume it on behalf of resources in ` +
          `other accounts. Add a condition naming your account or the resources that use the role.`,
        resource: role.id,
        ...where,
      });
    }
  }
  return findings;
}
