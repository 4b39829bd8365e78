import type { SinkTypeRow } from '../../knowledge/resource-type.js';
import type { Sink } from '../../model/sink.js';
import { isUnknown, not, unknownValue, type Maybe } from '../../model/unknown.js';
import { readTerraformSelectors } from '../terraform-selectors.js';
import { accountOf } from './account.js';
import { booleanAt, ownStringAt, toStringValue, valuesAt, type SideView } from './side-view.js';

/** Turns a trail or event data store (aws or awscc provider) into a Sink. */
export function buildSink(view: SideView, row: SinkTypeRow, planAccount: Maybe<string>): Sink {
  const arn = ownStringAt(view, row.arnAttribute, 'arn');
  const selectors = readTerraformSelectors(view.values, row.flavour === 'terraform-awscc', toStringValue);
  const base = {
    id: view.id,
    iacType: view.type,
    location: { file: view.context.shown },
    name: ownStringAt(view, row.nameAttribute, 'name') ?? unknownValue('the sink has no name'),
    account: accountOf(arn, planAccount),
    advancedSelectors: selectors.advancedSelectors,
  };
  if (row.kind === 'trail') {
    const [homeRegion] = valuesAt(view, 'home_region');
    return {
      ...base,
      kind: 'trail',
      logging: booleanAt(view, row.flavour === 'terraform-awscc' ? 'is_logging' : 'enable_logging', true),
      multiRegion: booleanAt(view, 'is_multi_region_trail', false),
      homeRegion: typeof homeRegion === 'string' && homeRegion !== '' ? homeRegion : view.region,
      organization: booleanAt(view, 'is_organization_trail', false),
      basicSelectors: selectors.basicSelectors,
    };
  }
  const suspended = booleanAt(view, 'suspend', false);
  const logging =
    row.flavour === 'terraform-awscc'
      ? booleanAt(view, 'ingestion_enabled', true)
      : isUnknown(suspended)
        ? suspended
        : (not(suspended) as boolean);
  return {
    ...base,
    kind: 'event-data-store',
    logging,
    multiRegion: booleanAt(view, 'multi_region_enabled', true),
    homeRegion: view.region,
    organization: booleanAt(view, 'organization_enabled', false),
    basicSelectors: null,
  };
}
