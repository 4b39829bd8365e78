// Bundles the action and the CLI with esbuild, and copies the data files their dependencies read at run time
// beside the bundles, so that dist/ runs with no node_modules and no network.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdir } from 'node:fs/promises';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const modules = join(root, 'node_modules');

/** Rewrites the places where dependencies locate their data files relative to their own source file. */
const assetPathsPlugin = {
  name: 'asset-paths',
  setup(pluginBuild) {
    const rewrites = [
      {
        filter: /iam-data[\\/]dist[\\/]esm[\\/]readRelativeFile\.js$/,
        from: "resolvedRoot = new URL('../../', root).href;",
        to: "resolvedRoot = __aadAssetUrl('iam-data/');",
      },
      {
        filter: /hcl2json[\\/]lib[\\/]bridge\.js$/,
        from: '(0, path_1.join)(__dirname, "..", "main.wasm.gz")',
        to: '(0, path_1.join)(__aadAssetDir, "hcl2json", "main.wasm.gz")',
      },
      {
        filter: /aws-service-spec[\\/]lib[\\/]index\.js$/,
        from: "path.join(__dirname, '..', DB_COMPRESSED)",
        to: "path.join(__aadAssetDir, 'service-spec', DB_COMPRESSED)",
      },
    ];
    for (const rewrite of rewrites) {
      pluginBuild.onLoad({ filter: rewrite.filter }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(rewrite.from)) {
          throw new Error(
            `asset-paths: ${args.path} no longer contains the expected code; update scripts/build.mjs`,
          );
        }
        return { contents: source.replace(rewrite.from, rewrite.to), loader: 'js' };
      });
    }
  },
};

function banner(assetsRelative) {
  return [
    "import { createRequire as __aadCreateRequire } from 'node:module';",
    "import { fileURLToPath as __aadFileURLToPath } from 'node:url';",
    "import { dirname as __aadDirname } from 'node:path';",
    'const require = __aadCreateRequire(import.meta.url);',
    'const __filename = __aadFileURLToPath(import.meta.url);',
    'const __dirname = __aadDirname(__filename);',
    `const __aadAssetUrl = (path) => new URL('${assetsRelative}' + path, import.meta.url).href;`,
    `const __aadAssetDir = __aadFileURLToPath(new URL('${assetsRelative}', import.meta.url));`,
  ].join('\n');
}

async function bundle(entry, outfile, assetsRelative) {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(dist, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    keepNames: true,
    legalComments: 'linked',
    banner: { js: banner(assetsRelative) },
    plugins: [assetPathsPlugin],
    // hcl2json's Go glue requires 'performance' only where the global is missing, which Node 20 always has.
    external: ['performance'],
    logLevel: 'warning',
  });
}

/** Copies iam-data's JSON without whitespace: the same data in a third of the bytes. */
async function copyIamData(target) {
  const source = join(modules, '@cloud-copilot', 'iam-data', 'data');
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const from = join(dir, entry.name);
      const to = join(target, 'data', from.slice(source.length + 1));
      if (entry.isDirectory()) {
        await mkdir(to, { recursive: true });
        await walk(from);
      } else if (entry.name.endsWith('.json')) {
        await writeFile(to, JSON.stringify(JSON.parse(await readFile(from, 'utf8'))));
      }
    }
  }
  await mkdir(join(target, 'data'), { recursive: true });
  await walk(source);
}

await rm(dist, { recursive: true, force: true });
await bundle('src/action/index.ts', 'index.js', './assets/');
await bundle('src/cli/index.ts', 'cli/index.js', '../assets/');
const assets = join(dist, 'assets');
await copyIamData(join(assets, 'iam-data'));
await mkdir(join(assets, 'hcl2json'), { recursive: true });
await cp(join(modules, '@cdktf', 'hcl2json', 'main.wasm.gz'), join(assets, 'hcl2json', 'main.wasm.gz'));
await mkdir(join(assets, 'service-spec'), { recursive: true });
await cp(
  join(modules, '@aws-cdk', 'aws-service-spec', 'db.json.gz'),
  join(assets, 'service-spec', 'db.json.gz'),
);
await writeFile(join(dist, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
