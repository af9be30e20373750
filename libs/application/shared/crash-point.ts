/**
 * A test-only crash point at a seam between two writes: when the test sets
 * `WARDEN_TEST_CRASH_AT` to this point's name (and runs under NODE_ENV=test), the process
 * dies on the spot with SIGKILL — no finally block, no shutdown hook, exactly like `kill -9`.
 * Crash tests run the service in a child process with it set, then check what is left.
 */
export function crashPoint(name: string): void {
  if (process.env.NODE_ENV === 'test' && process.env.WARDEN_TEST_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
