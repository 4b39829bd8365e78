import { JOB_SUMMARY_MAX_BYTES } from './github-limits.js';

/** Room kept free in the job summary for the notes a run may append after the report. */
const SUMMARY_RESERVE_BYTES = 8 * 1024;

/** Said at the end of a summary that had to be cut at a byte boundary. */
export const SUMMARY_CUT_NOTE =
  '\n\n_The report was cut to fit the job summary; the full report is in the JSON report file._\n';

/**
 * Renders the report for the job summary within its byte limit. The pipeline's contract is a character budget (the
 * real renderer happens to count bytes), so a rendering over the byte limit is rendered again with a smaller
 * budget, and cut by bytes only as a last resort.
 */
export function fitJobSummary(render: (maxLength: number) => string): string {
  const limit = JOB_SUMMARY_MAX_BYTES - SUMMARY_RESERVE_BYTES;
  let text = render(limit);
  let bytes = Buffer.byteLength(text);
  if (bytes <= limit) return text;
  text = render(Math.floor((limit * text.length) / bytes) - 1024);
  bytes = Buffer.byteLength(text);
  if (bytes <= limit) return text;
  const room = limit - Buffer.byteLength(SUMMARY_CUT_NOTE);
  // Decoding a cut buffer drops a split multi-byte character at the end instead of producing invalid UTF-8.
  const cut = Buffer.from(text)
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return cut + SUMMARY_CUT_NOTE;
}
