/**
 * The service prefixes (the part of `name.amazonaws.com` before the first dot) of AWS services that run AI
 * workloads and assume roles on their behalf. A trust policy that names one of them makes a role an AI role.
 */
export const AI_SERVICE_PREFIXES: readonly string[] = [
  // Source: ai-data-events.md §6 (trust principals of agent, KB, flow, AgentCore, SageMaker, Q Business roles).
  'bedrock',
  'bedrock-agentcore',
  'sagemaker',
  'qbusiness',
  'kendra',
  // Source: ai-data-events.md §6 (data-access roles of the managed AI services).
  'comprehend',
  'comprehendmedical',
  'textract',
  'transcribe',
  'rekognition',
  'personalize',
  'translate',
  // Source: ai-data-events.md §7 (IAM prefixes of Amazon Q and Q Apps, Q Developer, Kendra ranking).
  'q',
  'qapps',
  'codewhisperer',
  'kendra-ranking',
  // Source: ai-data-events.md §1a (the OpenAI-compatible Bedrock endpoint logs under its own service name).
  'bedrock-mantle',
];

/**
 * DNS suffixes a service principal may be written with (`sagemaker.amazonaws.com`, the China partition's
 * `amazonaws.com.cn`, and the isolated partitions). Source: the partition metadata AWS publishes with its SDKs.
 */
export const SERVICE_PRINCIPAL_SUFFIXES: readonly string[] = [
  'amazonaws.com',
  'amazonaws.com.cn',
  'c2s.ic.gov',
  'sc2s.sgov.gov',
];

/**
 * Trust-policy condition keys that tie a service principal to the caller's own account or resource, and so prevent
 * the confused-deputy problem (lower case: IAM condition keys are case-insensitive). Source: ai-data-events.md §6 ([PERSONALIZE-CD], [BR-AGENT-ROLE]).
 */
export const CONFUSED_DEPUTY_CONDITION_KEYS: readonly string[] = ['aws:sourceaccount', 'aws:sourcearn'];
