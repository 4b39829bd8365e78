/** A Terraform resource address taken apart: `module.a["k"].module.b.aws_iam_role.x[0]`. */
export interface ParsedAddress {
  /** The module instance path, with keys: `module.a["k"].module.b`, or '' for the root module. */
  readonly moduleInstance: string;
  /** The module path without instance keys: `module.a.module.b`, the form `configuration` uses. */
  readonly moduleConfig: string;
  /** The resource within its module, without its key: `aws_iam_role.x` or `data.aws_iam_policy_document.p`. */
  readonly local: string;
  /** The instance key as written (`[0]`, `["k"]`), or '' when the resource has none. */
  readonly key: string;
}

/**
 * Splits an address on the dots that separate its parts, leaving dots and brackets inside quoted keys alone
 * (`for_each` keys are arbitrary strings).
 */
function splitSegments(address: string): string[] {
  const segments: string[] = [];
  let start = 0;
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < address.length; index += 1) {
    const char = address[index];
    if (quoted) {
      if (char === '\\') index += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === '.' && depth === 0) {
      segments.push(address.slice(start, index));
      start = index + 1;
    }
  }
  segments.push(address.slice(start));
  return segments;
}

/** Splits one segment into its name and its instance key (`x[0]` -> `x`, `[0]`). */
function splitKey(segment: string): [string, string] {
  const bracket = segment.indexOf('[');
  return bracket < 0 ? [segment, ''] : [segment.slice(0, bracket), segment.slice(bracket)];
}

/** Parses a resource address of `resource_changes`, `prior_state` or a reference. */
export function parseAddress(address: string): ParsedAddress {
  const segments = splitSegments(address);
  const instance: string[] = [];
  const config: string[] = [];
  let index = 0;
  while (segments[index] === 'module' && index + 1 < segments.length - 1) {
    const [name] = splitKey(segments[index + 1] ?? '');
    instance.push(`module.${segments[index + 1] ?? ''}`);
    config.push(`module.${name}`);
    index += 2;
  }
  const rest = segments.slice(index);
  const last = rest.pop() ?? '';
  const [name, key] = splitKey(last);
  return {
    moduleInstance: instance.join('.'),
    moduleConfig: config.join('.'),
    local: [...rest, name].join('.'),
    key,
  };
}

/** Joins a module path and a local address. */
export function joinAddress(modulePath: string, local: string): string {
  return modulePath === '' ? local : `${modulePath}.${local}`;
}
