import type { Position } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { checkpointKey } from './checkpoint-key';
import type { Projection, ProjectedEvent } from './projection';

type Versioned = Pick<Projection<ProjectedEvent>, 'name' | 'version'>;

/** The fallback re-check while nothing is pushed (a projector in another process): 2 ms, doubling to 50 ms. */
const FIRST_RECHECK_MS = 2;
const LAST_RECHECK_MS = 50;

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
 * from a runner's memory, so it also works on a projector running in another process.
 * A projector in this process pushes each checkpoint it writes (ReadStore.onCheckpoint),
 * so the answer comes as soon as the batch is committed; for other processes it re-checks
 * with a short backoff.
 */
export async function waitForCheckpoints(
  store: Pick<ReadStore, 'getCheckpoint' | 'onCheckpoint'>,
  projections: readonly Versioned[],
  position: Position,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let recheck = FIRST_RECHECK_MS;
  // Listening before the first read: a checkpoint written during it still wakes us.
  let pushed = false;
  let wake: () => void = () => (pushed = true);
  const unsubscribe = store.onCheckpoint(() => wake());
  try {
    if (await checkpointsReached(store, projections, position)) return true;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        if (pushed) return resolve();
        const timer = setTimeout(done, Math.min(recheck, remaining));
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        wake = done;
      });
      pushed = false;
      wake = () => (pushed = true);
      recheck = Math.min(recheck * 2, LAST_RECHECK_MS);
      if (await checkpointsReached(store, projections, position)) return true;
    }
  } finally {
    unsubscribe();
  }
}
