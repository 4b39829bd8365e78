// Calls the pipeline (analyze) in-process with plain settings, the way the CLI does after parsing its flags.
import { analyze } from '../../src/analyze.js';
import { defaultConfig, type Config } from '../../src/config/schema.js';
import type { Report } from '../../src/model/report.js';
import { DEFAULT_MAX_INPUT_BYTES, type Settings } from '../../src/settings.js';

/** The inputs of one run; everything not given is empty. */
export interface AnalysisInputs {
  readonly cwd: string;
  readonly plans?: readonly string[];
  readonly before?: string | null;
  readonly after?: string | null;
  readonly paths?: readonly string[];
  readonly maxInputBytes?: number;
  readonly config?: Config;
}

/** Builds the settings a CLI run with these inputs would have. */
export function settingsFor(inputs: AnalysisInputs): Settings {
  return {
    plans: inputs.plans ?? [],
    before: inputs.before ?? null,
    after: inputs.after ?? null,
    baseRef: null,
    paths: inputs.paths ?? [],
    configPath: null,
    failOn: null,
    maxInputBytes: inputs.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES,
    cwd: inputs.cwd,
  };
}

/** Runs the whole pipeline on the inputs with the given (or default) config. */
export function analyzeInputs(inputs: AnalysisInputs): Promise<Report> {
  return analyze(settingsFor(inputs), inputs.config ?? defaultConfig());
}

/** How a bounded call ended. */
export type BoundedOutcome<T> =
  | { readonly kind: 'value'; readonly value: T; readonly milliseconds: number }
  | { readonly kind: 'error'; readonly error: unknown; readonly milliseconds: number }
  | { readonly kind: 'overrun'; readonly milliseconds: number };

/**
 * Runs `work` against a deadline. An asynchronous stall ends as an overrun when the timer fires; synchronous work
 * cannot be interrupted in-process, so its elapsed time is measured and an over-long run is reported as an overrun
 * once it returns.
 */
export async function runWithDeadline<T>(
  work: () => Promise<T>,
  deadlineMs: number,
): Promise<BoundedOutcome<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<'overrun'>((resolve) => {
    timer = setTimeout(() => resolve('overrun'), deadlineMs);
  });
  try {
    const result = await Promise.race([work().then((value) => ({ value })), overrun]);
    const milliseconds = performance.now() - started;
    if (result === 'overrun' || milliseconds > deadlineMs) return { kind: 'overrun', milliseconds };
    return { kind: 'value', value: result.value, milliseconds };
  } catch (error) {
    const milliseconds = performance.now() - started;
    if (milliseconds > deadlineMs) return { kind: 'overrun', milliseconds };
    return { kind: 'error', error, milliseconds };
  } finally {
    clearTimeout(timer);
  }
}
