import type { ReadAllOptions } from '@warden/infrastructure/event-store/event-store.port';
import type { RecordedEvent } from '@warden/shared/envelope';
import { positionOf } from '@warden/shared/position';
import { projectionLag } from './projection-lag';

const projections = [
  { name: 'accounts', version: 2 },
  { name: 'sessions', version: 1 },
  { name: 'audit', version: 1 },
];

/** Five events, one a minute from 12:00. */
const log = Array.from({ length: 5 }, (_, i) => ({
  position: positionOf(i + 1),
  occurredAt: new Date(Date.UTC(2030, 0, 1, 12, i)).toISOString(),
})) as RecordedEvent[];

const eventStore = () => {
  const reads: ReadAllOptions[] = [];
  return {
    reads,
    readAll: async (options: ReadAllOptions = {}) => {
      reads.push(options);
      const after = options.after;
      return log.filter((e) => after === undefined || e.position > after).slice(0, options.maxCount);
    },
  };
};

describe('projectionLag', () => {
  const now = new Date(Date.UTC(2030, 0, 1, 12, 10));

  it('counts the events after each checkpoint and ages the oldest of them', async () => {
    const checkpoints = new Map([
      ['accounts@v2', positionOf(5)],
      ['sessions@v1', positionOf(3)],
    ]);
    const lag = await projectionLag(eventStore(), { getCheckpoint: async (k) => checkpoints.get(k) }, projections, now);
    expect(lag).toEqual([
      { projection: 'accounts', events: 0, seconds: 0 },
      // Events 4 and 5 are left; 4 happened at 12:03.
      { projection: 'sessions', events: 2, seconds: 7 * 60 },
      // No checkpoint yet: the whole log, from 12:00.
      { projection: 'audit', events: 5, seconds: 10 * 60 },
    ]);
  });

  it('stops counting at the cap and reads once per distinct checkpoint', async () => {
    const events = eventStore();
    const lag = await projectionLag(events, { getCheckpoint: async () => undefined }, projections, now, 3);
    expect(lag.map((l) => l.events)).toEqual([3, 3, 3]);
    expect(events.reads).toEqual([{ after: undefined, maxCount: 3 }]);
  });
});
