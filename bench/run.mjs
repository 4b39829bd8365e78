// The benchmark: generates large inputs in a temporary directory, runs the built CLI and the baselines on them as
// child processes, and prints a table of medians, ratios, peak memory and goals. It also writes the table as JSON
// to bench/results/latest.json. It builds nothing: run `npm run build` first so that dist/ is current.
//
// Usage: node bench/run.mjs [--runs N] [--quick] [--skip-1gb] [--only NAME,...] [--keep] [--npm-ci]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { apparentSize } from './dir-size.mjs';
import { writeTemplatePair } from './generate/cloudformation.mjs';
import { writeHclTree } from './generate/terraform-hcl.mjs';
import { writePlanOfUnits, writeTerraformPlan } from './generate/terraform-plan.mjs';
import { describeMachine } from './machine.mjs';
import { measureInterleaved, measureRuns } from './measure.mjs';
import { formatTable } from './results-table.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI = join(root, 'dist', 'cli', 'index.js');
const ACTION = join(root, 'dist', 'index.js');
const MB = 1_000_000;

function parseOptions(argv) {
  const options = { runs: 5, quick: false, skip1gb: false, only: null, keep: false, npmCi: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--runs') options.runs = Number(argv[++index]);
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--skip-1gb') options.skip1gb = true;
    else if (arg === '--only') options.only = new Set(String(argv[++index]).split(','));
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--npm-ci') options.npmCi = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs needs a positive integer');
  return options;
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

const seconds = (ms) => Math.round(ms) / 1000;
const megabytes = (bytes) => Math.round(bytes / 100_000) / 10;

/** A row of the results: our median against a baseline's, or against a fixed goal. */
function row(work, fields) {
  return { work, ...fields };
}

/** A row whose goal is at most 1.5 times a baseline measured in the same run. */
function againstBaseline(work, ours, base, baseline, detail) {
  const ratio = ours.wallMs / base.wallMs;
  return row(work, {
    oursS: seconds(ours.wallMs),
    baselineS: seconds(base.wallMs),
    baseline,
    ratio: Math.round(ratio * 100) / 100,
    cpuRatio: Math.round((ours.cpuMs / base.cpuMs) * 100) / 100,
    peakRssMb: megabytes(ours.maxRssBytes),
    goal: '<= 1.5x',
    pass: analysed(ours) && ratio <= 1.5,
    detail: { ours, baseline: base, ...detail },
  });
}

/** The CLI's arguments for analysing a plan into a JSON report in the scratch directory. */
const planCommand = (path, context) => [
  CLI,
  '--plan',
  path,
  '--format',
  'json',
  '--output',
  join(context.scratch, 'report.json'),
];

/** Runs the CLI on a plan; an exit code of 0 or 1 is a verdict, anything else a failure to analyse. */
function analysePlan(path, context, runs) {
  return measureRuns(planCommand(path, context), context, runs);
}

/** Runs the CLI on a plan and the baseline, `JSON.parse` of the same file, in turns. */
function analysePlanAgainstParse(path, context, runs) {
  const [ours, base] = measureInterleaved(
    [
      planCommand(path, context),
      ['-e', "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))", path],
    ],
    context,
    runs,
  );
  return { ours, base };
}

const analysed = (measurement) => measurement.statuses.every((status) => status === 0 || status === 1);

function planItems(context, options, results) {
  const sizes = options.quick ? [2, 5, 10] : [10, 50, 100];
  const perThousand = [];
  for (const size of sizes) {
    const path = join(context.scratch, `plan-${size}mb.json`);
    log(`generating a ${size} MB plan`);
    const stats = writeTerraformPlan(path, { targetBytes: size * MB });
    const largest = size === sizes.at(-1);
    // Large plans take long enough that three runs give a stable median.
    const runs = Math.min(options.runs, 3);
    log(
      `  ${stats.resourceChanges} resource changes, ${stats.roles} roles, ${stats.aiResources} AI resources`,
    );
    const { ours, base } = analysePlanAgainstParse(path, context, runs);
    perThousand.push({ size, stats, ours, msPer1000: (ours.wallMs / stats.resourceChanges) * 1000 });
    if (!largest) continue;
    const ratio = ours.wallMs / base.wallMs;
    const rssRatio = ours.maxRssBytes / stats.bytes;
    results.push(
      row(`Terraform plan, ${size} MB (${stats.resourceChanges} changes, ${stats.roles} roles)`, {
        oursS: seconds(ours.wallMs),
        baselineS: seconds(base.wallMs),
        baseline: 'node -e JSON.parse',
        ratio: Math.round(ratio * 100) / 100,
        cpuRatio: Math.round((ours.cpuMs / base.cpuMs) * 100) / 100,
        peakRssMb: megabytes(ours.maxRssBytes),
        goal: `<= 1.5x; RSS <= 4x file (${megabytes(stats.bytes * 4)} MB)`,
        pass: analysed(ours) && ratio <= 1.5 && rssRatio <= 4,
        detail: { stats, ours, baseline: base, rssPerFileByte: Math.round(rssRatio * 100) / 100 },
      }),
    );
    const guard = measureRuns(
      [CLI, '--plan', path, '--format', 'json', '--max-input-size', '1MB'],
      context,
      options.runs,
    );
    results.push(
      row(`--max-input-size 1MB on the ${size} MB plan`, {
        oursS: seconds(guard.wallMs),
        peakRssMb: megabytes(guard.maxRssBytes),
        goal: 'clear message, exit 2, no read (< 300 ms)',
        pass:
          guard.statuses.every((status) => status === 2) &&
          /larger than the limit/.test(guard.stderr) &&
          guard.wallMs < 300,
        detail: { stderr: guard.stderr.trim().split('\n')[0], statuses: guard.statuses },
      }),
    );
  }
  // The fixed cost of a run (starting Node, loading the bundle and the IAM data, writing a report) measured in the
  // same run on a plan of one module instance; what is left is the time that grows with the plan.
  const smallPath = join(context.scratch, 'plan-one-module.json');
  writePlanOfUnits(smallPath, 1);
  const fixed = analysePlan(smallPath, context, Math.min(options.runs, 5));
  for (const item of perThousand) {
    item.marginalPer1000 = ((item.ours.wallMs - fixed.wallMs) / item.stats.resourceChanges) * 1000;
  }
  const spreadOf = (values) => Math.max(...values) / Math.min(...values);
  const spread = spreadOf(perThousand.map((item) => item.msPer1000));
  const marginalSpread = spreadOf(perThousand.map((item) => item.marginalPer1000));
  const warm = warmPerThousand(smallPath, perThousand, context);
  results.push(
    row('Scaling: ms per 1,000 resource changes', {
      oursS: null,
      measured:
        perThousand.map((item) => `${item.size} MB: ${Math.round(item.msPer1000)}`).join(', ') +
        `; less the fixed ${seconds(fixed.wallMs)} s of a one-module plan: ` +
        perThousand.map((item) => `${item.size} MB: ${Math.round(item.marginalPer1000)}`).join(', ') +
        (warm === undefined
          ? ''
          : '; in one process after warming up (not judged), the same: ' +
            warm.sizes.map((item) => `${item.size} MB: ${Math.round(item.per1000)}`).join(', ') +
            ` (${Math.round(warm.spread * 100) / 100}x)`),
      ratio: Math.round(marginalSpread * 100) / 100,
      goal: 'max/min <= 1.2 (of the time beyond the fixed cost)',
      pass: marginalSpread <= 1.2 && perThousand.every((item) => analysed(item.ours)) && analysed(fixed),
      detail: {
        fixedWallMs: Math.round(fixed.wallMs),
        rawSpread: Math.round(spread * 100) / 100,
        warm: warm ?? null,
        sizes: perThousand.map((item) => ({
          size: item.size,
          changes: item.stats.resourceChanges,
          wallMs: Math.round(item.ours.wallMs),
          msPer1000: Math.round(item.msPer1000),
          marginalMsPer1000: Math.round(item.marginalPer1000),
        })),
      },
    }),
  );
}

/**
 * Time per 1,000 changes beyond the one-module plan in one process that has first analysed the smallest plan a few
 * times (bench/warm-runs.mjs), so that what a fresh process spends once (compiling the hot code, filling caches) is
 * left out and what remains is the work that grows with the plan. Shown beside the scaling row, not judged;
 * undefined when it cannot be measured.
 */
function warmPerThousand(smallPath, perThousand, context) {
  const plans = perThousand.map((item) => join(context.scratch, `plan-${item.size}mb.json`));
  const result = spawnSync(
    process.execPath,
    [join(root, 'bench', 'warm-runs.mjs'), '--json', ...plans, smallPath],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (result.status !== 0) {
    log(`  warm runs failed: ${(result.stderr ?? '').trim().split('\n')[0]}`);
    return undefined;
  }
  const measured = JSON.parse(result.stdout);
  const fixed = measured.at(-1);
  const sizes = perThousand.map((item, index) => ({
    size: item.size,
    warmMs: Math.round(measured[index].medianMs),
    per1000: ((measured[index].medianMs - fixed.medianMs) / item.stats.resourceChanges) * 1000,
  }));
  const per1000 = sizes.map((item) => item.per1000);
  return {
    fixedWarmMs: Math.round(fixed.medianMs),
    sizes,
    spread: Math.max(...per1000) / Math.min(...per1000),
  };
}

function hugePlanItem(context, options, results) {
  const size = options.quick ? 100 : 1000;
  const path = join(context.scratch, `plan-${size}mb.json`);
  log(`generating a ${size} MB plan`);
  const stats = writeTerraformPlan(path, { targetBytes: size * MB });
  log(`  ${stats.resourceChanges} resource changes`);
  const ours = analysePlan(path, context, 1);
  const streamed = measureRuns([join(root, 'bench', 'baselines', 'streamparser-json.mjs'), path], context, 1);
  const firstLine = ours.stderr.trim().split('\n')[0] ?? '';
  const crashed =
    ours.statuses.some((status) => status === null || status > 2) ||
    /FATAL|heap out of memory|at .*\(/.test(ours.stderr);
  results.push(
    row(`Terraform plan, ${megabytes(stats.bytes)} MB (over the string limit)`, {
      oursS: seconds(ours.wallMs),
      baselineS: seconds(streamed.wallMs),
      baseline: '@streamparser/json emitting resource_changes, no analysis',
      ratio: Math.round((ours.wallMs / streamed.wallMs) * 100) / 100,
      peakRssMb: megabytes(ours.maxRssBytes),
      goal: 'analysed, RSS < 1.5 GB',
      pass: analysed(ours) && ours.maxRssBytes < 1.5e9,
      outcome: analysed(ours) ? 'analysed' : crashed ? `crash: ${firstLine}` : `error: ${firstLine}`,
      detail: {
        stats,
        statuses: ours.statuses,
        stderr: ours.stderr.slice(0, 2000),
        streamparserRssMb: megabytes(streamed.maxRssBytes),
      },
    }),
  );
  rmSync(path, { force: true });
}

function cloudFormationItem(context, options, results) {
  const dir = join(context.scratch, 'cfn');
  mkdirSync(dir, { recursive: true });
  const pair = writeTemplatePair(dir, { resources: options.quick ? 500 : 2000 });
  log(`CloudFormation pair of ${pair.resources} resources`);
  const out = join(context.scratch, 'report-cfn.json');
  const [ours, base] = measureInterleaved(
    [
      [CLI, '--before', pair.before, '--after', pair.after, '--format', 'json', '--output', out],
      [join(root, 'bench', 'baselines', 'cloudformation-diff.mjs'), pair.before, pair.after],
    ],
    context,
    options.runs,
  );
  results.push(
    againstBaseline(
      `CloudFormation pair, ${pair.resources} resources each`,
      ours,
      base,
      'fullDiff alone',
      {},
    ),
  );
}

function hclItem(context, options, results) {
  const dir = join(context.scratch, 'hcl');
  const tree = writeHclTree(dir, { files: options.quick ? 100 : 500 });
  log(`${tree.files} .tf files`);
  const out = join(context.scratch, 'report-hcl.json');
  const [ours, base] = measureInterleaved(
    [
      [CLI, dir, '--format', 'json', '--output', out],
      [join(root, 'bench', 'baselines', 'hcl2json.mjs'), dir],
    ],
    context,
    options.runs,
  );
  results.push(
    againstBaseline(`Terraform HCL, ${tree.files} .tf files`, ours, base, 'hcl2json parse alone', {
      reportBytes: existsSync(out) ? statSync(out).size : null,
    }),
  );
}

function startupItems(context, options, results) {
  const bare = measureRuns(['-e', '0'], context, options.runs);
  const runs = Math.max(options.runs, 5);
  const action = measureRuns([ACTION], { ...context, cwd: context.scratch }, runs);
  const help = measureRuns([CLI, '--help'], context, runs);
  for (const [work, measurement] of [
    ['Start-up: dist/index.js (no inputs)', action],
    ['Start-up: dist/cli/index.js --help', help],
  ]) {
    results.push(
      row(work, {
        oursS: seconds(measurement.wallMs),
        baselineS: seconds(bare.wallMs),
        baseline: 'node -e 0',
        ratio: Math.round((measurement.wallMs / bare.wallMs) * 100) / 100,
        peakRssMb: megabytes(measurement.maxRssBytes),
        goal: '< 300 ms',
        pass: measurement.wallMs < 300,
        detail: { measurement, bare },
      }),
    );
  }
}

function sizeItems(context, options, results) {
  const bytes = apparentSize(join(root, 'dist'));
  const iamData = existsSync(join(root, 'dist', 'assets', 'iam-data'))
    ? apparentSize(join(root, 'dist', 'assets', 'iam-data'))
    : 0;
  results.push(
    row('dist/ size (apparent)', {
      oursS: null,
      measured: `${megabytes(bytes)} MB (iam-data ${megabytes(iamData)} MB)`,
      goal: '< 15 MB',
      pass: bytes < 15_000_000,
      detail: { bytes, iamDataBytes: iamData },
    }),
  );
  if (!options.npmCi) {
    results.push(
      row('npm ci', { oursS: null, measured: 'not measured (pass --npm-ci)', goal: '< 60 s', pass: null }),
    );
    return;
  }
  const dir = join(context.scratch, 'npm-ci');
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  cpSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
  const started = performance.now();
  const result = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'ignore',
  });
  const wallMs = performance.now() - started;
  results.push(
    row('npm ci (prefer-offline cache)', {
      oursS: seconds(wallMs),
      goal: '< 60 s',
      pass: result.status === 0 && wallMs < 60_000,
      detail: { status: result.status },
    }),
  );
}

/** Replaces the temporary directory, absolute or relative, so that results name no machine-specific path. */
function redactScratch(report, scratch) {
  let text = JSON.stringify(report);
  for (const form of [relative(root, scratch), scratch])
    text = text.split(JSON.stringify(form).slice(1, -1)).join('<scratch>');
  return JSON.parse(text);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(CLI) || !existsSync(ACTION)) {
    log('dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const machine = describeMachine();
  const scratch = mkdtempSync(join(tmpdir(), 'ai-access-diff-bench-'));
  const context = { cwd: root, scratch };
  const results = [];
  const items = [
    ['startup', startupItems],
    ['size', sizeItems],
    ['cloudformation', cloudFormationItem],
    ['hcl', hclItem],
    ['plan', planItems],
    ['huge-plan', hugePlanItem],
  ];
  try {
    for (const [name, item] of items) {
      if (options.only !== null && !options.only.has(name)) continue;
      if (name === 'huge-plan' && options.skip1gb) continue;
      log(`== ${name}`);
      item(context, options, results);
    }
  } finally {
    if (options.keep) log(`inputs kept in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  const report = redactScratch(
    {
      date: new Date().toISOString(),
      machine,
      options: { ...options, only: options.only && [...options.only] },
      results,
    },
    scratch,
  );
  process.stdout.write(`${formatTable(report)}\n`);
  if (!options.quick && options.only === null) {
    const out = join(root, 'bench', 'results', 'latest.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${out}`);
  }
}

await main();
