import { extname, join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The require hook that lets node load this repository's TypeScript sources (tests only). */
const TS_REQUIRE_HOOK = join(__dirname, '..', 'shared', 'testing', 'ts-require-hook.js');

/**
 * Starts a worker thread on a module given without extension, beside its caller: the
 * built `.js` in production; under the test runner, which runs the `.ts` sources, the same
 * module through the repository's require hook. A worker loads only `.js` files, hence the
 * one-line script that requires the entry.
 */
export function startThread(entryWithoutExtension: string, callerFile: string, options: WorkerOptions = {}): Worker {
  const extension = extname(callerFile);
  const entry = `${entryWithoutExtension}${extension}`;
  const execArgv = extension === '.ts' && !process.execArgv.includes(TS_REQUIRE_HOOK) ? [...process.execArgv, '-r', TS_REQUIRE_HOOK] : undefined;
  return new Worker(`require(${JSON.stringify(entry)});`, { ...options, eval: true, ...(execArgv ? { execArgv } : {}) });
}
