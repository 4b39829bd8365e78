// Where a run of the CLI allocates memory: V8's sampling heap profiler, told to keep the objects the collectors
// free as well, so that short-lived garbage (most of what the collectors spend their time on) is counted where it
// is made. Runs the unminified profiling bundle (bench/build-for-profile.mjs) in this process.
//
// Usage: node bench/alloc-profile.mjs [--top N] -- CLI-ARGUMENTS...
//   prints the bytes allocated per function, largest first; a built-in (no source) is shown with its caller.
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { buildForProfile } from './build-for-profile.mjs';

/** Bytes allocated per function, with built-ins named by their caller, largest first. */
export function summariseAllocations(profile) {
  const bytes = new Map();
  const walk = (node, parent) => {
    const frame = node.callFrame;
    let where = `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    if (frame.url === '' && parent !== undefined) {
      where += ` <- ${parent.callFrame.functionName || '(anonymous)'}:${parent.callFrame.lineNumber + 1}`;
    }
    if (node.selfSize > 0) bytes.set(where, (bytes.get(where) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, node);
  };
  walk(profile.head, undefined);
  return [...bytes].sort((a, b) => b[1] - a[1]).map(([where, size]) => ({ where, size }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const separator = args.indexOf('--');
  const topAt = args.indexOf('--top');
  const top = topAt === -1 || topAt > separator ? 40 : Number(args[topAt + 1]);
  if (separator === -1) {
    process.stderr.write('usage: node bench/alloc-profile.mjs [--top N] -- CLI-ARGUMENTS...\n');
    process.exit(2);
  }
  const cli = await buildForProfile();
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  // The CLI ends the process itself once its output is written; the profile is printed first.
  const exit = process.exit.bind(process);
  process.exit = (code) => {
    void session.post('HeapProfiler.stopSampling').then(({ profile }) => {
      const rows = summariseAllocations(profile);
      const total = rows.reduce((sum, row) => sum + row.size, 0);
      const megabytes = (size) => (size / 1e6).toFixed(1).padStart(8);
      process.stderr.write(`allocated (sampled): ${megabytes(total)} MB\n`);
      for (const row of rows.slice(0, top)) process.stderr.write(`${megabytes(row.size)} MB  ${row.where}\n`);
      exit(code);
    });
  };
  process.argv = [process.argv[0], cli, ...args.slice(separator + 1)];
  await import(pathToFileURL(cli).href);
}
