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

async function bundle(entry, outfile, assetsRelative, hclWorker) {
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
    // Where the HCL parse worker lies relative to this bundle; without it, HCL is parsed on one thread.
    ...(hclWorker === undefined ? {} : { define: { __AAD_HCL_WORKER__: JSON.stringify(hclWorker) } }),
    plugins: [assetPathsPlugin],
    // hcl2json's Go glue requires 'performance' only where the global is missing, which Node 20 always has.
    external: ['performance'],
    logLevel: 'warning',
  });
}

/**
 * The parts of iam-data that run time reads: the service list and names, and per service its actions and resource
 * types. Condition keys and categories are never read (checked against iam-expand and src/), so they stay out.
 */
const IAM_DATA_KEPT = ['actions', 'resourceTypes', 'services.json', 'serviceNames.json'];

/**
 * Of each action, run time reads the name, the access level and the names of its resource types; descriptions,
 * condition keys and dependent actions are most of the bytes and are dropped.
 */
function slimActions(actions) {
  const slim = {};
  for (const [key, action] of Object.entries(actions)) {
    slim[key] = {
      name: action.name,
      accessLevel: action.accessLevel,
      resourceTypes: action.resourceTypes.map((type) => ({ name: type.name, required: type.required })),
    };
  }
  return slim;
}

/** Copies the iam-data files run time reads, without whitespace and without the fields it never reads. */
async function copyIamData(target) {
  const source = join(modules, '@cloud-copilot', 'iam-data', 'data');
  async function copyTree(from, to, transform) {
    const entries = await readdir(from, { withFileTypes: true });
    await mkdir(to, { recursive: true });
    for (const entry of entries) {
      if (entry.isDirectory()) await copyTree(join(from, entry.name), join(to, entry.name), transform);
      else if (entry.name.endsWith('.json')) {
        const data = JSON.parse(await readFile(join(from, entry.name), 'utf8'));
        await writeFile(join(to, entry.name), JSON.stringify(transform(data)));
      }
    }
  }
  for (const name of IAM_DATA_KEPT) {
    const from = join(source, name);
    const to = join(target, 'data', name);
    if (name.endsWith('.json')) {
      await mkdir(dirname(to), { recursive: true });
      await writeFile(to, JSON.stringify(JSON.parse(await readFile(from, 'utf8'))));
    } else await copyTree(from, to, name === 'actions' ? slimActions : (data) => data);
  }
}

await rm(dist, { recursive: true, force: true });
await bundle('src/action/index.ts', 'index.js', './assets/', './hcl-parse-worker.js');
await bundle('src/cli/index.ts', 'cli/index.js', '../assets/', '../hcl-parse-worker.js');
await bundle('src/sources/terraform-hcl/parse-worker.ts', 'hcl-parse-worker.js', './assets/');
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
