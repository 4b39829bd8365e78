import type { SinkTypeRow } from '../../knowledge/resource-type.js';
import type {
  AdvancedSelector,
  BasicSelector,
  FieldSelector,
  SelectorOperator,
  Sink,
} from '../../model/sink.js';
import { isUnknown, not, unknownValue, type Maybe, type Unknown } from '../../model/unknown.js';
import type { StringValue } from '../../model/value.js';
import { accountOf } from './account.js';
import { booleanAt, ownStringAt, toStringValue, valuesAt, type SideView } from './side-view.js';

/** The selector attribute names of each provider: aws writes blocks in the singular, awscc lists in the plural. */
interface SelectorNames {
  readonly basic: string;
  readonly dataResources: string;
  readonly advanced: string;
  readonly fields: string;
}

const AWS_NAMES: SelectorNames = {
  basic: 'event_selector',
  dataResources: 'data_resource',
  advanced: 'advanced_event_selector',
  fields: 'field_selector',
};
const AWSCC_NAMES: SelectorNames = {
  basic: 'event_selectors',
  dataResources: 'data_resources',
  advanced: 'advanced_event_selectors',
  fields: 'field_selectors',
};

const OPERATORS: readonly [string, SelectorOperator][] = [
  ['equals', 'Equals'],
  ['not_equals', 'NotEquals'],
  ['starts_with', 'StartsWith'],
  ['not_starts_with', 'NotStartsWith'],
  ['ends_with', 'EndsWith'],
  ['not_ends_with', 'NotEndsWith'],
];

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stringList(value: unknown): StringValue[] {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return [value];
  return Array.isArray(value) ? value.map(toStringValue) : [toStringValue(value)];
}

function booleanOf(value: unknown, fallback: boolean): Maybe<boolean> {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (isUnknown(value)) return value;
  return unknownValue('not a boolean');
}

function readWriteTypeOf(value: unknown): BasicSelector['readWriteType'] {
  if (value === undefined || value === null || value === '') return 'All';
  if (value === 'ReadOnly' || value === 'WriteOnly' || value === 'All') return value;
  if (isUnknown(value)) return value;
  return unknownValue(`read_write_type ${JSON.stringify(value)} is not ReadOnly, WriteOnly or All`);
}

/** The list at a selector attribute: null or empty means none, an Unknown stays unknown. */
function selectorList(view: SideView, key: string): unknown[] | Unknown | null {
  const [value] = valuesAt(view, key);
  if (value === undefined) return null;
  if (isUnknown(value)) return value;
  if (!Array.isArray(value) || value.length === 0) return null;
  return value;
}

function basicSelector(raw: unknown, names: SelectorNames): BasicSelector {
  if (isUnknown(raw)) {
    return {
      readWriteType: raw,
      includeManagementEvents: raw,
      dataResources: [],
      excludeManagementEventSources: [],
    };
  }
  const block = asRecord(raw);
  const resources = block[names.dataResources];
  const dataResources = isUnknown(resources)
    ? [{ type: 'unknown', values: [resources] }]
    : (Array.isArray(resources) ? resources : []).map((item) => {
        const entry = asRecord(item);
        return {
          type: typeof entry.type === 'string' ? entry.type : 'unknown',
          values: stringList(entry.values),
        };
      });
  return {
    readWriteType: readWriteTypeOf(block.read_write_type),
    includeManagementEvents: booleanOf(block.include_management_events, true),
    dataResources,
    excludeManagementEventSources: stringList(block.exclude_management_event_sources),
  };
}

function fieldSelector(raw: unknown): FieldSelector {
  const block = asRecord(raw);
  const operators: Partial<Record<SelectorOperator, readonly StringValue[]>> = {};
  for (const [key, operator] of OPERATORS) {
    const values = block[key];
    if (values === undefined || values === null || (Array.isArray(values) && values.length === 0)) continue;
    operators[operator] = stringList(values);
  }
  return { field: typeof block.field === 'string' ? block.field : '(unknown field)', operators };
}

function advancedSelector(raw: unknown, names: SelectorNames): AdvancedSelector | Unknown {
  if (isUnknown(raw)) return raw;
  const block = asRecord(raw);
  const fields = block[names.fields];
  if (isUnknown(fields)) return fields;
  return {
    ...(typeof block.name === 'string' && block.name !== '' ? { name: block.name } : {}),
    fieldSelectors: (Array.isArray(fields) ? fields : []).map(fieldSelector),
  };
}

function advancedSelectors(
  view: SideView,
  names: SelectorNames,
): readonly AdvancedSelector[] | Unknown | null {
  const list = selectorList(view, names.advanced);
  if (list === null || isUnknown(list)) return list;
  const selectors: AdvancedSelector[] = [];
  for (const item of list) {
    const selector = advancedSelector(item, names);
    if (isUnknown(selector)) return selector;
    selectors.push(selector);
  }
  return selectors;
}

function basicSelectors(
  view: SideView,
  names: SelectorNames,
  advanced: readonly AdvancedSelector[] | Unknown | null,
): readonly BasicSelector[] | null {
  const list = selectorList(view, names.basic);
  if (list === null) return null;
  // Advanced selectors replace basic ones, so a computed basic list beside known advanced ones is none.
  if (isUnknown(list)) return advanced !== null && !isUnknown(advanced) ? null : [basicSelector(list, names)];
  return list.map((item) => basicSelector(item, names));
}

/** Turns a trail or event data store (aws or awscc provider) into a Sink. */
export function buildSink(view: SideView, row: SinkTypeRow, planAccount: Maybe<string>): Sink {
  const names = row.flavour === 'terraform-awscc' ? AWSCC_NAMES : AWS_NAMES;
  const arn = ownStringAt(view, row.arnAttribute, 'arn');
  const advanced = advancedSelectors(view, names);
  const base = {
    id: view.id,
    iacType: view.type,
    location: { file: view.context.shown },
    name: ownStringAt(view, row.nameAttribute, 'name') ?? unknownValue('the sink has no name'),
    account: accountOf(arn, planAccount),
    advancedSelectors: advanced,
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
      basicSelectors: basicSelectors(view, names, advanced),
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
