import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/**
 * Bump when the meaning of a stored state changes without any change to the code hashed
 * below (e.g. a decider starts to read a field the fold always filled differently).
 */
export const STATE_SHAPE_VERSION = 1;

/**
 * Where a fold of the stream is decided: the state and its evolve (account.state, which
 * routes each event to its area's `<area>/<area>.state`), the upcasters and the events'
 * schema versions (account.events, composed from each `<area>/<area>.events`).
 */
// Relative, not @warden/account/…: run-time strings, which the build's alias rewrite (tsc-alias) does not see.
const FOLD_ENTRIES = ['../../account/account.state', '../../account/account.upcasters', '../../account/account.events'];

/**
 * A local import that survives compilation: `import … from './x'` or `'@warden/<layer>/x'` (not
 * `import type`), or `require("./x")` (the build has rewritten the aliases to relative paths).
 */
const RUNTIME_IMPORT = /^import (?!type )[^;]*? from '((?:\.|@warden\/)[^']+)';|require\("(\.[^"]+)"\)/gm;

/** The file an import names: a relative one beside `file` (with or without its extension), an alias as the runtime maps it. */
function importedFile(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return require.resolve(specifier);
  const path = join(dirname(file), specifier);
  return extname(path) === extname(file) ? path : path + extname(file);
}

/**
 * The entries and every local module they import at run time, transitively: the areas'
 * state and events, the helpers their evolve cases call, the guards that route an event.
 * Following the imports, rather than listing files, keeps a new area or helper covered.
 */
export function foldModules(entries: readonly string[] = FOLD_ENTRIES.map((m) => require.resolve(m))): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    for (const [, fromImport, fromRequire] of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const imported = importedFile(file, fromImport ?? fromRequire);
      if (existsSync(imported)) visit(imported);
    }
  };
  entries.forEach(visit);
  return [...found].sort();
}

/**
 * Hashing the fold's code, as this build runs it, means any edit to the fold invalidates
 * every snapshot without anyone remembering to bump a number; a rebuild with no change
 * keeps them.
 */
export function currentSnapshotShape(modules: readonly string[] = foldModules()): string {
  const hash = createHash('sha256');
  for (const file of modules) hash.update(readFileSync(file));
  return `v${STATE_SHAPE_VERSION}:${hash.digest('hex').slice(0, 16)}`;
}
