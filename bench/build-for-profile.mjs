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
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  };
  // The HCL parse worker beside the CLI, as in dist/, so that profiles see the same two threads.
  await build({
    ...common,
    entryPoints: [join(root, 'src', 'sources', 'terraform-hcl', 'parse-worker.ts')],
    outfile: join(dirname(PROFILE_CLI), 'hcl-parse-worker.mjs'),
  });
  await build({
    ...common,
    define: { __AAD_HCL_WORKER__: JSON.stringify('./hcl-parse-worker.mjs') },
    entryPoints: [join(root, 'src', 'cli', 'index.ts')],
    outfile: PROFILE_CLI,
  });
  return PROFILE_CLI;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await buildForProfile()}\n`);
}
