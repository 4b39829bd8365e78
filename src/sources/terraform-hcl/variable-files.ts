import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputNote } from '../../model/snapshot.js';
import { unknownValue } from '../../model/unknown.js';
import { evaluateParsedValue, type EvaluationScope } from './evaluator.js';
import { equalKnownValues, unknownExpression, type HclValue } from './hcl-value.js';
import { parseHclFile } from './parse-file.js';

/** Variable files may not refer to anything: they hold literal values (and function calls on them). */
const LITERAL_SCOPE: EvaluationScope = {
  resolve: (_root, _steps, text) => unknownExpression(text),
  readFile: (path) => unknownValue(`file("${path}") in a variable file`),
};

function isAutoLoaded(name: string): boolean {
  return /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name);
}

async function readValues(directory: string, name: string): Promise<Map<string, HclValue>> {
  const text = await readFile(join(directory, name), 'utf8');
  const parsed: Readonly<Record<string, unknown>> = name.endsWith('.json')
    ? (JSON.parse(text) as Record<string, unknown>)
    : await parseHclFile(text, name);
  const values = new Map<string, HclValue>();
  for (const [key, raw] of Object.entries(parsed)) values.set(key, evaluateParsedValue(raw, LITERAL_SCOPE));
  return values;
}

/**
 * The variable values a root module directory gives itself. `terraform.tfvars` and `*.auto.tfvars` apply as
 * Terraform applies them (later files win). Other `*.tfvars` files are passed with `-var-file` in practice, so
 * they apply too, over the automatic ones; where two of them disagree, the value is Unknown because the run that
 * matters cannot be told.
 */
export async function readVariableFiles(
  directory: string,
  notes: InputNote[],
): Promise<Map<string, HclValue>> {
  const names = (await readdir(directory)).filter((name) => /\.tfvars(\.json)?$/.test(name)).sort();
  const automatic = names
    .filter(isAutoLoaded)
    .sort((left, right) => Number(!left.startsWith('terraform.')) - Number(!right.startsWith('terraform.')));
  const explicit = names.filter((name) => !isAutoLoaded(name));
  const values = new Map<string, HclValue>();
  for (const name of automatic) {
    for (const [key, value] of await readValues(directory, name)) values.set(key, value);
  }
  const fromExplicit = new Map<string, { value: HclValue; file: string }>();
  for (const name of explicit) {
    for (const [key, value] of await readValues(directory, name)) {
      const earlier = fromExplicit.get(key);
      if (earlier !== undefined && !equalKnownValues(earlier.value, value)) {
        fromExplicit.set(key, {
          value: unknownValue(`var.${key} differs between ${earlier.file} and ${name}`),
          file: earlier.file,
        });
      } else if (earlier === undefined) {
        fromExplicit.set(key, { value, file: name });
      }
    }
  }
  for (const [key, { value }] of fromExplicit) values.set(key, value);
  if (explicit.length > 0) {
    notes.push({ message: `variable values read from ${explicit.join(', ')} as if passed with -var-file` });
  }
  return values;
}
