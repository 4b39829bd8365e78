const PLACEHOLDER = /\$\{([A-Za-z0-9]+)\}/g;

/** The placeholder names of an ARN template, in order (`Partition`, `Region`, `Account`, `AgentId`, ...). */
export function listArnPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * Fills an ARN template from known parts. Returns undefined when any part is missing or empty, because a partial
 * ARN would match selectors it should not.
 */
export function buildArn(
  template: string,
  parts: Readonly<Record<string, string | undefined>>,
): string | undefined {
  let missing = false;
  const arn = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const part = parts[name];
    if (part === undefined || part === '') {
      missing = true;
      return '';
    }
    return part;
  });
  return missing ? undefined : arn;
}
