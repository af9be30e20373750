import type { Position } from '../libs/shared/envelope';
import { comparePositions } from '../libs/shared/position';
import type { ReadStore } from '../libs/infrastructure/read-store/read-store.port';
import { checkpointKey } from './checkpoint-key';
import type { Projection, ProjectedEvent } from './projection';

type Versioned = Pick<Projection<ProjectedEvent>, 'name' | 'version'>;

const POLL_MS = 20;

/** True when every projection's stored checkpoint is at or after `position`. */
export async function checkpointsReached(
  store: Pick<ReadStore, 'getCheckpoint'>,
  projections: readonly Versioned[],
  position: Position,
): Promise<boolean> {
  const checkpoints = await Promise.all(projections.map((p) => store.getCheckpoint(checkpointKey(p))));
  return checkpoints.every((c) => c !== undefined && comparePositions(c, position) >= 0);
}

/**
 * Read-your-writes (X-Min-Position): resolves true once every projection has reached
 * `position`, false after `timeoutMs`. It reads the checkpoints from the read store, not
 * from a runner's memory, so the API process can wait on a projector running elsewhere.
 */
export async function waitForCheckpoints(
  store: Pick<ReadStore, 'getCheckpoint'>,
  projections: readonly Versioned[],
  position: Position,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await checkpointsReached(store, projections, position)) return true;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, remaining)));
  }
}
