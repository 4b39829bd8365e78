import { createRequire as __aadCreateRequire } from 'node:module';
import { fileURLToPath as __aadFileURLToPath } from 'node:url';
import { dirname as __aadDirname } from 'node:path';
const require = __aadCreateRequire(import.meta.url);
const __filename = __aadFileURLToPath(import.meta.url);
const __dirname = __aadDirname(__filename);
const __aadAssetUrl = (path) => new URL('../assets/' + path, import.meta.url).href;
const __aadAssetDir = __aadFileURLToPath(new URL('../assets/', import.meta.url));
process.stdout.write(`ai-access-diff: the command-line interface is being assembled.
`);
