/**
 * The ARN service segment of the resources a data-event type records, where it is certain. Used only to rule out
 * (or confirm) an ARN prefix against an ARN that is not known yet: the service part of an ARN never changes.
 */
const SERVICE_BY_NAMESPACE: Readonly<Record<string, string>> = {
  S3: 's3',
  Lambda: 'lambda',
  DynamoDB: 'dynamodb',
  Bedrock: 'bedrock',
  BedrockAgentCore: 'bedrock-agentcore',
  SageMaker: 'sagemaker',
  QBusiness: 'qbusiness',
};

/** The ARN service (`s3`, `bedrock-agentcore`) of a `resources.type` such as `AWS::Bedrock::AgentAlias`. */
export function arnServiceOf(dataResourceType: string): string | undefined {
  const namespace = dataResourceType.split('::')[1];
  return namespace === undefined ? undefined : SERVICE_BY_NAMESPACE[namespace];
}

/** How a literal ARN prefix relates to the fixed start `arn:<partition>:<service>:` of an ARN not yet known. */
export type SkeletonRelation = 'within' | 'beyond' | 'conflict';

/**
 * Compares a literal with the fixed start of any ARN of a service. The partition is taken from the literal
 * itself: a sink and the resources it records live in one partition, so a selector written for `aws` speaks of
 * the same partition as the resource. S3 ARNs have neither region nor account (`arn:aws:s3:::bucket`).
 */
export function relateToSkeleton(literal: string, service: string): SkeletonRelation {
  if (!literal.startsWith('arn:')) return 'arn:'.startsWith(literal) ? 'within' : 'conflict';
  const rest = literal.slice('arn:'.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return /^[a-z0-9-]*$/.test(rest) ? 'within' : 'conflict';
  const partition = rest.slice(0, colon);
  const skeleton = `arn:${partition}:${service}:${service === 's3' ? '::' : ''}`;
  if (skeleton.startsWith(literal)) return 'within';
  if (literal.startsWith(skeleton)) return 'beyond';
  return 'conflict';
}
