import type { RuleId } from '../analysis/finding.js';
import type { Severity } from '../model/report.js';

/** What a reader (and SARIF's rule catalogue) needs to know about one rule. */
export interface RuleDoc {
  /** The rule as a PascalCase name, SARIF's `name`. */
  readonly name: string;
  /** A few words, SARIF's `shortDescription`. */
  readonly summary: string;
  /** One sentence saying when the rule fires, SARIF's `fullDescription` and `help`. */
  readonly description: string;
  /** The severity before config overrides. */
  readonly defaultSeverity: Severity;
  /** Topic tags shown by code scanning. */
  readonly tags: readonly string[];
}

const COVERAGE = ['security', 'ai', 'cloudtrail', 'logging'] as const;
const PERMISSIONS = ['security', 'ai', 'iam'] as const;

/** One entry per rule of DESIGN.md section 5. */
export const RULE_DOCS: Readonly<Record<RuleId, RuleDoc>> = {
  'coverage-lost': {
    name: 'CoverageLost',
    summary: 'AI resource loses data-event logging',
    description:
      'Fires when an AI resource present before and after the change goes from fully or partly logged to not logged, or from fully to partly logged.',
    defaultSeverity: 'high',
    tags: COVERAGE,
  },
  'unlogged-ai-resource': {
    name: 'UnloggedAiResource',
    summary: 'New AI resource is not logged',
    description:
      'Fires when the change creates an AI resource (or makes a resource AI-relevant) whose data events no trail or event data store records.',
    defaultSeverity: 'high',
    tags: COVERAGE,
  },
  'partially-logged-ai-resource': {
    name: 'PartiallyLoggedAiResource',
    summary: 'New AI resource is only partly logged',
    description:
      'Fires when the change creates an AI resource whose data events are recorded only for reads, only for writes, or only for a narrowed set of events.',
    defaultSeverity: 'medium',
    tags: COVERAGE,
  },
  'sink-disabled': {
    name: 'SinkDisabled',
    summary: 'Trail or event data store that covered AI resources is disabled',
    description:
      'Fires when a trail or event data store that recorded an AI resource before the change is deleted, stops logging, or no longer covers any AI resource.',
    defaultSeverity: 'critical',
    tags: COVERAGE,
  },
  'management-events-excluded': {
    name: 'ManagementEventsExcluded',
    summary: 'Management events with model invocations are no longer recorded',
    description:
      'Fires when a sink stops recording management events, or excludes an AI event source from them, which hides Bedrock model inference calls.',
    defaultSeverity: 'high',
    tags: COVERAGE,
  },
  'admin-access': {
    name: 'AdminAccess',
    summary: 'AI role gains administrator access',
    description:
      'Fires when an AI role gains `*` on `*`, or the AdministratorAccess, PowerUserAccess or IAMFullAccess managed policy.',
    defaultSeverity: 'critical',
    tags: PERMISSIONS,
  },
  'privilege-escalation': {
    name: 'PrivilegeEscalation',
    summary: 'AI role gains a path to more privileges',
    description:
      'Fires when an AI role gains iam:PassRole without a resource or iam:PassedToService limit, IAM policy writes, or sts:AssumeRole on any role.',
    defaultSeverity: 'critical',
    tags: PERMISSIONS,
  },
  'audit-tampering': {
    name: 'AuditTampering',
    summary: 'AI role can weaken its own audit trail',
    description:
      'Fires when an AI role gains actions that stop, delete or reconfigure CloudTrail trails or event data stores, Bedrock invocation logging, or log groups.',
    defaultSeverity: 'critical',
    tags: PERMISSIONS,
  },
  'wildcard-action': {
    name: 'WildcardAction',
    summary: 'AI role gains a wildcard action',
    description:
      'Fires when an AI role gains an Allow whose action is `*`, a whole service (`service:*`) or a NotAction.',
    defaultSeverity: 'high',
    tags: PERMISSIONS,
  },
  'secret-access': {
    name: 'SecretAccess',
    summary: 'AI role gains access to secrets',
    description:
      'Fires when an AI role gains secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, or AgentCore credential or token retrieval.',
    defaultSeverity: 'high',
    tags: PERMISSIONS,
  },
  'wildcard-resource': {
    name: 'WildcardResource',
    summary: 'AI role gains write access on every resource',
    description: 'Fires when an AI role gains Write or Permissions management actions on Resource `*`.',
    defaultSeverity: 'medium',
    tags: PERMISSIONS,
  },
  'trust-widened': {
    name: 'TrustWidened',
    summary: 'AI role trusts a new kind of principal',
    description:
      "Fires when an AI role's trust policy gains a principal that is `*`, another account, a federated identity, or a service that is not an AI service.",
    defaultSeverity: 'high',
    tags: PERMISSIONS,
  },
  'confused-deputy': {
    name: 'ConfusedDeputy',
    summary: 'AI service trusted without a source condition',
    description:
      'Fires when an AI role trusts an AI service principal without an aws:SourceAccount or aws:SourceArn condition.',
    defaultSeverity: 'medium',
    tags: PERMISSIONS,
  },
  'boundary-removed': {
    name: 'BoundaryRemoved',
    summary: 'AI role loses its permissions boundary',
    description: 'Fires when the change removes the permissions boundary of an AI role.',
    defaultSeverity: 'high',
    tags: PERMISSIONS,
  },
  'static-credentials': {
    name: 'StaticCredentials',
    summary: 'Access key created for a user with AI permissions',
    description:
      'Fires when the change creates a long-lived access key for an IAM user that has AI permissions.',
    defaultSeverity: 'high',
    tags: PERMISSIONS,
  },
  'blind-spot': {
    name: 'BlindSpot',
    summary: 'AI role can act where no trail records it',
    description:
      'Fires when, after the change, an AI role may perform data-event actions on resources whose data events no sink records, and the change made that true.',
    defaultSeverity: 'high',
    tags: ['security', 'ai', 'iam', 'cloudtrail'],
  },
  'coverage-gained': {
    name: 'CoverageGained',
    summary: 'AI resource gains data-event logging',
    description:
      'Fires when the change makes data events of an AI resource recorded, or recorded more completely.',
    defaultSeverity: 'info',
    tags: COVERAGE,
  },
  'permissions-reduced': {
    name: 'PermissionsReduced',
    summary: 'AI role loses permissions',
    description: 'Fires when the change removes grants from an AI role or narrows its trust policy.',
    defaultSeverity: 'info',
    tags: PERMISSIONS,
  },
  'input-error': {
    name: 'InputError',
    summary: 'Input could not be read',
    description:
      'Fires when an input file or directory cannot be read at all; the message names the file and line.',
    defaultSeverity: 'high',
    tags: ['ai-access-diff', 'input'],
  },
};

/** The doc of a rule id, or a generic one for an id this version does not know (a newer analysis, a typo). */
export function describeRule(ruleId: string): RuleDoc {
  const known = (RULE_DOCS as Readonly<Record<string, RuleDoc | undefined>>)[ruleId];
  if (known !== undefined) return known;
  return {
    name: ruleId.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_match, _sep: string, char: string) =>
      char.toUpperCase(),
    ),
    summary: ruleId,
    description: `Fires under the rule ${ruleId}.`,
    defaultSeverity: 'medium',
    tags: ['security'],
  };
}
