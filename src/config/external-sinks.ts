import type { AdvancedSelector, SelectorOperator, Sink } from '../model/sink.js';
import { SELECTOR_OPERATORS } from '../model/sink.js';
import { unknownValue } from '../model/unknown.js';
import type { ExternalSinkConfig } from './schema.js';

/** The id an external sink has in the report. */
export function externalSinkId(name: string): string {
  return `external:${name}`;
}

/** Turns the config's external sinks into IR sinks, present on both sides of the change. */
export function buildExternalSinks(entries: readonly ExternalSinkConfig[], configFile: string): Sink[] {
  return entries.map((entry): Sink => {
    const advancedSelectors: AdvancedSelector[] = entry.AdvancedEventSelectors.map((selector) => ({
      ...(selector.Name ? { name: selector.Name } : {}),
      fieldSelectors: selector.FieldSelectors.map((field) => {
        const operators: Partial<Record<SelectorOperator, string[]>> = {};
        for (const operator of SELECTOR_OPERATORS) {
          const values = (field as Record<string, unknown>)[operator];
          if (Array.isArray(values)) operators[operator] = values.map(String);
        }
        return { field: field.Field, operators };
      }),
    }));
    return {
      id: externalSinkId(entry.name),
      iacType: 'config:externalSinks',
      kind: 'external',
      name: entry.name,
      logging: entry.logging,
      multiRegion: entry.multiRegion,
      homeRegion: entry.homeRegion ?? unknownValue('not given in the config'),
      organization: entry.organization,
      account: entry.account ?? unknownValue('not given in the config'),
      basicSelectors: null,
      advancedSelectors,
      location: { file: configFile },
    };
  });
}
