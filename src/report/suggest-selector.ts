import type { ReportCoverageResource } from '../model/report.js';

/**
 * A Terraform `advanced_event_selector` block that would record an AI resource's data events, or why none can be
 * written. `scope` says whether the block names the resource itself or every resource of its type.
 */
export type SelectorSuggestion =
  | {
      readonly kind: 'selector';
      readonly scope: 'resource' | 'type';
      readonly hcl: string;
      readonly note?: string;
    }
  | { readonly kind: 'none'; readonly reason: string };

/** A CloudTrail `resources.type`: only these shapes are ever put into a suggestion. */
const DATA_RESOURCE_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/**
 * ARNs as AWS writes them. Anything else (a reference not resolved yet, an unknown value, hostile text) is left
 * out of the block rather than pasted into code a reviewer may copy.
 */
const PLAIN_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[A-Za-z0-9._\-/:*+=,]+$/;

const S3_OBJECT = 'AWS::S3::Object';

/** Keeps a selector name to characters that are safe in an HCL string and readable in a console. */
function toSelectorName(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._:/\- ]/g, '_').slice(0, 100);
  return `AI data events: ${cleaned}`;
}

function fieldSelector(field: string, operator: 'equals' | 'starts_with', value: string): string[] {
  // Aligned the way `terraform fmt` aligns the arguments of one block.
  const width = Math.max('field'.length, operator.length);
  return [
    '  field_selector {',
    `    ${'field'.padEnd(width)} = "${field}"`,
    `    ${operator.padEnd(width)} = ["${value}"]`,
    '  }',
  ];
}

/**
 * Builds the selector block for one AI resource from its data-event type and, when it is a plain known ARN, the
 * ARN itself (a bucket's objects by prefix). Without a usable ARN the block covers every resource of the type,
 * and the note says so.
 */
export function suggestSelector(
  resource: Pick<ReportCoverageResource, 'id' | 'dataResourceType' | 'arn'>,
): SelectorSuggestion {
  const type = resource.dataResourceType;
  if (!DATA_RESOURCE_TYPE.test(type)) {
    return { kind: 'none', reason: 'its data-event resource type is not a CloudTrail type name' };
  }
  const arn = resource.arn !== undefined && PLAIN_ARN.test(resource.arn) ? resource.arn : undefined;
  const lines = [
    'advanced_event_selector {',
    `  name = "${toSelectorName(resource.id)}"`,
    ...fieldSelector('eventCategory', 'equals', 'Data'),
    ...fieldSelector('resources.type', 'equals', type),
  ];
  if (arn !== undefined) {
    lines.push(
      ...(type === S3_OBJECT
        ? fieldSelector('resources.ARN', 'starts_with', `${arn.replace(/\/+$/, '')}/`)
        : fieldSelector('resources.ARN', 'equals', arn)),
    );
  }
  lines.push('}');
  const hcl = lines.join('\n');
  if (arn !== undefined) return { kind: 'selector', scope: 'resource', hcl };
  return {
    kind: 'selector',
    scope: 'type',
    hcl,
    note:
      resource.arn === undefined
        ? `its ARN is not known yet, so this records every ${type} in scope; narrow it with resources.ARN once known`
        : `its ARN is not a plain ARN, so this records every ${type} in scope; narrow it with resources.ARN`,
  };
}
