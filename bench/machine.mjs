// Describes the machine a benchmark ran on, so that results from different machines are not compared blindly.
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Cores, memory, CPU model, Node version and the load when the run started. */
export function describeMachine() {
  const cores = cpus();
  return {
    cores: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
