// Sums self time per function from a V8 .cpuprofile (written by `node --cpu-prof`), to see where the time goes.
//
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP]
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

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top = '25'] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile [TOP]\n');
    process.exit(2);
  }
  const rows = summariseProfile(JSON.parse(readFileSync(file, 'utf8')));
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  process.stdout.write(`total sampled: ${total} ms\n`);
  for (const row of rows.slice(0, Number(top)))
    process.stdout.write(`${String(row.ms).padStart(8)} ms  ${row.where}\n`);
}
