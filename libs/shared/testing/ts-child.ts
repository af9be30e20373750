import { join } from 'node:path';

const TS_REQUIRE_HOOK = join(__dirname, 'ts-require-hook.js');

/** Arguments for `spawn(process.execPath, …)` that run TypeScript in a child process. */
export function typescriptNodeArgs(...args: string[]): string[] {
  return ['-r', TS_REQUIRE_HOOK, ...args];
}
