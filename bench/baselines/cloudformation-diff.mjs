// Baseline: @aws-cdk/cloudformation-diff's fullDiff alone on a pair of JSON templates, parsed with JSON.parse.
import { fullDiff } from '@aws-cdk/cloudformation-diff';
import { readFileSync } from 'node:fs';

const [before, after] = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, 'utf8')));
fullDiff(before, after);
