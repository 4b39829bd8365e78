// Runs the bundled CLI (dist/cli/index.js) as a child process with a deadline, the way a user or CI runs it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bundled CLI; `npm run build` writes it. `AI_ACCESS_DIFF_CLI` points the tests at another build of the same
 * sources (one made outside the work tree while dist/ is being rebuilt).
 */
export const BUILT_CLI =
  process.env.AI_ACCESS_DIFF_CLI ?? fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

/** True when the bundle exists, so that tests of it can be skipped with a reason on a fresh clone. */
export const builtCliExists = existsSync(BUILT_CLI);

/** What one run of the CLI did. */
export interface CliRun {
  /** The exit code, or null when the run was killed at the deadline. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly milliseconds: number;
}

/** Runs the CLI with `args` in `cwd` and kills it after `timeoutMs`. Never rejects. */
export function runBuiltCli(args: readonly string[], cwd: string, timeoutMs = 20_000): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT_CLI, ...args],
      {
        cwd,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const killed = error !== null && (error as { killed?: boolean }).killed === true;
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({
          code: killed ? null : code,
          stdout,
          stderr,
          timedOut: killed,
          milliseconds: performance.now() - started,
        });
      },
    );
  });
}

/** Lines of a stack trace, or of Node's internals, that must never reach a user's terminal. */
export function stackTraceLines(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) => /^\s+at\s.*(?:\(.*:\d+:\d+\)|:\d+:\d+)\s*$/.test(line) || line.includes('node:internal'),
    );
}
