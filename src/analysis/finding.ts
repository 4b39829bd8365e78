import type { SourceLocation } from '../model/location.js';

/** Every rule id the tool can report, as DESIGN.md section 5 names them. */
export const RULE_IDS = [
  'coverage-lost',
  'unlogged-ai-resource',
  'partially-logged-ai-resource',
  'sink-disabled',
  'management-events-excluded',
  'admin-access',
  'privilege-escalation',
  'audit-tampering',
  'wildcard-action',
  'secret-access',
  'wildcard-resource',
  'trust-widened',
  'confused-deputy',
  'boundary-removed',
  'static-credentials',
  'blind-spot',
  'coverage-gained',
  'permissions-reduced',
  'input-error',
] as const;
/** One of the rule ids above. */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * A rule that fired, before severities, config overrides and ignores are applied (findings.ts does that).
 * Analyses produce these; they never decide severity themselves.
 */
export interface Finding {
  readonly ruleId: RuleId;
  /** One line, for headings and check annotations: "Agent alias `x` is no longer logged". */
  readonly title: string;
  /** What changed, why it matters and how to fix it. Plain text; renderers escape it. */
  readonly message: string;
  /** The id of the resource or role it is about (or the input path, for input-error). */
  readonly resource: string;
  readonly location?: SourceLocation;
  /** A standing gap the change did not make worse; reported only with `reportExisting`. */
  readonly existing?: boolean;
}
