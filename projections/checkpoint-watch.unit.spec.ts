import { positionOf } from '@warden/shared/position';
import { checkpointKey } from './checkpoint-key';
import { waitForCheckpoints } from './checkpoint-watch';

/** A store double: checkpoints in a map, and the in-process push of ReadStore.onCheckpoint. */
function storeOf(checkpoints: Map<string, string>) {
  const listeners = new Set<() => void>();
  return {
    getCheckpoint: async (key: string) => checkpoints.get(key),
    onCheckpoint: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    save(key: string, position: string) {
      checkpoints.set(key, position);
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

const projections = [
  { name: 'accounts', version: 2 },
  { name: 'sessions', version: 1 },
];

describe('waitForCheckpoints', () => {
  it('reads the checkpoint of each projection under its versioned key', async () => {
    const checkpoints = new Map([
      ['accounts@v2', positionOf(7)],
      ['sessions@v1', positionOf(9)],
    ]);
    const store = storeOf(checkpoints);
    expect(checkpointKey(projections[0])).toBe('accounts@v2');
    expect(await waitForCheckpoints(store, projections, positionOf(7), 0)).toBe(true);
  });

  it('resolves true as soon as the slowest projection gets there', async () => {
    const checkpoints = new Map([['accounts@v2', positionOf(7)]]);
    const store = storeOf(checkpoints);
    setTimeout(() => checkpoints.set('sessions@v1', positionOf(8)), 50);
    expect(await waitForCheckpoints(store, projections, positionOf(7), 2000)).toBe(true);
  });

  it('resolves false after the timeout when a projection stays behind', async () => {
    const store = { ...storeOf(new Map()), getCheckpoint: async () => positionOf(3) };
    const started = Date.now();
    expect(await waitForCheckpoints(store, projections, positionOf(4), 100)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers on the pushed checkpoint, without waiting for a timer, and stops listening', async () => {
    jest.useFakeTimers();
    try {
      const store = storeOf(new Map([['accounts@v2', positionOf(9)]]));
      const waiting = waitForCheckpoints(store, projections, positionOf(9), 60_000);
      await Promise.resolve();
      await Promise.resolve();
      store.save('sessions@v1', positionOf(9));
      // No timer is advanced: only the push can have woken the waiter.
      expect(await waiting).toBe(true);
      expect(store.listeners.size).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
