// Baseline: @streamparser/json alone, emitting every entry of resource_changes from a plan read as a stream, as a
// streaming reader built on it would have to before any analysis.
import { JSONParser } from '@streamparser/json';
import { createReadStream } from 'node:fs';

const [path] = process.argv.slice(2);
const parser = new JSONParser({ paths: ['$.resource_changes.*'], keepStack: false });
let entries = 0;
parser.onValue = () => {
  entries += 1;
};
await new Promise((resolve, reject) => {
  const stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 });
  stream.on('data', (chunk) => parser.write(chunk));
  stream.on('end', resolve);
  stream.on('error', reject);
});
process.stdout.write(`${entries}\n`);
