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

/**
 * Bundles one entry of src/ unminified, with its packages left external, to `outfile`; `define` sets the build
 * constants the entry reads (the HCL worker's path).
 */
export async function bundleSource(entry, outfile, define = {}) {
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    define,
    entryPoints: [join(root, 'src', ...entry.split('/'))],
    outfile,
  });
  return outfile;
}

/** Builds the profiling bundle and returns its path. */
export async function buildForProfile() {
  // The HCL parse worker beside the CLI, as in dist/, so that profiles see the same two threads.
  await bundleSource(
    'sources/terraform-hcl/parse-worker.ts',
    join(dirname(PROFILE_CLI), 'hcl-parse-worker.mjs'),
  );
  return bundleSource('cli/index.ts', PROFILE_CLI, {
    __AAD_HCL_WORKER__: JSON.stringify('./hcl-parse-worker.mjs'),
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await buildForProfile()}\n`);
}
