/** A CloudFormation template as plain JSON. */
export interface GeneratedTemplate {
  readonly AWSTemplateFormatVersion: string;
  readonly Resources: Readonly<Record<string, { readonly Type: string; readonly Properties?: unknown }>>;
}

/** Builds the before and after templates of about `resources` resources each. */
export function generateTemplatePair(options: { readonly resources: number; readonly seed?: number }): {
  readonly before: GeneratedTemplate;
  readonly after: GeneratedTemplate;
};

/** Writes the pair as `before.json` and `after.json` in a directory and returns their paths. */
export function writeTemplatePair(
  dir: string,
  options: { readonly resources: number; readonly seed?: number },
): { readonly before: string; readonly after: string; readonly resources: number };
