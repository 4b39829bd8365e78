import { open, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { InputFormat } from '../model/resource.js';
import { InputError } from './input-error.js';
import { byteOrderMark, describeFailure } from './read-input.js';

/** How much of a file is read to tell its format: enough for any plan's or template's opening keys. */
const SNIFF_BYTES = 16 * 1024;

const EXPECTED =
  'expected a Terraform plan (terraform show -json), a CloudFormation template, a directory of .tf files, ' +
  'or a cdk.out directory';

const PLAN_KEYS = /"(resource_changes|planned_values|terraform_version|prior_state)"\s*:/;
const TEMPLATE_JSON_KEYS = /"(Resources|AWSTemplateFormatVersion)"\s*:/;
// Top-level keys may be indented: a YAML document can nest everything under a common indent.
const TEMPLATE_YAML_KEYS = /^[ \t]*(Resources|AWSTemplateFormatVersion)[ \t]*:/m;

/** Decodes the start of a file: UTF-8, or UTF-16 with a byte-order mark (plans redirected by PowerShell). */
function decodeStart(bytes: Buffer): string | null {
  const mark = byteOrderMark(bytes);
  // The start may end inside a character; the lenient decoder replaces it, which tells no key apart.
  if (mark !== undefined && mark.encoding !== 'utf-8') {
    return new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length));
  }
  if (bytes.includes(0)) return null;
  return bytes.subarray(mark?.length ?? 0).toString('utf8');
}

async function readStart(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Tells a file's format from its first kilobytes. */
function classifyText(text: string): InputFormat | null {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    // `format_version` usually leads, but key order is not guaranteed, so any plan key in the opening is enough.
    if (PLAN_KEYS.test(text)) return 'terraform-plan';
    if (TEMPLATE_JSON_KEYS.test(text)) return 'cloudformation';
    return null;
  }
  return TEMPLATE_YAML_KEYS.test(text) ? 'cloudformation' : null;
}

async function classifyDirectory(path: string, shown: string): Promise<InputFormat> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    throw new InputError(shown, `${describeFailure(error)}; ${EXPECTED}`);
  }
  if (names.includes('manifest.json')) return 'cdk-assembly';
  if (names.some((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))) return 'terraform-hcl';
  throw new InputError(
    shown,
    `is a directory with neither .tf files nor a cdk.out manifest.json; ${EXPECTED}`,
  );
}

/**
 * Tells an input's format by its content: a plan (`format_version` with plan keys), a CloudFormation template
 * (`Resources` or `AWSTemplateFormatVersion`, JSON or YAML), a directory of `.tf` files, or a `cdk.out` directory.
 * Throws InputError, naming what was expected, for anything else.
 */
export async function detectFormat(path: string): Promise<InputFormat> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(path, `${describeFailure(error)}; ${EXPECTED}`);
  }
  if (info.isDirectory()) return classifyDirectory(path, path);
  if (!info.isFile()) throw new InputError(path, `is not a regular file or directory; ${EXPECTED}`);
  let start: Buffer;
  try {
    start = await readStart(path);
  } catch (error) {
    throw new InputError(path, `${describeFailure(error)}; ${EXPECTED}`);
  }
  const text = decodeStart(start);
  if (text === null) throw new InputError(path, `is a binary file; ${EXPECTED}`);
  // A lone .tf file is HCL whatever it declares; the HCL source reads it on its own.
  const format = path.endsWith('.tf') ? 'terraform-hcl' : classifyText(text);
  if (format === null) throw new InputError(path, `is not a format this tool reads; ${EXPECTED}`);
  return format;
}
