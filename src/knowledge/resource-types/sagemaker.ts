import type { ResourceTypeRow } from '../resource-type.js';

const MODEL_ARN = 'arn:${Partition}:sagemaker:${Region}:${Account}:model/${ModelName}';
const NOTEBOOK_ARN =
  'arn:${Partition}:sagemaker:${Region}:${Account}:notebook-instance/${NotebookInstanceName}';

/** SageMaker AI endpoints, feature groups, MLflow tracking servers, and the models and notebooks that run as roles. */
export const SAGEMAKER_RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  // Source: verified §8 (aws_sagemaker_endpoint, docs@03361643); endpoint names appear lower-cased in ARNs (§7).
  {
    iacType: 'aws_sagemaker_endpoint',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::SageMaker::Endpoint',
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    arnParts: { EndpointName: 'name' },
    links: [],
  },
  // Source: verified §7 (Ref EndpointArn, GetAtt EndpointArn and EndpointName).
  // awscc_sagemaker_endpoint: verified §7 (AWS::SageMaker::Endpoint: EndpointArn, EndpointName), snake_case for awscc.
  {
    iacType: 'AWS::SageMaker::Endpoint',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::SageMaker::Endpoint',
    arnAttribute: 'EndpointArn',
    nameAttribute: 'EndpointName',
    idAttribute: 'EndpointName',
    ref: 'EndpointArn',
    arnParts: { EndpointName: 'EndpointName' },
    links: [],
  },
  // Source: verified §8 (aws_sagemaker_feature_group, docs@0413c661).
  {
    iacType: 'aws_sagemaker_feature_group',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::SageMaker::FeatureGroup',
    arnAttribute: 'arn',
    nameAttribute: 'feature_group_name',
    idAttribute: 'feature_group_name',
    arnParts: { FeatureGroupName: 'feature_group_name' },
    links: [{ path: 'role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref FeatureGroupName, no ARN GetAtt, RoleArn).
  // awscc_sagemaker_feature_group: verified §7 (AWS::SageMaker::FeatureGroup: no ARN attribute, build it from the arnTemplate) and the corpus awscc feature group example.
  {
    iacType: 'AWS::SageMaker::FeatureGroup',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::SageMaker::FeatureGroup',
    arnAttribute: null,
    nameAttribute: 'FeatureGroupName',
    idAttribute: 'FeatureGroupName',
    ref: 'FeatureGroupName',
    arnParts: { FeatureGroupName: 'FeatureGroupName' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: reference §5 (aws_sagemaker_mlflow_tracking_server, name UNCONFIRMED); attributes per the CloudFormation
  // TrackingServerArn/TrackingServerName/RoleArn (verified §7), snake_case.
  {
    iacType: 'aws_sagemaker_mlflow_tracking_server',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::SageMaker::MlflowTrackingServer',
    arnAttribute: 'arn',
    nameAttribute: 'tracking_server_name',
    idAttribute: 'tracking_server_name',
    arnParts: { Name: 'tracking_server_name' },
    links: [{ path: 'role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref TrackingServerName, GetAtt TrackingServerArn, RoleArn).
  // awscc_sagemaker_mlflow_tracking_server: verified §7 (AWS::SageMaker::MlflowTrackingServer), snake_case for awscc.
  {
    iacType: 'AWS::SageMaker::MlflowTrackingServer',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::SageMaker::MlflowTrackingServer',
    arnAttribute: 'TrackingServerArn',
    nameAttribute: 'TrackingServerName',
    idAttribute: 'TrackingServerName',
    ref: 'TrackingServerName',
    arnParts: { Name: 'TrackingServerName' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §8 (aws_sagemaker_model, docs@00c0f530).
  {
    iacType: 'aws_sagemaker_model',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    arnTemplate: MODEL_ARN,
    arnParts: { ModelName: 'name' },
    links: [{ path: 'execution_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref ModelArn, GetAtt ModelArn, ExecutionRoleArn).
  // awscc_sagemaker_model: verified §7 (AWS::SageMaker::Model: ModelArn, ExecutionRoleArn), snake_case for awscc.
  {
    iacType: 'AWS::SageMaker::Model',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'ModelArn',
    nameAttribute: 'ModelName',
    idAttribute: 'ModelName',
    ref: 'ModelArn',
    arnTemplate: MODEL_ARN,
    arnParts: { ModelName: 'ModelName' },
    links: [{ path: 'ExecutionRoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: terraform-provider-aws docs, sagemaker_notebook_instance (arn, name, role_arn); no data events of its own.
  {
    iacType: 'aws_sagemaker_notebook_instance',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    arnTemplate: NOTEBOOK_ARN,
    arnParts: { NotebookInstanceName: 'name' },
    links: [{ path: 'role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: CloudFormation AWS::SageMaker::NotebookInstance (RoleArn, NotebookInstanceName; Ref and GetAtt
  // UNCONFIRMED here, so the ARN is built from the name).
  {
    iacType: 'AWS::SageMaker::NotebookInstance',
    flavour: 'cloudformation',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'NotebookInstanceName',
    idAttribute: 'NotebookInstanceName',
    arnTemplate: NOTEBOOK_ARN,
    arnParts: { NotebookInstanceName: 'NotebookInstanceName' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
];
