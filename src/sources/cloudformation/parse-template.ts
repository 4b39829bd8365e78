import { InputError } from '../input-error.js';
import { parseJsonWithLines } from './parse-json.js';
import { parseYamlWithLines } from './parse-yaml.js';
import { SourceMap } from './source-map.js';

/** A plain JSON object as parsed from a template. */
export type TemplateObject = Record<string, unknown>;

/** A CloudFormation template as parsed, with the lines of its keys. */
export interface ParsedTemplate {
  /** The path shown in messages and locations. */
  readonly file: string;
  /** The whole document, as `@aws-cdk/cloudformation-diff` takes it. */
  readonly body: TemplateObject;
  readonly resources: TemplateObject;
  readonly parameters: TemplateObject;
  readonly mappings: TemplateObject;
  readonly conditions: TemplateObject;
  readonly map: SourceMap;
}

/** Tells a JSON object apart from arrays, null and scalars. */
export function isTemplateObject(value: unknown): value is TemplateObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseText(text: string, file: string, map: SourceMap): unknown {
  if (
    !text
      .trimStart()
      .replace(/^\uFEFF/, '')
      .startsWith('{')
  )
    return parseYamlWithLines(text, file, map);
  try {
    return parseJsonWithLines(text, file, map);
  } catch (jsonError) {
    // A YAML flow mapping also starts with '{'; only when both readers fail is the JSON message the useful one.
    try {
      return parseYamlWithLines(text, file, map);
    } catch {
      throw jsonError;
    }
  }
}

function section(body: TemplateObject, name: string, file: string, map: SourceMap): TemplateObject {
  const value = body[name];
  if (value === undefined || value === null) return {};
  if (!isTemplateObject(value)) {
    throw new InputError(
      file,
      `the ${name} section is not a mapping`,
      map.lineOfKey(body, name),
      'cloudformation',
    );
  }
  return value;
}

/**
 * Parses a CloudFormation template written in JSON or YAML. Anything that is not a template (a Terraform plan, an
 * unrelated YAML file) gives an InputError rather than an empty result.
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  const map = new SourceMap();
  const body = parseText(text, file, map);
  if (
    !isTemplateObject(body) ||
    (!isTemplateObject(body.Resources) && body.AWSTemplateFormatVersion === undefined)
  ) {
    throw new InputError(
      file,
      'not a CloudFormation template (no Resources section)',
      undefined,
      'cloudformation',
    );
  }
  return {
    file,
    body,
    resources: section(body, 'Resources', file, map),
    parameters: section(body, 'Parameters', file, map),
    mappings: section(body, 'Mappings', file, map),
    conditions: section(body, 'Conditions', file, map),
    map,
  };
}
