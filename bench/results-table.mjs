// Formats benchmark results as a Markdown table, for the terminal and for the README alike.

const cell = (value) => (value === null || value === undefined ? '' : String(value));

function verdict(pass) {
  if (pass === null || pass === undefined) return 'n/a';
  return pass ? 'pass' : 'FAIL';
}

/**
 * The results as a Markdown table with the date and machine above it.
 * @param {{ date: string, machine: { cores: number, memoryBytes: number, node: string, cpuModel: string,
 *   loadAverageAtStart: number[] }, results: object[] }} report
 */
export function formatTable(report) {
  const { machine } = report;
  const lines = [
    `Measured ${report.date.slice(0, 10)} on ${machine.cores} cores (${machine.cpuModel}), ` +
      `${Math.round(machine.memoryBytes / 2 ** 30)} GiB, Node ${machine.node}; load average at start ${machine.loadAverageAtStart.join(' ')}.`,
    '',
    '| work | ours (median) | baseline (median) | ratio | CPU ratio | peak RSS | goal | result |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of report.results) {
    const ours =
      row.oursS === null || row.oursS === undefined ? cell(row.measured ?? row.outcome) : `${row.oursS} s`;
    const baseline = row.baselineS === undefined ? '' : `${row.baselineS} s (${row.baseline})`;
    const outcome = row.outcome !== undefined && row.oursS !== null ? ` (${row.outcome})` : '';
    lines.push(
      `| ${row.work} | ${ours}${outcome} | ${baseline} | ${row.ratio === undefined ? '' : `${row.ratio}x`} | ` +
        `${row.cpuRatio === undefined ? '' : `${row.cpuRatio}x`} | ${row.peakRssMb === undefined ? '' : `${row.peakRssMb} MB`} | ` +
        `${row.goal} | ${verdict(row.pass)} |`,
    );
  }
  return lines.join('\n');
}
