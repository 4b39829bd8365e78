import { basename, extname, isAbsolute, join } from 'node:path';
import type { LoadedInput } from '../model/snapshot.js';
import { unknownValue, type Maybe } from '../model/unknown.js';
import { loadTemplatePair } from './cloudformation/template-pair.js';
import { parseTemplate, type ParsedTemplate } from './cloudformation/parse-template.js';
import { displayPath } from './display-path.js';
import { readInputText } from './read-input.js';
import type { InputSource, PairSpec, SourceContext } from './source.js';

/** Settings of the template sources that the template itself cannot tell. */
export interface CloudFormationOptions {
  /**
   * Values of pseudo parameters (`AWS::Region`, `AWS::AccountId`, `AWS::Partition`, ...). Unset ones are Unknown
   * on their own and symbolic inside `Fn::Sub` and `Fn::Join`.
   */
  readonly pseudoParameters?: Readonly<Record<string, string>>;
}

/** The stack name of a template file: its base name without extension, so `old/app.yaml` pairs with `app.yaml`. */
export function stackNameOf(path: string): string {
  const name = basename(path);
  const extension = extname(name);
  return extension === '' ? name : name.slice(0, -extension.length);
}

/** The region and account of resources whose template does not pin them, from the configured pseudo parameters. */
export function environmentOf(pseudo: Readonly<Record<string, string>>): {
  region: Maybe<string>;
  account: Maybe<string>;
} {
  return {
    region: pseudo['AWS::Region'] ?? unknownValue('the region is chosen when the stack is deployed'),
    account: pseudo['AWS::AccountId'] ?? unknownValue('the account is chosen when the stack is deployed'),
  };
}

/**
 * CloudFormation templates (JSON or YAML): reads the before and after file, resolves intrinsics where the answer
 * is certain, and derives each resource's change action from `@aws-cdk/cloudformation-diff`.
 */
export class CloudFormationSource implements InputSource {
  readonly format = 'cloudformation' as const;
  private readonly pseudoParameters: Readonly<Record<string, string>>;

  constructor(options: CloudFormationOptions = {}) {
    this.pseudoParameters = options.pseudoParameters ?? {};
  }

  /** Loads a pair of template files; a null side is an absent file, read as an empty stack. */
  async load(spec: PairSpec, context: SourceContext): Promise<LoadedInput> {
    const absolute = (path: string): string => (isAbsolute(path) ? path : join(context.cwd, path));
    const read = async (path: string | null, shown: string | undefined): Promise<ParsedTemplate | null> => {
      if (path === null) return null;
      const file = shown ?? displayPath(path, context.cwd);
      const text = await readInputText(absolute(path), file, context);
      return parseTemplate(text, file);
    };
    const after = await read(spec.after, undefined);
    const before = await read(spec.before, spec.beforeDisplayPath);
    const named = spec.after ?? spec.before;
    const environment = environmentOf(this.pseudoParameters);
    const loaded = loadTemplatePair(
      { before, after, stack: named === null ? 'template' : stackNameOf(named) },
      { idPrefix: spec.idPrefix, pseudoParameters: this.pseudoParameters, ...environment },
    );
    return {
      path: after?.file ?? before?.file ?? '',
      format: this.format,
      before: loaded.before,
      after: loaded.after,
      changes: loaded.changes,
      region: environment.region,
      account: environment.account,
      notes: loaded.notes,
    };
  }
}
