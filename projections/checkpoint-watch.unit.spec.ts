import { positionOf } from '../libs/shared/position';
import { checkpointKey } from './checkpoint-key';
import { waitForCheckpoints } from './checkpoint-watch';

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
    const store = { getCheckpoint: async (key: string) => checkpoints.get(key) };
    expect(checkpointKey(projections[0])).toBe('accounts@v2');
    expect(await waitForCheckpoints(store, projections, positionOf(7), 0)).toBe(true);
  });

  it('resolves true as soon as the slowest projection gets there', async () => {
    const checkpoints = new Map([['accounts@v2', positionOf(7)]]);
    const store = { getCheckpoint: async (key: string) => checkpoints.get(key) };
    setTimeout(() => checkpoints.set('sessions@v1', positionOf(8)), 50);
    expect(await waitForCheckpoints(store, projections, positionOf(7), 2000)).toBe(true);
  });

  it('resolves false after the timeout when a projection stays behind', async () => {
    const store = { getCheckpoint: async () => positionOf(3) };
    const started = Date.now();
    expect(await waitForCheckpoints(store, projections, positionOf(4), 100)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
