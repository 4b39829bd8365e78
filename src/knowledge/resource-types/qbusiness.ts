import type { ResourceTypeRow } from '../resource-type.js';

/**
 * Amazon Q Business applications, indexes, data sources and web experiences. The aws provider has only the
 * application; the rest come from awscc and CloudFormation.
 */
export const QBUSINESS_RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  // Source: verified §8 (aws_qbusiness_application, docs@07e0d0b9: arn, application_id, iam_service_role_arn).
  {
    iacType: 'aws_qbusiness_application',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::QBusiness::Application',
    arnAttribute: 'arn',
    nameAttribute: 'display_name',
    idAttribute: 'id',
    arnParts: { ApplicationId: 'id' },
    links: [{ path: 'iam_service_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref ApplicationId, GetAtt ApplicationArn, RoleArn).
  // awscc_qbusiness_application: verified §7 (AWS::QBusiness::Application: ApplicationArn, ApplicationId, RoleArn) and the corpus example.
  {
    iacType: 'AWS::QBusiness::Application',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::QBusiness::Application',
    arnAttribute: 'ApplicationArn',
    nameAttribute: 'DisplayName',
    idAttribute: 'ApplicationId',
    ref: 'ApplicationId',
    arnParts: { ApplicationId: 'ApplicationId' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref ApplicationId|IndexId, GetAtt IndexArn).
  // awscc_qbusiness_index: verified §7 (AWS::QBusiness::Index: IndexArn, ApplicationId|IndexId), snake_case for awscc.
  {
    iacType: 'AWS::QBusiness::Index',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::QBusiness::Index',
    arnAttribute: 'IndexArn',
    nameAttribute: 'DisplayName',
    idAttribute: 'IndexId',
    ref: 'ApplicationId|IndexId',
    arnParts: { ApplicationId: 'ApplicationId', IndexId: 'IndexId' },
    links: [{ path: 'ApplicationId', relation: 'part-of', holds: 'id' }],
  },
  // Source: verified §7 (Ref ApplicationId|DataSourceId|IndexId, GetAtt DataSourceArn, RoleArn).
  // awscc_qbusiness_data_source: verified §7 (AWS::QBusiness::DataSource: DataSourceArn, RoleArn) and the corpus awscc data source example.
  {
    iacType: 'AWS::QBusiness::DataSource',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::QBusiness::DataSource',
    arnAttribute: 'DataSourceArn',
    nameAttribute: 'DisplayName',
    idAttribute: 'DataSourceId',
    ref: 'ApplicationId|DataSourceId|IndexId',
    arnParts: { ApplicationId: 'ApplicationId', IndexId: 'IndexId', DataSourceId: 'DataSourceId' },
    links: [
      { path: 'RoleArn', relation: 'execution-role', holds: 'arn' },
      { path: 'IndexId', relation: 'part-of', holds: 'id' },
    ],
  },
  // Source: verified §7 (Ref ApplicationId|WebExperienceId, GetAtt WebExperienceArn, RoleArn).
  // awscc_qbusiness_web_experience: verified §7 (AWS::QBusiness::WebExperience: WebExperienceArn, RoleArn), snake_case for awscc.
  {
    iacType: 'AWS::QBusiness::WebExperience',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::QBusiness::WebExperience',
    arnAttribute: 'WebExperienceArn',
    nameAttribute: 'Title',
    idAttribute: 'WebExperienceId',
    ref: 'ApplicationId|WebExperienceId',
    arnParts: { ApplicationId: 'ApplicationId', WebExperienceId: 'WebExperienceId' },
    links: [
      { path: 'RoleArn', relation: 'execution-role', holds: 'arn' },
      { path: 'ApplicationId', relation: 'part-of', holds: 'id' },
    ],
  },
];
