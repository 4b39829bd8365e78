import type { SinkTypeRow } from './resource-type.js';

/** Trails and event data stores in each IaC flavour. */
export const SINK_TYPES: readonly SinkTypeRow[] = [
  // Source: reference §3a (aws_cloudtrail: name, computed arn).
  {
    iacType: 'aws_cloudtrail',
    flavour: 'terraform-aws',
    kind: 'trail',
    arnAttribute: 'arn',
    nameAttribute: 'name',
  },
  // Source: reference §3b (aws_cloudtrail_event_data_store: name, computed arn).
  {
    iacType: 'aws_cloudtrail_event_data_store',
    flavour: 'terraform-aws',
    kind: 'event-data-store',
    arnAttribute: 'arn',
    nameAttribute: 'name',
  },
  // Source: reference §4a (TrailName, GetAtt Arn) in snake_case; corpus awscc trail examples.
  {
    iacType: 'awscc_cloudtrail_trail',
    flavour: 'terraform-awscc',
    kind: 'trail',
    arnAttribute: 'arn',
    nameAttribute: 'trail_name',
  },
  // Source: verified §7 (EventDataStoreArn) in snake_case; corpus awscc event data store examples.
  {
    iacType: 'awscc_cloudtrail_event_data_store',
    flavour: 'terraform-awscc',
    kind: 'event-data-store',
    arnAttribute: 'event_data_store_arn',
    nameAttribute: 'name',
  },
  // Source: verified §7 (AWS::CloudTrail::Trail: Ref TrailName, GetAtt Arn).
  {
    iacType: 'AWS::CloudTrail::Trail',
    flavour: 'cloudformation',
    kind: 'trail',
    arnAttribute: 'Arn',
    nameAttribute: 'TrailName',
    ref: 'TrailName',
  },
  // Source: verified §7 (AWS::CloudTrail::EventDataStore: Ref and GetAtt EventDataStoreArn).
  {
    iacType: 'AWS::CloudTrail::EventDataStore',
    flavour: 'cloudformation',
    kind: 'event-data-store',
    arnAttribute: 'EventDataStoreArn',
    nameAttribute: 'Name',
    ref: 'EventDataStoreArn',
  },
];

const BY_TYPE = new Map(SINK_TYPES.map((row) => [row.iacType, row]));

/** The sink row for an IaC type (any flavour), or undefined when the type is not a trail or event data store. */
export function sinkTypeFor(iacType: string): SinkTypeRow | undefined {
  return BY_TYPE.get(iacType);
}
