import type { PolicyDocument } from '../../model/iam.js';
import type { SourceLocation } from '../../model/location.js';
import type { Unknown } from '../../model/unknown.js';
import { parsePolicyDocument } from '../policy-document.js';
import { intrinsicName } from './intrinsics.js';
import { isTemplateObject } from './parse-template.js';
import { NO_VALUE, type ResolvedValue } from './resolved-value.js';
import type { ExtractionContext } from './resource-entry.js';

/**
 * Reads a policy document as written in a template, resolving intrinsics first and giving each statement the line
 * it was written on. Statements are resolved one by one so that one dropped by `AWS::NoValue` does not shift the
 * lines of the others.
 */
export function readPolicyDocument(
  raw: unknown,
  context: ExtractionContext,
  fallbackLine?: number,
): PolicyDocument | Unknown {
  const { resolver, map, file } = context;
  const fallback: SourceLocation = fallbackLine === undefined ? { file } : { file, line: fallbackLine };
  if (!isTemplateObject(raw) || intrinsicName(raw) !== undefined) {
    const resolved = resolver.resolve(raw);
    return parsePolicyDocument(resolved === NO_VALUE ? null : resolved, () => fallback);
  }
  const rawStatements = raw.Statement;
  const written = Array.isArray(rawStatements)
    ? rawStatements
    : isTemplateObject(rawStatements) && intrinsicName(rawStatements) === undefined
      ? [rawStatements]
      : undefined;
  const document: Record<string, ResolvedValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'Statement' && written !== undefined) continue;
    const resolved = resolver.resolve(value);
    if (resolved !== NO_VALUE) document[key] = resolved;
  }
  const lines: (number | undefined)[] = [];
  if (written !== undefined) {
    const statements: ResolvedValue[] = [];
    for (const statement of written) {
      const resolved = resolver.resolve(statement);
      if (resolved === NO_VALUE) continue;
      statements.push(resolved);
      lines.push(map.lineOfObject(statement));
    }
    document.Statement = statements;
  }
  return parsePolicyDocument(document, (index) => {
    const line = lines[index];
    return line === undefined ? fallback : { file, line };
  });
}
