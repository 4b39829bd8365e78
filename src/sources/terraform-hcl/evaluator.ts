import { isUnknown, type Unknown } from '../../model/unknown.js';
import { isSymbolic, symbolic, type AttributeRef } from '../../model/value.js';
import type { Expression, TraversalStep } from './expression.js';
import { ExpressionSyntaxError, parseTemplate } from './expression-parser.js';
import { callFunction, FILE_FUNCTIONS } from './functions.js';
import {
  equalKnownValues,
  isFullyKnown,
  isHclObject,
  unknownExpression,
  type HclValue,
} from './hcl-value.js';

/** A traversal step with its index already evaluated. */
export type ResolvedStep =
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'index'; readonly key: HclValue }
  | { readonly kind: 'splat' };

/**
 * What names mean where an expression is evaluated: a module (variables, locals, resources), a dynamic block's
 * iterator, or a template file's variables.
 */
export interface EvaluationScope {
  /** Resolves a root name (`var`, `local`, `aws_iam_role`, `data`, an iterator) followed by its steps. */
  resolve(root: string, steps: readonly ResolvedStep[], text: string): HclValue;
  /** Reads a file for `file()`/`templatefile()`, or says why it may not or cannot be read. */
  readFile(path: string): string | Unknown;
}

/** A scope that adds names (a dynamic block iterator, template variables) in front of another scope. */
export function bindNames(
  parent: EvaluationScope,
  names: Readonly<Record<string, HclValue>>,
): EvaluationScope {
  return {
    resolve(root, steps, text) {
      if (Object.hasOwn(names, root)) return applySteps(names[root] ?? null, steps, text);
      return parent.resolve(root, steps, text);
    },
    readFile: (path) => parent.readFile(path),
  };
}

/** Follows attribute, index and splat steps into a value. */
export function applySteps(value: HclValue, steps: readonly ResolvedStep[], text: string): HclValue {
  let current = value;
  for (const [position, step] of steps.entries()) {
    if (isUnknown(current)) return current;
    if (step.kind === 'splat') {
      if (current === null) return [];
      const items = Array.isArray(current) ? (current as readonly HclValue[]) : [current];
      const rest = steps.slice(position + 1);
      return items.map((item) => applySteps(item, rest, text));
    }
    const key = step.kind === 'attribute' ? step.name : step.key;
    if (isUnknown(key)) return key;
    if (Array.isArray(current) && typeof key === 'number') {
      const list = current as readonly HclValue[];
      if (!Number.isInteger(key) || key < 0 || key >= list.length) return unknownExpression(text);
      current = list[key] ?? null;
    } else if (isHclObject(current) && (typeof key === 'string' || typeof key === 'number')) {
      const name = String(key);
      if (!Object.hasOwn(current, name)) return unknownExpression(text);
      current = current[name] ?? null;
    } else {
      return unknownExpression(text);
    }
  }
  return current;
}

function interpolate(
  parts: readonly (string | Expression)[],
  scope: EvaluationScope,
  text: string,
): HclValue {
  const pieces: (string | AttributeRef)[] = [];
  for (const part of parts) {
    const value = typeof part === 'string' ? part : evaluateExpression(part, scope);
    if (isUnknown(value)) return value;
    if (typeof value === 'string') pieces.push(value);
    else if (typeof value === 'number' || typeof value === 'boolean') pieces.push(String(value));
    else if (isSymbolic(value)) pieces.push(...value.parts);
    else return unknownExpression(text);
  }
  return symbolic(pieces);
}

function evaluateBinary(operator: string, left: HclValue, right: HclValue, text: string): HclValue {
  // Kleene logic: a known side can decide `||` and `&&` alone.
  if (operator === '||' && (left === true || right === true)) return true;
  if (operator === '&&' && (left === false || right === false)) return false;
  if (!isFullyKnown(left) || !isFullyKnown(right)) return unknownExpression(text);
  switch (operator) {
    case '||':
    case '&&':
      return typeof left === 'boolean' && typeof right === 'boolean'
        ? left && right
        : unknownExpression(text);
    case '==':
      return equalKnownValues(left, right);
    case '!=':
      return !equalKnownValues(left, right);
    default:
      break;
  }
  if (typeof left !== 'number' || typeof right !== 'number') return unknownExpression(text);
  const results: Readonly<Record<string, number | boolean>> = {
    '+': left + right,
    '-': left - right,
    '*': left * right,
    '/': left / right,
    '%': left % right,
    '<': left < right,
    '>': left > right,
    '<=': left <= right,
    '>=': left >= right,
  };
  return results[operator] ?? unknownExpression(text);
}

function evaluateConditional(
  expression: Extract<Expression, { kind: 'conditional' }>,
  scope: EvaluationScope,
): HclValue {
  const condition = evaluateExpression(expression.condition, scope);
  if (condition === true) return evaluateExpression(expression.whenTrue, scope);
  if (condition === false) return evaluateExpression(expression.whenFalse, scope);
  const whenTrue = evaluateExpression(expression.whenTrue, scope);
  const whenFalse = evaluateExpression(expression.whenFalse, scope);
  // Either branch would give the same value, so the condition does not matter.
  return equalKnownValues(whenTrue, whenFalse) ? whenTrue : unknownExpression(expression.text);
}

