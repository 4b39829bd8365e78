/** Waits until what was written to a stream has been handed to the system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Ends the process once its output is flushed. Waiting for the event loop to empty instead can cost a second:
 * hcl2json's Go runtime leaves a timer behind after its last parse.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
