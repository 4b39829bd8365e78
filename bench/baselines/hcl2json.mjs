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
// hcl2json's Go runtime leaves a timer behind that can hold the process open for seconds after the last parse;
// the baseline is the parse, so it ends with it.
process.exit(0);
