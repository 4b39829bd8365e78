// Sums self time per function from a V8 .cpuprofile (written by `node --cpu-prof`), to see where the time goes.
//
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP] [self|inclusive]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Self time per function (name, file and line), in milliseconds, largest first.
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[],
 *   samples: number[], timeDeltas: number[] }} profile
 */
export function summariseProfile(profile) {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    const file = frame?.url.split('/').slice(-2).join('/') ?? '';
    const key = `${frame?.functionName || '(anonymous)'} ${file}:${(frame?.lineNumber ?? 0) + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + delta);
  });
  return [...totals].sort((a, b) => b[1] - a[1]).map(([where, ms]) => ({ where, ms: Math.round(ms) }));
}

/**
 * Inclusive time per function name: each sample counts once for every distinct function on its stack, so the
 * pipeline's stages (parse, read, coverage, permissions, blind spots, render) can be compared.
 * @param {{ nodes: { id: number, children?: number[], callFrame: { functionName: string } }[],
 *   samples: number[], timeDeltas: number[] }} profile
 */
export function summariseInclusive(profile) {
  const parent = new Map();
  const names = new Map();
  for (const node of profile.nodes) {
    names.set(node.id, node.callFrame.functionName || '(anonymous)');
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const totals = new Map();
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) seen.add(names.get(node));
    for (const name of seen) totals.set(name, (totals.get(name) ?? 0) + delta);
  });
  return [...totals].sort((a, b) => b[1] - a[1]).map(([where, ms]) => ({ where, ms: Math.round(ms) }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top = '25', mode = 'self'] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP] [self|inclusive]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const rows = mode === 'inclusive' ? summariseInclusive(profile) : summariseProfile(profile);
  const total = Math.round(profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000);
  process.stdout.write(`total sampled: ${total} ms\n`);
  for (const row of rows.slice(0, Number(top)))
    process.stdout.write(`${String(row.ms).padStart(8)} ms  ${row.where}\n`);
}
