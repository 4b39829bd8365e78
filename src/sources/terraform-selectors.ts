import type {
  AdvancedSelector,
  BasicSelector,
  FieldSelector,
  SelectorOperator,
  Sink,
} from '../model/sink.js';
import { isUnknown, unknownValue, type Maybe, type Unknown } from '../model/unknown.js';
import type { StringValue } from '../model/value.js';

/** Turns one attribute value into a string value, as each Terraform source represents its values. */
export type StringConverter = (value: unknown) => StringValue;

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
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A block list as Terraform writes it: a list of objects, or (awscc attribute syntax) a single object. */
function listOf(value: unknown): unknown[] | Unknown | null {
  if (value === undefined || value === null) return null;
  if (isUnknown(value)) return value;
  const list = Array.isArray(value) ? value : [value];
  return list.length === 0 ? null : list;
}

function stringList(value: unknown, toString: StringConverter): StringValue[] {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return [value];
  return Array.isArray(value) ? value.map(toString) : [toString(value)];
}

/** A boolean attribute; HCL may still hold the literal as the string "true" or "false". */
export function terraformBoolean(value: unknown, fallback: Maybe<boolean>): Maybe<boolean> {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (isUnknown(value)) return value;
  return unknownValue('not a boolean');
}

function readWriteTypeOf(value: unknown): BasicSelector['readWriteType'] {
  if (value === undefined || value === null || value === '') return 'All';
  if (value === 'ReadOnly' || value === 'WriteOnly' || value === 'All') return value;
  if (isUnknown(value)) return value;
  return unknownValue(`read_write_type ${JSON.stringify(value)} is not ReadOnly, WriteOnly or All`);
}

function basicSelector(raw: unknown, names: SelectorNames, toString: StringConverter): BasicSelector {
  // One selector known only after apply: its settings are unknown, never the defaults.
  if (isUnknown(raw)) {
    return {
      readWriteType: raw,
      includeManagementEvents: raw,
      dataResources: [],
      excludeManagementEventSources: [],
    };
  }
  const block = asRecord(raw);
  const resources = listOf(block[names.dataResources]);
  const dataResources = isUnknown(resources)
    ? [{ type: 'unknown', values: [resources] }]
    : (resources ?? []).map((item) => {
        const entry = asRecord(item);
        return {
          type: typeof entry.type === 'string' ? entry.type : 'unknown',
          values: stringList(entry.values, toString),
        };
      });
  return {
    readWriteType: readWriteTypeOf(block.read_write_type),
    includeManagementEvents: terraformBoolean(block.include_management_events, true),
    dataResources,
    excludeManagementEventSources: stringList(block.exclude_management_event_sources, toString),
  };
}

function fieldSelector(raw: unknown, toString: StringConverter): FieldSelector {
  const block = asRecord(raw);
  const operators: Partial<Record<SelectorOperator, readonly StringValue[]>> = {};
  for (const [key, operator] of OPERATORS) {
    const values = block[key];
    if (values === undefined || values === null || (Array.isArray(values) && values.length === 0)) continue;
    operators[operator] = stringList(values, toString);
  }
  return { field: typeof block.field === 'string' ? block.field : '(unknown field)', operators };
}

function advancedSelector(
  raw: unknown,
  names: SelectorNames,
  toString: StringConverter,
): AdvancedSelector | Unknown {
  if (isUnknown(raw)) return raw;
  const block = asRecord(raw);
  const fields = listOf(block[names.fields]);
  if (isUnknown(fields)) return fields;
  return {
    ...(typeof block.name === 'string' && block.name !== '' ? { name: block.name } : {}),
    fieldSelectors: (fields ?? []).map((field) => fieldSelector(field, toString)),
  };
}

/**
 * Reads the selectors of a trail or event data store from its Terraform attributes (aws blocks or awscc lists),
 * the same way for plan values and evaluated HCL. `values` holds the resource's attributes.
 */
export function readTerraformSelectors(
  values: Readonly<Record<string, unknown>>,
  awscc: boolean,
  toString: StringConverter,
): Pick<Sink, 'basicSelectors' | 'advancedSelectors'> {
  const names = awscc ? AWSCC_NAMES : AWS_NAMES;
  const advancedList = listOf(values[names.advanced]);
  let advancedSelectors: readonly AdvancedSelector[] | Unknown | null = null;
  if (isUnknown(advancedList)) advancedSelectors = advancedList;
  else if (advancedList !== null) {
    const selectors: AdvancedSelector[] = [];
    for (const item of advancedList) {
      const selector = advancedSelector(item, names, toString);
      if (isUnknown(selector)) {
        advancedSelectors = selector;
        break;
      }
      selectors.push(selector);
    }
    advancedSelectors ??= selectors;
  }
  const basicList = listOf(values[names.basic]);
  if (basicList === null) return { basicSelectors: null, advancedSelectors };
  // Advanced selectors replace basic ones, so a computed basic list beside advanced ones changes nothing. Alone,
  // it leaves the sink's selectors as a whole unknown: the IR has no unknown form for a list of basic selectors.
  if (isUnknown(basicList))
    return { basicSelectors: null, advancedSelectors: advancedSelectors ?? basicList };
  return { basicSelectors: basicList.map((item) => basicSelector(item, names, toString)), advancedSelectors };
}
