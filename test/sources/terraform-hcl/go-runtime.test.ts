// hcl2json's Go runtime is started with a collector setting of its own; the parse must be what it was.
import { describe, expect, it } from 'vitest';
import { HCL_PARSER_GOGC, parseHclFile } from '../../../src/sources/terraform-hcl/parse-file.js';

describe('the Go runtime of hcl2json', () => {
  it('is built from a class that passes GOGC, and parses as before', async () => {
    const body = await parseHclFile('resource "aws_s3_bucket" "docs" {\n  bucket = "docs"\n}\n', 'main.tf');
    expect(body).toEqual({ resource: { aws_s3_bucket: { docs: [{ bucket: 'docs' }] } } });
    const Runtime = (globalThis as { Go?: new () => { env: Record<string, string> } }).Go;
    expect(Runtime).toBeDefined();
    expect(new Runtime!().env).toEqual({ GOGC: HCL_PARSER_GOGC });
  });
});
