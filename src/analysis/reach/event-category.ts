import type { DataEventActionIndex } from '../permissions/data-event-actions.js';

/**
 * Services whose API calls CloudTrail records as management events and that have no data-event type of their own
 * this tool knows. Secrets Manager writes a CloudTrail entry for every operation, GetSecretValue included (Secrets
 * Manager User Guide, "AWS CloudTrail entries for Secrets Manager"); SSM parameter reads, KMS cryptographic
 * operations, IAM, STS and CloudTrail's own API are management events in the CloudTrail User Guide's sense.
 * Services that are not listed, and have no data-event action, are reported as unknown rather than guessed.
 */
export const MANAGEMENT_EVENT_SERVICES: ReadonlySet<string> = new Set([
  'secretsmanager',
  'ssm',
  'kms',
  'iam',
  'sts',
  'cloudtrail',
  'bedrock',
  'bedrock-agentcore',
  'sagemaker',
  'qbusiness',
  's3',
  'lambda',
  'dynamodb',
]);

/** How CloudTrail records one action: a data event, a management event, or unknown to this tool. */
export type EventCategory = 'data' | 'management' | 'unknown';

/**
 * Classifies a concrete action. An action the data-event table lists is a data event; any other action of a
 * service whose calls are management events (bucket settings, `bedrock:InvokeModel`, `secretsmanager:*`) is one.
 */
export function categorizeAction(name: string, dataActions: DataEventActionIndex): EventCategory {
  if (dataActions.has(name.toLowerCase())) return 'data';
  const service = name.slice(0, name.indexOf(':')).toLowerCase();
  return MANAGEMENT_EVENT_SERVICES.has(service) ? 'management' : 'unknown';
}