function resolveSteps(steps: readonly TraversalStep[], scope: EvaluationScope): ResolvedStep[] {
  return steps.map((step) =>
    step.kind === 'index' ? { kind: 'index', key: evaluateExpression(step.key, scope) } : step,
  );
}

function evaluateAccess(
  expression: Extract<Expression, { kind: 'access' }>,
  scope: EvaluationScope,
): HclValue {
  const steps = resolveSteps(expression.steps, scope);
  if (expression.target.kind === 'variable')
    return scope.resolve(expression.target.name, steps, expression.text);
  return applySteps(evaluateExpression(expression.target, scope), steps, expression.text);
}

function evaluateFileCall(
  name: string,
  args: readonly HclValue[],
  scope: EvaluationScope,
  text: string,
): HclValue {
  const path = args[0];
  if (typeof path !== 'string') return unknownExpression(text);
  const content = scope.readFile(path);
  if (isUnknown(content) || name === 'file') return content;
  const variables = args[1] ?? {};
  if (!isHclObject(variables)) return unknownExpression(text);
  // A template file sees only the variables passed to it, as in Terraform.
  const templateScope = bindNames(
    { resolve: (_root, _steps, inner) => unknownExpression(inner), readFile: scope.readFile },
    variables,
  );
  return evaluateSource(content, templateScope, parseTemplate);
}

function evaluateCall(expression: Extract<Expression, { kind: 'call' }>, scope: EvaluationScope): HclValue {
  let args = expression.args.map((arg) => evaluateExpression(arg, scope));
  if (expression.expand) {
    const last = args[args.length - 1];
    if (!Array.isArray(last)) return unknownExpression(expression.text);
    args = [...args.slice(0, -1), ...(last as readonly HclValue[])];
  }
  if (FILE_FUNCTIONS.has(expression.name))
    return evaluateFileCall(expression.name, args, scope, expression.text);
  return callFunction(expression.name, args, expression.text);
}

/** Evaluates a parsed expression in a scope. Never throws: what cannot be known becomes Unknown. */
export function evaluateExpression(expression: Expression, scope: EvaluationScope): HclValue {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'template':
      if (expression.parts.length === 1 && typeof expression.parts[0] !== 'string' && expression.parts[0]) {
        // A string that is exactly one interpolation keeps the value's own type, as Terraform does.
        return evaluateExpression(expression.parts[0], scope);
      }
      return interpolate(expression.parts, scope, expression.text);
    case 'tuple':
      return expression.items.map((item) => evaluateExpression(item, scope));
    case 'object': {
      const result: Record<string, HclValue> = {};
      for (const item of expression.items) {
        const key = evaluateExpression(item.key, scope);
        if (typeof key !== 'string' && typeof key !== 'number') return unknownExpression(expression.text);
        result[String(key)] = evaluateExpression(item.value, scope);
      }
      return result;
    }
    case 'variable':
      return scope.resolve(expression.name, [], expression.text);
    case 'access':
      return evaluateAccess(expression, scope);
    case 'call':
      return evaluateCall(expression, scope);
    case 'conditional':
      return evaluateConditional(expression, scope);
    case 'binary':
      return evaluateBinary(
        expression.operator,
        evaluateExpression(expression.left, scope),
        evaluateExpression(expression.right, scope),
        expression.text,
      );
    case 'unary': {
      const operand = evaluateExpression(expression.operand, scope);
      if (expression.operator === '!' && typeof operand === 'boolean') return !operand;
      if (expression.operator === '-' && typeof operand === 'number') return -operand;
      return isUnknown(operand) ? operand : unknownExpression(expression.text);
    }
    case 'opaque':
      return unknownExpression(expression.text);
  }
}

/** Parses and evaluates source text; text the parser cannot read becomes Unknown quoting it. */
export function evaluateSource(
  source: string,
  scope: EvaluationScope,
  parse: (source: string) => Expression,
): HclValue {
  let expression: Expression;
  try {
    expression = parse(source);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return unknownExpression(source);
    throw error;
  }
  return evaluateExpression(expression, scope);
}

/**
 * Evaluates a value as hcl2json returns it: strings are templates (`"${...}"` holds an expression), lists and
 * objects are evaluated item by item, and nested blocks (lists of objects) the same way.
 */
export function evaluateParsedValue(raw: unknown, scope: EvaluationScope): HclValue {
  if (typeof raw === 'string') {
    return raw.includes('${') || raw.includes('%{') ? evaluateSource(raw, scope, parseTemplate) : raw;
  }
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw === null) return raw;
  if (Array.isArray(raw)) return raw.map((item) => evaluateParsedValue(item, scope));
  if (typeof raw === 'object') {
    const result: Record<string, HclValue> = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      result[key] = evaluateParsedValue(value, scope);
    }
    return result;
  }
  return unknownExpression(String(raw));
}
