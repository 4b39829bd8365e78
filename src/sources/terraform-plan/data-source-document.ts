import type { PolicyDocument } from '../../model/iam.js';
import { isUnknown, unknownValue, type Unknown } from '../../model/unknown.js';
import { parsePolicyDocument } from '../policy-document.js';
import { asExpression, type ConfigEntry } from './configuration-index.js';
import { AFTER_APPLY } from './marks.js';
import type { JsonObject } from './plan-json.js';

const MERGED = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value)
    ? (value as JsonObject)
    : undefined;
}

function asList(value: unknown): unknown[] | Unknown {
  if (isUnknown(value)) return value;
  return Array.isArray(value) ? value : [];
}

/** `principals { type identifiers }` blocks as the IAM JSON `Principal` object. */
function principalOf(blocks: unknown): unknown {
  const list = asList(blocks);
  if (isUnknown(list)) return { AWS: [list] };
  if (list.length === 0) return undefined;
  const principal: Record<string, unknown[]> = {};
  for (const block of list) {
    const entry = asObject(block);
    if (entry === undefined) continue;
    const type = typeof entry.type === 'string' ? entry.type : 'AWS';
    if (type === '*') return '*';
    const identifiers = asList(entry.identifiers);
    (principal[type] ??= []).push(...(isUnknown(identifiers) ? [identifiers] : identifiers));
  }
  return principal;
}

/** `condition { test variable values }` blocks as the IAM JSON `Condition` object. */
function conditionOf(blocks: unknown): unknown {
  const list = asList(blocks);
  if (isUnknown(list) || list.length === 0) return undefined;
  const condition: Record<string, Record<string, unknown>> = {};
  for (const block of list) {
    const entry = asObject(block);
    if (entry === undefined || typeof entry.test !== 'string' || typeof entry.variable !== 'string') continue;
    (condition[entry.test] ??= {})[entry.variable] = entry.values;
  }
  return condition;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** The `statement` blocks of an `aws_iam_policy_document` as an IAM JSON document, Unknowns kept at their place. */
function documentFromStatements(values: JsonObject): PolicyDocument | Unknown {
  for (const key of MERGED) {
    if (present(values[key])) return unknownValue(`the document merges other documents (${key})`);
  }
  const statements = asList(values.statement);
  if (isUnknown(statements)) return statements;
  const json = statements.map((block) => {
    const entry = asObject(block) ?? {};
    const statement: Record<string, unknown> = {
      Effect: entry.effect === null || entry.effect === undefined ? 'Allow' : entry.effect,
    };
    if (typeof entry.sid === 'string' && entry.sid !== '') statement.Sid = entry.sid;
    if (present(entry.actions)) statement.Action = entry.actions;
    if (present(entry.not_actions)) statement.NotAction = entry.not_actions;
    if (present(entry.resources)) statement.Resource = entry.resources;
    if (present(entry.not_resources)) statement.NotResource = entry.not_resources;
    const principal = principalOf(entry.principals);
    if (principal !== undefined) statement.Principal = principal;
    const notPrincipal = principalOf(entry.not_principals);
    if (notPrincipal !== undefined) statement.NotPrincipal = notPrincipal;
    const condition = conditionOf(entry.condition);
    if (condition !== undefined) statement.Condition = condition;
    if (isUnknown(entry.effect)) return entry.effect;
    return statement;
  });
  return parsePolicyDocument({ Statement: json });
}

/** Configuration expressions turned into values: constants as written, references as known after apply. */
function valuesFromExpressions(expressions: unknown): unknown {
  const leaf = asExpression(expressions);
  if (leaf !== undefined) return leaf.constant_value !== undefined ? leaf.constant_value : AFTER_APPLY;
  if (Array.isArray(expressions)) return expressions.map(valuesFromExpressions);
  const object = asObject(expressions);
  if (object === undefined) return undefined;
  const values: JsonObject = {};
  for (const [key, value] of Object.entries(object)) values[key] = valuesFromExpressions(value);
  return values;
}

/**
 * The document of an `aws_iam_policy_document` data source: its `json` when the plan knows it, else its statement
 * blocks as planned, else the constant parts of its configuration.
 */
export function dataSourceDocument(
  values: JsonObject | undefined,
  config: ConfigEntry | undefined,
): PolicyDocument | Unknown {
  if (values !== undefined) {
    if (typeof values.json === 'string' && values.json !== '') return parsePolicyDocument(values.json);
    if (isUnknown(values.json) && values.json !== AFTER_APPLY) return values.json;
    if (values.statement !== undefined && values.statement !== null) return documentFromStatements(values);
  }
  const expressions = config?.resource.expressions;
  if (expressions !== undefined) {
    const fromConfig = asObject(valuesFromExpressions(expressions));
    if (fromConfig !== undefined) return documentFromStatements(fromConfig);
  }
  return AFTER_APPLY;
}
