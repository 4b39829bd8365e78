import { awsccRow } from './awscc-types.js';
import { dataEventType } from './data-event-types.js';
import type { ResourceTypeRow } from './resource-type.js';
import { AGENTCORE_RESOURCE_TYPES } from './resource-types/agentcore.js';
import { BEDROCK_RESOURCE_TYPES } from './resource-types/bedrock.js';
import { DATA_STORE_RESOURCE_TYPES } from './resource-types/data-stores.js';
import { QBUSINESS_RESOURCE_TYPES } from './resource-types/qbusiness.js';
import { SAGEMAKER_RESOURCE_TYPES } from './resource-types/sagemaker.js';

export type { IacFlavour, LinkPath, LinkTarget, ResourceTypeRow, SinkTypeRow } from './resource-type.js';
export { buildArn, listArnPlaceholders } from './arn-template.js';
export {
  DATA_EVENT_TYPES,
  DATA_RESOURCE_TYPE_ALIASES,
  dataEventType,
  dataResourceTypes,
} from './data-event-types.js';
export type { DataEventType } from './data-event-types.js';
export { SINK_TYPES, sinkTypeFor } from './sink-types.js';

const WRITTEN_RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  ...BEDROCK_RESOURCE_TYPES,
  ...AGENTCORE_RESOURCE_TYPES,
  ...SAGEMAKER_RESOURCE_TYPES,
  ...QBUSINESS_RESOURCE_TYPES,
  ...DATA_STORE_RESOURCE_TYPES,
];

/**
 * Every IaC resource type this tool turns into a CloudResource: the rows written by service in resource-types/,
 * and the awscc rows derived from the CloudFormation rows marked `awscc`.
 */
export const RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  ...WRITTEN_RESOURCE_TYPES,
  ...WRITTEN_RESOURCE_TYPES.filter((row) => row.awscc === true).map(awsccRow),
];

const TERRAFORM = new Map(
  RESOURCE_TYPES.filter((row) => row.flavour !== 'cloudformation').map((row) => [row.iacType, row]),
);
const CLOUDFORMATION = new Map(
  RESOURCE_TYPES.filter((row) => row.flavour === 'cloudformation').map((row) => [row.iacType, row]),
);

/** The row for a Terraform resource type of the aws or awscc provider, or undefined when it is not one we model. */
export function resourceTypeForTerraform(type: string): ResourceTypeRow | undefined {
  return TERRAFORM.get(type);
}

/** The row for a CloudFormation resource type, or undefined when it is not one we model. */
export function resourceTypeForCloudFormation(type: string): ResourceTypeRow | undefined {
  return CLOUDFORMATION.get(type);
}

/** The ARN template of a row's own ARN: its own override, else the template of its data-event type. */
export function arnTemplateFor(row: ResourceTypeRow): string | undefined {
  if (row.arnTemplate !== undefined) return row.arnTemplate;
  if (row.dataResourceType === null) return undefined;
  return dataEventType(row.dataResourceType)?.arnTemplate ?? undefined;
}

/** True when CloudFormation `Ref` of the type returns its ARN (Guardrail, Flow, Memory, SageMaker Endpoint, ...). */
export function refReturnsArn(row: ResourceTypeRow): boolean {
  return row.ref !== undefined && row.arnAttribute !== null && row.ref === row.arnAttribute;
}
