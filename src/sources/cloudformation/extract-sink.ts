import type { AdvancedSelector, BasicSelector, FieldSelector, Sink } from '../../model/sink.js';
import { SELECTOR_OPERATORS } from '../../model/sink.js';
import { isUnknown, unknownValue, type Maybe, type Unknown } from '../../model/unknown.js';
import type { StringValue } from '../../model/value.js';
import { sinkTypeFor } from '../../knowledge/resource-types.js';
import {
  asProperties,
  rawChild,
  readBoolean,
  readList,
  readString,
  readStringList,
} from './property-readers.js';
import type { ResolvedValue } from './resolved-value.js';
import type { ExtractionContext, ResourceEntry, SnapshotBuilder } from './resource-entry.js';

const READ_WRITE_TYPES = new Set(['ReadOnly', 'WriteOnly', 'All']);

/** The line of the n-th item of a list property, when the list was written out (not computed). */
function itemLine(
  entry: ResourceEntry,
  key: string,
  index: number,
  context: ExtractionContext,
): number | undefined {
  const written = rawChild(entry.rawProperties, key);
  return Array.isArray(written)
    ? context.map.lineOfObject(written[index])
    : context.map.lineOfKey(entry.rawProperties, key);
}

function readReadWriteType(value: StringValue | undefined): Maybe<'ReadOnly' | 'WriteOnly' | 'All'> {
  if (value === undefined) return 'All';
  if (typeof value === 'string') {
    return READ_WRITE_TYPES.has(value)
      ? (value as 'ReadOnly' | 'WriteOnly' | 'All')
      : unknownValue(`ReadWriteType ${value} is not ReadOnly, WriteOnly or All`);
  }
  return isUnknown(value) ? value : unknownValue('ReadWriteType is not known until deploy time');
}

function readBasicSelectors(entry: ResourceEntry, context: ExtractionContext): BasicSelector[] | null {
  const list = readList(entry.properties, 'EventSelectors');
  if (list === undefined) return null;
  if (isUnknown(list)) {
    // The model has no unknown basic selector list; one selector with unknown settings keeps the doubt visible.
    return [
      {
        readWriteType: list,
        includeManagementEvents: list,
        dataResources: [],
        excludeManagementEventSources: [],
        ...lineField(context.map.lineOfKey(entry.rawProperties, 'EventSelectors')),
      },
    ];
  }
  if (list.length === 0) return null;
  return list.map((item, index): BasicSelector => {
    const selector = asProperties(item);
    const dataResources = readList(selector, 'DataResources');
    return {
      readWriteType: readReadWriteType(readString(selector, 'ReadWriteType')),
      includeManagementEvents: readBoolean(selector, 'IncludeManagementEvents', true),
      dataResources:
        dataResources === undefined || isUnknown(dataResources)
          ? []
          : dataResources.map((resource) => {
              const props = asProperties(resource);
              const type = readString(props, 'Type');
              return {
                type: typeof type === 'string' ? type : 'unknown',
                values: readStringList(props, 'Values'),
              };
            }),
      excludeManagementEventSources: readStringList(selector, 'ExcludeManagementEventSources'),
      ...lineField(itemLine(entry, 'EventSelectors', index, context)),
    };
  });
}

function readFieldSelector(value: ResolvedValue): FieldSelector | Unknown {
  const props = asProperties(value);
  const field = readString(props, 'Field');
  if (typeof field !== 'string') return unknownValue('an advanced selector field name is not known');
  const operators: Partial<Record<(typeof SELECTOR_OPERATORS)[number], StringValue[]>> = {};
  for (const operator of SELECTOR_OPERATORS) {
    if (props[operator] !== undefined && props[operator] !== null)
      operators[operator] = readStringList(props, operator);
  }
  return { field, operators };
}

function readAdvancedSelectors(
  entry: ResourceEntry,
  context: ExtractionContext,
): readonly AdvancedSelector[] | Unknown | null {
  const list = readList(entry.properties, 'AdvancedEventSelectors');
  if (list === undefined) return null;
  if (isUnknown(list)) return list;
  if (list.length === 0) return null;
  const selectors: AdvancedSelector[] = [];
  for (const [index, item] of list.entries()) {
    const props = asProperties(item);
    const fieldList = readList(props, 'FieldSelectors');
    if (fieldList === undefined) return unknownValue('an advanced selector has no FieldSelectors');
    if (isUnknown(fieldList)) return fieldList;
    const fieldSelectors: FieldSelector[] = [];
    for (const field of fieldList) {
      const selector = readFieldSelector(field);
      if (isUnknown(selector)) return selector;
      fieldSelectors.push(selector);
    }
    const name = readString(props, 'Name');
    selectors.push({
      ...(typeof name === 'string' ? { name } : {}),
      fieldSelectors,
      ...lineField(itemLine(entry, 'AdvancedEventSelectors', index, context)),
    });
  }
  return selectors;
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/**
 * Turns a trail or event data store into a Sink. A trail without `IsLogging` is not deployable (the property is
 * required), so its logging state is Unknown rather than a guess either way.
 */
export function readSink(entry: ResourceEntry, context: ExtractionContext, into: SnapshotBuilder): void {
  const row = sinkTypeFor(entry.base.iacType);
  if (row === undefined) return;
  const props = entry.properties;
  const trail = row.kind === 'trail';
  const sink: Sink = {
    ...entry.base,
    kind: row.kind,
    name: readString(props, row.nameAttribute) ?? { parts: [{ ref: entry.base.id, attribute: 'name' }] },
    logging: trail
      ? readBoolean(props, 'IsLogging', unknownValue('IsLogging is not set (CloudFormation requires it)'))
      : readBoolean(props, 'IngestionEnabled', true),
    multiRegion: trail
      ? readBoolean(props, 'IsMultiRegionTrail', false)
      : readBoolean(props, 'MultiRegionEnabled', true),
    homeRegion: context.region,
    organization: trail
      ? readBoolean(props, 'IsOrganizationTrail', false)
      : readBoolean(props, 'OrganizationEnabled', false),
    account: context.account,
    basicSelectors: trail ? readBasicSelectors(entry, context) : null,
    advancedSelectors: readAdvancedSelectors(entry, context),
  };
  into.sinks.push(sink);
}
