/** Machine output: stdout only. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Progress and logs: stderr, so stdout stays parseable. */
export function info(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prints an error for a person and sets a failing exit code. */
export function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`enlace: ${message}\n`);
  process.exitCode = 1;
}
