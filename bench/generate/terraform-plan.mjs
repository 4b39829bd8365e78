// Generates a large, realistic `terraform show -json` plan (format 1.2), sized by a target byte count.
//
// The plan is made of module instances: `module.agents["agent-N"]` holds one AI workload (see plan/workload.mjs);
// `module.services["svc-N"]` holds ordinary infrastructure that the tool must skip quickly (plan/service.mjs). The
// root module holds the trails and an event data store (plan/sinks.mjs). The file is written in pieces, so a plan
// larger than the JavaScript string limit can be generated.
import { closeSync, openSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ChunkWriter, writeArray } from './chunk-writer.mjs';
import { configuration } from './plan/configuration.mjs';
import { ACCOUNT, PROVIDER } from './plan/facts.mjs';
import { plannedAfter, resourceChange, stateResource } from './plan/plan-json.mjs';
import { buildService } from './plan/service.mjs';
import { buildSinks } from './plan/sinks.mjs';
import { buildWorkload } from './plan/workload.mjs';
import { createRandom } from './random.mjs';

/** The first module instances are workloads with these changes, so that even a small plan has each kind. */
const FIRST_ACTIONS = ['create', 'update', 'delete', 'no-op'];

/** Share of module instances that are AI workloads; the rest is ordinary infrastructure. */
const WORKLOAD_SHARE = 0.3;

/** The module instances of the plan, rebuilt on demand from their index and the seed (nothing is kept). */
function* units(count, seed) {
  for (let index = 0; index < count; index += 1) {
    const random = createRandom(seed * 1_000_003 + index);
    const fixed = FIRST_ACTIONS[index];
    yield fixed !== undefined || random.chance(WORKLOAD_SHARE)
      ? buildWorkload(index, random, fixed)
      : buildService(index, random);
  }
}

function workloadKeys(count, seed) {
  const keys = [];
  for (const unit of units(Math.min(count, 2000), seed))
    if (unit.key.startsWith('agent-')) keys.push(unit.key);
  return keys;
}

/** Module instances as `child_modules` of a state, nested by module address. */
function* stateModules(count, seed, side) {
  for (const unit of units(count, seed)) {
    const byModule = new Map();
    for (const resource of unit.resources) {
      const values = side === 'planned' ? plannedAfter(resource).after : resource.before;
      if (values === null) continue;
      let list = byModule.get(resource.module);
      if (list === undefined) byModule.set(resource.module, (list = []));
      list.push(stateResource(resource, values));
    }
    const top = byModule.get(unit.module);
    if (top === undefined) continue;
    const children = [...byModule].filter(([address]) => address !== unit.module);
    yield {
      resources: top,
      address: unit.module,
      ...(children.length === 0
        ? {}
        : { child_modules: children.map(([address, resources]) => ({ resources, address })) }),
    };
  }
}

function rootState(writer, sinks, count, seed, side) {
  const roots = sinks.resources
    .map((resource) => {
      const values = side === 'planned' ? plannedAfter(resource).after : resource.before;
      return values === null ? null : stateResource(resource, values);
    })
    .filter((item) => item !== null);
  if (side === 'prior') {
    roots.push({
      address: 'data.aws_caller_identity.current',
      mode: 'data',
      type: 'aws_caller_identity',
      name: 'current',
      provider_name: PROVIDER,
      schema_version: 0,
      values: {
        account_id: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:user/deploy`,
        id: ACCOUNT,
        user_id: 'AIDAEXAMPLE',
      },
      sensitive_values: {},
    });
  }
  writer.write(`{"resources":${JSON.stringify(roots)},"child_modules":`);
  writeArray(writer, stateModules(count, seed, side));
  writer.write('}');
}

/** Counts what a plan of `count` module instances holds, without writing it. */
function countPlan(count, seed) {
  const stats = { moduleInstances: count, resourceChanges: 5, roles: 0, aiResources: 0, policies: 0 };
  for (const unit of units(count, seed)) {
    for (const resource of unit.resources) {
      stats.resourceChanges += 1;
      if (resource.type === 'aws_iam_role') stats.roles += 1;
      else if (resource.type.includes('policy')) stats.policies += 1;
      else if (/bedrock|sagemaker|s3_bucket|lambda_function/.test(resource.type)) stats.aiResources += 1;
    }
  }
  return stats;
}

/** Writes a plan of exactly `count` module instances and returns the number of bytes written. */
export function writePlanOfUnits(path, count, seed = 1) {
  const fd = openSync(path, 'w');
  try {
    const writer = new ChunkWriter(fd);
    const sinks = buildSinks(workloadKeys(count, seed));
    writer.write('{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":');
    rootState(writer, sinks, count, seed, 'planned');
    writer.write('},"resource_changes":');
    writeArray(
      writer,
      (function* () {
        for (const resource of sinks.resources) yield resourceChange(resource);
        for (const unit of units(count, seed))
          for (const resource of unit.resources) yield resourceChange(resource);
      })(),
    );
    writer.write(
      ',"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":',
    );
    rootState(writer, sinks, count, seed, 'prior');
    writer.write('}},"configuration":');
    writer.write(JSON.stringify(configuration()));
    writer.write(',"timestamp":"2025-03-14T09:26:53Z","applyable":true,"complete":true,"errored":false}');
    writer.flush();
    return writer.bytes;
  } finally {
    closeSync(fd);
  }
}

/** Bytes a sample of module instances takes, to size a plan by bytes without writing it twice. */
function bytesPerUnit(seed) {
  const sample = 400;
  let bytes = 0;
  for (const unit of units(sample, seed)) {
    for (const resource of unit.resources) {
      bytes += JSON.stringify(resourceChange(resource)).length + 1;
      const planned = plannedAfter(resource).after;
      if (planned !== null) bytes += JSON.stringify(stateResource(resource, planned)).length + 1;
      if (resource.before !== null)
        bytes += JSON.stringify(stateResource(resource, resource.before)).length + 1;
    }
    bytes += 2 * (unit.module.length + 40);
  }
  return bytes / sample;
}

/**
 * Writes a plan of about `targetBytes` bytes to `path` and says what it holds.
 * @returns {{ bytes: number, moduleInstances: number, resourceChanges: number, roles: number, aiResources: number, policies: number }}
 */
export function writeTerraformPlan(path, { targetBytes, seed = 1 }) {
  const count = Math.max(1, Math.round((targetBytes - 60_000) / bytesPerUnit(seed)));
  const bytes = writePlanOfUnits(path, count, seed);
  return { bytes, ...countPlan(count, seed) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, size] = process.argv.slice(2);
  if (out === undefined || size === undefined) {
    process.stderr.write('usage: node bench/generate/terraform-plan.mjs OUT.json BYTES\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(writeTerraformPlan(out, { targetBytes: Number(size) }))}\n`);
}
