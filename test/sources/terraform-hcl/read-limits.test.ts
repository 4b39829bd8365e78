import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/sources/input-error.js';
import { terraformHclSource } from '../../../src/sources/terraform-hcl.js';
import { makeHclDirectory } from '../../support/hcl-directory.js';

const BUCKET = 'resource "aws_s3_bucket" "docs" {\n  bucket = "docs"\n}\n';

async function loadDirectory(write: (root: string) => Promise<void>, maxInputBytes = 1e9) {
  const directory = await makeHclDirectory({
    'infra/providers.tf': 'provider "aws" {\n  region = "us-east-1"\n}\n',
  });
  try {
    await write(join(directory.root, 'infra'));
    return await terraformHclSource.load(
      { before: null, after: join(directory.root, 'infra'), idPrefix: '' },
      { cwd: directory.root, maxInputBytes },
    );
  } finally {
    await directory.remove();
  }
}

describe('.tf files inside a directory are read like every other input', () => {
  it('decodes a UTF-16 file with a byte-order mark', async () => {
    const loaded = await loadDirectory((dir) =>
      writeFile(
        join(dir, 'main.tf'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BUCKET, 'utf16le')]),
      ),
    );
    expect(loaded.after.resources.map((resource) => resource.id)).toContain('aws_s3_bucket.docs');
  });

  it('refuses a file over the size limit, naming it', async () => {
    const error = await loadDirectory(
      (dir) => writeFile(join(dir, 'main.tf'), BUCKET.repeat(100)),
      1000,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toMatch(/infra\/main\.tf$/);
    expect((error as InputError).message).toMatch(/larger than the limit/);
  });
});
