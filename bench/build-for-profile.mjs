// Bundles the CLI without minifying and with its packages left external, so that a CPU profile names our own
// functions. The bundle goes under node_modules/.cache so that the packages resolve from node_modules.
//
// Usage: node bench/build-for-profile.mjs   then   node --cpu-prof node_modules/.cache/ai-access-diff-profile/cli.mjs ...
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The path of the profiling bundle of the CLI. */
export const PROFILE_CLI = join(root, 'node_modules', '.cache', 'ai-access-diff-profile', 'cli.mjs');

/** Builds the profiling bundle and returns its path. */
export async function buildForProfile() {
  await build({
    entryPoints: [join(root, 'src', 'cli', 'index.ts')],
    outfile: PROFILE_CLI,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return PROFILE_CLI;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await buildForProfile()}\n`);
}
