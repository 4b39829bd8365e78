import { suggestSelector } from '../analysis/coverage/suggest-selector.js';
import type { ReportCoverageResource } from '../model/report.js';

/**
 * A Terraform `advanced_event_selector` block that would record an AI resource's data events, or why none can be
 * written. `scope` says whether the block names the resource itself or every resource of its type.
 */
export type SelectorProposal =
  | {
      readonly kind: 'selector';
      readonly scope: 'resource' | 'type';
      readonly hcl: string;
      readonly note?: string;
    }
  | { readonly kind: 'none'; readonly reason: string };

/** A CloudTrail `resources.type`: only these shapes are ever put into a proposal. */
const DATA_RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/**
 * ARNs as AWS writes them. Anything else (a reference not resolved yet, an unknown value, hostile text) is left
 * out of the block rather than pasted into code a reviewer may copy.
 */
const PLAIN_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[A-Za-z0-9._\-/:*+=,]+$/;

/**
 * Decides what the comment may propose for one uncovered AI resource: the coverage analysis writes the block,
 * and this gate lets only a CloudTrail type name and a plain ARN into it. Without a usable ARN the block covers
 * every resource of the type, and the note says so.
 */
export function proposeSelector(
  resource: Pick<ReportCoverageResource, 'dataResourceType' | 'arn'>,
): SelectorProposal {
  const type = resource.dataResourceType;
  if (!DATA_RESOURCE_TYPE.test(type)) {
    return { kind: 'none', reason: 'its data-event resource type is not a CloudTrail type name' };
  }
  if (resource.arn !== undefined && PLAIN_ARN.test(resource.arn)) {
    return {
      kind: 'selector',
      scope: 'resource',
      hcl: suggestSelector({ dataResourceType: type, arn: resource.arn }),
    };
  }
  return {
    kind: 'selector',
    scope: 'type',
    hcl: suggestSelector({ dataResourceType: type }),
    note:
      resource.arn === undefined
        ? `its ARN is not known yet, so this records every ${type} in scope; narrow it with resources.ARN once known`
        : `its ARN is not a plain ARN, so this records every ${type} in scope; narrow it with resources.ARN`,
  };
}
