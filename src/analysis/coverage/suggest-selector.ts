/** Quotes a value as an HCL string literal; input text is untrusted, so interpolation and quotes are escaped. */
function quoteHcl(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

function fieldBlock(field: string, operator: 'equals' | 'starts_with', value: string): string[] {
  const width = Math.max('field'.length, operator.length);
  return [
    '  field_selector {',
    `    ${'field'.padEnd(width)} = ${quoteHcl(field)}`,
    `    ${operator.padEnd(width)} = [${quoteHcl(value)}]`,
    '  }',
  ];
}

/**
 * The Terraform `advanced_event_selector` block that records the data events of a resource: its type, and when
 * its ARN is known, that ARN (for S3, every object of the bucket: the bucket ARN followed by `/`).
 */
export function suggestSelector(resource: { dataResourceType: string; arn?: string }): string {
  const lines = [
    'advanced_event_selector {',
    `  name = ${quoteHcl(`Log data events for ${resource.dataResourceType}`)}`,
    ...fieldBlock('eventCategory', 'equals', 'Data'),
    ...fieldBlock('resources.type', 'equals', resource.dataResourceType),
  ];
  if (resource.arn !== undefined && resource.arn !== '') {
    const isS3 = resource.dataResourceType === 'AWS::S3::Object';
    // A bucket ARN names no object; its objects are the bucket ARN followed by `/`.
    const arn = isS3 && !resource.arn.includes('/') ? `${resource.arn}/` : resource.arn;
    lines.push(...fieldBlock('resources.ARN', isS3 ? 'starts_with' : 'equals', arn));
  }
  lines.push('}');
  return lines.join('\n');
}
