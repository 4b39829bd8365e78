import type { Config } from '../config/schema.js';
import type { InputFormat } from '../model/resource.js';
import { CdkAssemblySource } from './cdk-assembly.js';
import { CloudFormationSource } from './cloudformation.js';
import type { InputSource } from './source.js';
import { terraformHclSource } from './terraform-hcl.js';
import { terraformPlanSource } from './terraform-plan.js';

type SourceFactory = (config: Config) => InputSource;

/** One loader per input format. */
const SOURCES: ReadonlyMap<InputFormat, SourceFactory> = new Map<InputFormat, SourceFactory>([
  ['terraform-plan', () => terraformPlanSource],
  ['terraform-hcl', () => terraformHclSource],
  [
    'cloudformation',
    (config) => new CloudFormationSource({ pseudoParameters: config.cloudFormation.pseudoParameters }),
  ],
  [
    'cdk-assembly',
    (config) => new CdkAssemblySource({ pseudoParameters: config.cloudFormation.pseudoParameters }),
  ],
]);

/** The loader of a format, set up from the config. */
export function sourceFor(format: InputFormat, config: Config): InputSource {
  const factory = SOURCES.get(format);
  if (!factory) throw new Error(`no loader for the ${format} format`);
  return factory(config);
}
