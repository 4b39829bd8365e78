// Baseline: @cdktf/hcl2json's parse alone over every .tf file of a directory.
import { parse } from '@cdktf/hcl2json';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
for (const name of readdirSync(dir)
  .filter((file) => file.endsWith('.tf'))
  .sort()) {
  await parse(name, readFileSync(join(dir, name), 'utf8'));
}
