import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Bump when the meaning of a stored state changes without any change to the code hashed
 * below (e.g. a decider starts to read a field the fold always filled differently).
 */
export const STATE_SHAPE_VERSION = 1;

/**
 * The modules whose code decides what a fold of the stream yields: the state and its
 * evolve (helpers included), the upcasters and the events' schema versions. Hashing their
 * code, as this build runs it, means any edit to the fold invalidates every snapshot
 * without anyone remembering to bump a number; a rebuild with no change keeps them.
 */
const FOLD_MODULES = ['../../account/account.state', '../../account/account.upcasters', '../../account/account.events'];

export function currentSnapshotShape(modules: readonly string[] = FOLD_MODULES.map((m) => require.resolve(m))): string {
  const hash = createHash('sha256');
  for (const file of modules) hash.update(readFileSync(file));
  return `v${STATE_SHAPE_VERSION}:${hash.digest('hex').slice(0, 16)}`;
}
