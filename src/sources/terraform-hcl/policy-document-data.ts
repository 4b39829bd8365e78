import { isUnknown, unknownValue } from '../../model/unknown.js';
import { encodeJson } from './functions.js';
import { isHclObject, type HclObject, type HclValue } from './hcl-value.js';

function listOf(value: HclValue | undefined): readonly HclValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as readonly HclValue[]) : [value];
}

/** `principals { type identifiers }` blocks as a policy Principal; `type = "*"` is the anonymous wildcard. */
function buildPrincipal(blocks: readonly HclValue[]): HclValue {
  const principal: Record<string, HclValue[]> = {};
  for (const block of blocks) {
    if (!isHclObject(block))
      return isUnknown(block) ? block : unknownValue('principals block is not an object');
    const type = block.type;
    if (type === '*') return '*';
    if (typeof type !== 'string') return unknownValue('principals type is not known');
    const identifiers = block.identifiers;
    if (isUnknown(identifiers)) return identifiers;
    (principal[type] ??= []).push(...listOf(identifiers));
  }
  return principal;
}

/** `condition { test variable values }` blocks as a policy Condition. */
function buildCondition(blocks: readonly HclValue[]): HclValue {
  const condition: Record<string, Record<string, HclValue[]>> = {};
  for (const block of blocks) {
    if (!isHclObject(block))
      return isUnknown(block) ? block : unknownValue('condition block is not an object');
    const { test, variable, values } = block;
    if (typeof test !== 'string' || typeof variable !== 'string')
      return unknownValue('condition test or variable is not known');
    if (isUnknown(values)) return values;
    const operator = (condition[test] ??= {});
    (operator[variable] ??= []).push(...listOf(values));
  }
  return condition;
}

function buildStatement(block: HclValue): HclValue {
  if (!isHclObject(block)) return isUnknown(block) ? block : unknownValue('statement block is not an object');
  const statement: Record<string, HclValue> = {};
  if (block.sid !== undefined && block.sid !== null) statement.Sid = block.sid;
  statement.Effect = block.effect ?? 'Allow';
  const lists: readonly [string, string][] = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [attribute, key] of lists) {
    const value = block[attribute];
    if (value !== undefined && value !== null) statement[key] = value;
  }
  if (block.principals !== undefined) statement.Principal = buildPrincipal(listOf(block.principals));
  if (block.not_principals !== undefined)
    statement.NotPrincipal = buildPrincipal(listOf(block.not_principals));
  if (block.condition !== undefined) statement.Condition = buildCondition(listOf(block.condition));
  return statement;
}

function statementsOf(document: HclValue): readonly HclValue[] | undefined {
  let parsed: HclValue = document;
  if (typeof document === 'string') {
    try {
      parsed = JSON.parse(document) as HclValue;
    } catch {
      return undefined;
    }
  }
  if (!isHclObject(parsed)) return undefined;
  return listOf(parsed.Statement);
}

/**
 * The JSON document an `aws_iam_policy_document` data source produces, from its evaluated arguments: statements
 * from its `statement` blocks, after those of `source_policy_documents`, with `override_policy_documents`
 * replacing statements that share a Sid. Known documents become JSON text; others keep their structure.
 */
export function buildPolicyDocument(body: HclObject): HclValue {
  const own = body.statement;
  if (isUnknown(own)) return own;
  const statements: HclValue[] = [];
  for (const source of listOf(body.source_policy_documents)) {
    const inherited = statementsOf(source);
    if (inherited === undefined)
      return isUnknown(source) ? source : unknownValue('source policy document is not known');
    statements.push(...inherited);
  }
  statements.push(...listOf(own).map(buildStatement));
  for (const override of listOf(body.override_policy_documents)) {
    const replacing = statementsOf(override);
    if (replacing === undefined)
      return isUnknown(override) ? override : unknownValue('override policy document is not known');
    for (const statement of replacing) {
      const sid = isHclObject(statement) ? statement.Sid : undefined;
      const index =
        typeof sid === 'string' ? statements.findIndex((item) => isHclObject(item) && item.Sid === sid) : -1;
      if (index >= 0) statements[index] = statement;
      else statements.push(statement);
    }
  }
  const document: Record<string, HclValue> = { Version: body.version ?? '2012-10-17' };
  if (typeof body.policy_id === 'string') document.Id = body.policy_id;
  document.Statement = statements;
  return encodeJson(document);
}
