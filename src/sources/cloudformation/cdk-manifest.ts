import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../input-error.js';
import { readInputText, type ReadLimits } from '../read-input.js';
import { parseJsonWithLines } from './parse-json.js';
import { isTemplateObject } from './parse-template.js';
import { SourceMap } from './source-map.js';

/** One CloudFormation stack of a cloud assembly, as its manifest lists it. */
export interface AssemblyStack {
  /** The deployed stack name (`properties.stackName`, else the artifact id). */
  readonly stack: string;
  /** The template file relative to the assembly directory. */
  readonly templateFile: string;
  /** Pseudo parameters the artifact's environment pins (`aws://123456789012/eu-west-1`). */
  readonly environment: Readonly<Record<string, string>>;
}

/** Deepest chain of nested assemblies (CDK stages) followed; a manifest that points at itself stops here. */
const MAX_ASSEMBLY_DEPTH = 8;

/** Joins a path from an untrusted manifest onto the assembly directory, refusing any that leaves it. */
export function insideAssembly(root: string, path: string, shown: string): string {
  const joined = resolve(root, path);
  const back = relative(root, joined);
  if (back.startsWith('..') || isAbsolute(back)) {
    throw new InputError(
      shown,
      `manifest.json points outside the cdk.out directory (${path})`,
      undefined,
      'cdk-assembly',
    );
  }
  return joined;
}

function environmentOf(value: unknown): Record<string, string> {
  if (typeof value !== 'string') return {};
  const match = /^aws:\/\/([^/]+)\/(.+)$/.exec(value);
  if (match === null) return {};
  const pseudo: Record<string, string> = {};
  if (match[1] !== undefined && /^\d{12}$/.test(match[1])) pseudo['AWS::AccountId'] = match[1];
  if (match[2] !== undefined && match[2] !== 'unknown-region') pseudo['AWS::Region'] = match[2];
  return pseudo;
}

async function readManifest(
  root: string,
  shown: string,
  limits: ReadLimits,
): Promise<Record<string, unknown>> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch {
    throw new InputError(shown, 'does not exist', undefined, 'cdk-assembly');
  }
  if (!isDirectory) throw new InputError(shown, 'is not a cdk.out directory', undefined, 'cdk-assembly');
  const manifestPath = join(root, 'manifest.json');
  try {
    await stat(manifestPath);
  } catch {
    throw new InputError(shown, 'not a cdk.out directory (no manifest.json)', undefined, 'cdk-assembly');
  }
  const manifestShown = `${shown}/manifest.json`;
  const text = await readInputText(manifestPath, manifestShown, limits);
  let manifest: unknown;
  try {
    manifest = parseJsonWithLines(text, manifestShown, new SourceMap());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(manifestShown, error.message, error.line, 'cdk-assembly');
  }
  if (!isTemplateObject(manifest)) {
    throw new InputError(manifestShown, 'is not a cloud assembly manifest', undefined, 'cdk-assembly');
  }
  return manifest;
}

/**
 * Lists the CloudFormation stacks of a cdk.out directory, following nested assemblies (stages) into their
 * subdirectories. Template paths are relative to `root`.
 */
export async function listAssemblyStacks(
  root: string,
  shown: string,
  limits: ReadLimits,
  prefix = '',
  depth = 0,
): Promise<AssemblyStack[]> {
  const manifest = await readManifest(
    join(root, prefix),
    prefix === '' ? shown : `${shown}/${prefix}`,
    limits,
  );
  const artifacts = isTemplateObject(manifest.artifacts) ? manifest.artifacts : {};
  const stacks: AssemblyStack[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (!isTemplateObject(artifact)) continue;
    const properties = isTemplateObject(artifact.properties) ? artifact.properties : {};
    if (artifact.type === 'aws:cloudformation:stack' && typeof properties.templateFile === 'string') {
      const templateFile = join(prefix, properties.templateFile);
      insideAssembly(root, templateFile, shown);
      stacks.push({
        stack: typeof properties.stackName === 'string' ? properties.stackName : artifactId,
        templateFile,
        environment: environmentOf(artifact.environment),
      });
    } else if (
      artifact.type === 'cdk:cloud-assembly' &&
      typeof properties.directoryName === 'string' &&
      depth < MAX_ASSEMBLY_DEPTH
    ) {
      const nested = join(prefix, properties.directoryName);
      insideAssembly(root, nested, shown);
      stacks.push(...(await listAssemblyStacks(root, shown, limits, nested, depth + 1)));
    }
  }
  return stacks;
}
