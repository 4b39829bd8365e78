import { resourceTypeForCloudFormation, sinkTypeFor } from '../../knowledge/resource-types.js';
import type { AttributeNaming } from './intrinsics.js';

/** What `Ref` and the ARN/name attributes are for IAM types, which the AI resource table does not list. */
interface IamTypeNames {
  readonly ref: 'arn' | 'name' | 'id';
  readonly arnAttribute: string;
  readonly nameAttribute?: string;
}

// Source: CloudFormation return values of the IAM resource types (Ref of a role, user, group or instance profile
// is its name; of a managed policy, its ARN; of AWS::IAM::Policy and an access key, an id).
const IAM_TYPES: Readonly<Record<string, IamTypeNames>> = {
  'AWS::IAM::Role': { ref: 'name', arnAttribute: 'Arn', nameAttribute: 'RoleName' },
  'AWS::IAM::User': { ref: 'name', arnAttribute: 'Arn', nameAttribute: 'UserName' },
  'AWS::IAM::Group': { ref: 'name', arnAttribute: 'Arn', nameAttribute: 'GroupName' },
  'AWS::IAM::InstanceProfile': { ref: 'name', arnAttribute: 'Arn', nameAttribute: 'InstanceProfileName' },
  'AWS::IAM::ManagedPolicy': { ref: 'arn', arnAttribute: 'PolicyArn' },
  'AWS::IAM::Policy': { ref: 'id', arnAttribute: '' },
  'AWS::IAM::AccessKey': { ref: 'id', arnAttribute: '' },
};

/**
 * The attribute naming of CloudFormation types, from the shared resource and sink tables, with IAM types added
 * here. Unlisted types: `Ref` is an id, and the `Arn` attribute is their ARN, which holds for nearly every type.
 */
export const CLOUDFORMATION_NAMING: AttributeNaming = {
  refAttribute(iacType: string): string {
    const iam = IAM_TYPES[iacType];
    if (iam !== undefined) return iam.ref;
    const row = resourceTypeForCloudFormation(iacType) ?? sinkTypeFor(iacType);
    if (row?.ref === undefined) return 'id';
    if (row.ref === row.arnAttribute) return 'arn';
    if (row.ref === row.nameAttribute) return 'name';
    return 'id';
  },
  getAttAttribute(iacType: string, attribute: string): string {
    const iam = IAM_TYPES[iacType];
    if (iam !== undefined) {
      if (attribute === iam.arnAttribute) return 'arn';
      return attribute === iam.nameAttribute ? 'name' : attribute;
    }
    const row = resourceTypeForCloudFormation(iacType);
    if (row !== undefined) {
      if (attribute === row.arnAttribute) return 'arn';
      if (attribute === row.nameAttribute) return 'name';
      if (attribute === row.idAttribute) return 'id';
      return attribute;
    }
    const sink = sinkTypeFor(iacType);
    if (sink !== undefined) {
      if (attribute === sink.arnAttribute) return 'arn';
      return attribute === sink.nameAttribute ? 'name' : attribute;
    }
    return attribute === 'Arn' ? 'arn' : attribute;
  },
};
