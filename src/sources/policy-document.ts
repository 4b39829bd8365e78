import type { PolicyCondition, PolicyDocument, PolicyPrincipal, PolicyStatement } from '../model/iam.js';
import type { SourceLocation } from '../model/location.js';
import { isUnknown, unknownValue, type Unknown } from '../model/unknown.js';
import { isSymbolic, type StringValue } from '../model/value.js';

/**
 * Turns a value that a source has already resolved (plain JSON, with StringValue leaves where a source kept
 * references symbolic or unknown) into a list of string values. IAM allows a string or an array everywhere.
 */
function toValues(raw: unknown): StringValue[] {
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item): StringValue => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    if (isUnknown(item) || isSymbolic(item)) return item;
    return unknownValue('not a string');
  });
}

function toPrincipal(raw: unknown): PolicyPrincipal | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw === '*') return '*';
  if (typeof raw !== 'object' || Array.isArray(raw)) return { AWS: toValues(raw) };
  const block = raw as Record<string, unknown>;
  const principal: { -readonly [K in keyof Exclude<PolicyPrincipal, '*'>]: StringValue[] } = {};
  for (const key of ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const) {
    if (block[key] !== undefined) principal[key] = toValues(block[key]);
  }
  return principal;
}

function toCondition(raw: unknown): PolicyCondition | undefined {
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const condition: Record<string, Record<string, StringValue[]>> = {};
  for (const [operator, block] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) continue;
    condition[operator] = {};
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      condition[operator][key] = toValues(values);
    }
  }
  return Object.keys(condition).length > 0 ? condition : undefined;
}

/** Where each statement of a document was written, by index, when the source knows. */
export type StatementLocator = (index: number) => SourceLocation | undefined;

/**
 * Normalises a policy document (already parsed from JSON or resolved from YAML/HCL) into the IR: string-or-array
 * forms become arrays, a single statement object becomes a list. Anything that is not a policy document gives an
 * Unknown with the reason, never an exception.
 */
export function parsePolicyDocument(raw: unknown, locate?: StatementLocator): PolicyDocument | Unknown {
  if (isUnknown(raw)) return raw;
  if (isSymbolic(raw)) return unknownValue('policy document built from references');
  let value = raw;
  if (typeof value === 'string') {
    if (value.trim() === '') return { statements: [] };
    try {
      value = JSON.parse(value);
    } catch {
      return unknownValue('policy document is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return unknownValue('policy document is not an object');
  }
  const rawStatements = (value as Record<string, unknown>).Statement;
  if (rawStatements === undefined) return { statements: [] };
  if (isUnknown(rawStatements)) return rawStatements;
  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  const statements: PolicyStatement[] = [];
  for (const [index, item] of list.entries()) {
    if (isUnknown(item)) return item;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return unknownValue(`statement ${index + 1} is not an object`);
    }
    const block = item as Record<string, unknown>;
    const effect = block.Effect === 'Deny' ? 'Deny' : block.Effect === 'Allow' ? 'Allow' : undefined;
    if (effect === undefined) return unknownValue(`statement ${index + 1} has no Effect of Allow or Deny`);
    const location = locate?.(index);
    const statement: PolicyStatement = {
      ...(typeof block.Sid === 'string' ? { sid: block.Sid } : {}),
      effect,
      ...(block.Action !== undefined ? { action: toValues(block.Action) } : {}),
      ...(block.NotAction !== undefined ? { notAction: toValues(block.NotAction) } : {}),
      ...(block.Resource !== undefined ? { resource: toValues(block.Resource) } : {}),
      ...(block.NotResource !== undefined ? { notResource: toValues(block.NotResource) } : {}),
      ...(block.Principal !== undefined ? { principal: toPrincipal(block.Principal) } : {}),
      ...(block.NotPrincipal !== undefined ? { notPrincipal: toPrincipal(block.NotPrincipal) } : {}),
      ...(toCondition(block.Condition) ? { condition: toCondition(block.Condition) } : {}),
      ...(location ? { location } : {}),
    };
    statements.push(statement);
  }
  return { statements };
}
