import { emptySnapshot, type InputNote, type Snapshot } from '../../model/snapshot.js';
import type { Maybe } from '../../model/unknown.js';
import { resourceTypeForCloudFormation, sinkTypeFor } from '../../knowledge/resource-types.js';
import { CLOUDFORMATION_NAMING } from './attribute-naming.js';
import { readCloudResource } from './extract-cloud-resource.js';
import { IAM_TYPES, readIamResource } from './extract-iam.js';
import { readSink } from './extract-sink.js';
import { intrinsicName, IntrinsicResolver } from './intrinsics.js';
import { isTemplateObject, type ParsedTemplate } from './parse-template.js';
import { asProperties } from './property-readers.js';
import type { ExtractionContext, ResourceEntry } from './resource-entry.js';

/** Where a template sits: its stack name, the input's id prefix, and what is known about its environment. */
export interface TemplateSetting {
  /** Prefixed to every id, the same for both sides of a pair. */
  readonly idPrefix: string;
  readonly stack: string;
  /** The path shown in locations. */
  readonly file: string;
  readonly pseudoParameters: Readonly<Record<string, string>>;
  readonly region: Maybe<string>;
  readonly account: Maybe<string>;
}

/** One side of a template input, read into the IR. */
export interface TemplateSnapshot {
  readonly snapshot: Snapshot;
  readonly notes: readonly InputNote[];
  /** The IR id of each logical id, for mapping the resource-level diff. */
  readonly idOf: (logicalId: string) => string;
}

function noteTransform(template: ParsedTemplate, notes: InputNote[]): void {
  const transform = template.body.Transform;
  if (transform === undefined || transform === null) return;
  const names = (Array.isArray(transform) ? transform : [transform]).map((item) =>
    typeof item === 'string'
      ? item
      : isTemplateObject(item) && typeof item.Name === 'string'
        ? item.Name
        : 'a macro',
  );
  const line = template.map.lineOfKey(template.body, 'Transform');
  notes.push({
    message: `the template uses Transform ${names.join(', ')}; macros are not expanded, so resources they generate are not analysed`,
    ...(line === undefined ? {} : { line }),
  });
}

/** Keys the IAM reader reads from the written template itself, statement by statement, for their lines. */
const POLICY_KEYS = new Set(['Policies', 'PolicyDocument', 'AssumeRolePolicyDocument']);

/** Leaves out the policy documents, which are read (and resolved) separately, so they are not resolved twice. */
function withoutPolicyDocuments(properties: unknown): unknown {
  if (!isTemplateObject(properties) || intrinsicName(properties) !== undefined) return properties;
  return Object.fromEntries(Object.entries(properties).filter(([key]) => !POLICY_KEYS.has(key)));
}

/**
 * Reads a parsed template into one snapshot: AI resources, data stores and their links, trails and event data
 * stores, and IAM entities. Types the tool does not model are skipped.
 */
export function buildTemplateSnapshot(template: ParsedTemplate, setting: TemplateSetting): TemplateSnapshot {
  const idOf = (logicalId: string): string => `${setting.idPrefix}${setting.stack}/${logicalId}`;
  const resolver = new IntrinsicResolver({
    template,
    idOf,
    pseudoParameters: setting.pseudoParameters,
    naming: CLOUDFORMATION_NAMING,
  });
  const notes: InputNote[] = [];
  const context: ExtractionContext = {
    resolver,
    map: template.map,
    file: setting.file,
    region: setting.region,
    account: setting.account,
    pseudoParameters: setting.pseudoParameters,
    notes,
    resources: template.resources,
  };
  noteTransform(template, notes);
  const into = emptySnapshot();
  for (const [logicalId, raw] of Object.entries(template.resources)) {
    const line = template.map.lineOfKey(template.resources, logicalId);
    if (!isTemplateObject(raw) || typeof raw.Type !== 'string') {
      notes.push({
        message: `resource ${logicalId} has no Type and was skipped`,
        ...(line === undefined ? {} : { line }),
      });
      continue;
    }
    const iacType = raw.Type;
    const row = resourceTypeForCloudFormation(iacType);
    const isSink = sinkTypeFor(iacType) !== undefined;
    const isIam = IAM_TYPES.has(iacType);
    if (row === undefined && !isSink && !isIam) continue;
    const entry: ResourceEntry = {
      logicalId,
      base: {
        id: idOf(logicalId),
        iacType,
        location: line === undefined ? { file: setting.file } : { file: setting.file, line },
        ...(raw.Condition !== undefined ? { conditional: true } : {}),
      },
      rawProperties: raw.Properties,
      properties: asProperties(
        resolver.resolve(isIam ? withoutPolicyDocuments(raw.Properties) : raw.Properties),
      ),
    };
    if (row !== undefined) readCloudResource(row, entry, context, into);
    else if (isSink) readSink(entry, context, into);
    else readIamResource(entry, context, into);
  }
  return { snapshot: into, notes, idOf };
}
