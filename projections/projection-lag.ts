import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { PROJECTION_LAG_CAP, type ProjectionLag } from '@warden/infrastructure/metrics/warden-metrics';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import type { Position, RecordedEvent } from '@warden/shared/envelope';
import { checkpointKey } from './checkpoint-key';
import type { Projection, ProjectedEvent } from './projection';

type Versioned = Pick<Projection<ProjectedEvent>, 'name' | 'version'>;

/**
 * How far each projection's stored checkpoint is behind the event store: the events after
 * it (counted, up to `cap`) and the age of the oldest of them. It reads the checkpoints
 * from the read store and the events from the event store, never a runner's memory, so
 * an API replica can report the lag of a projector running in another process. Counting
 * events rather than subtracting positions works on every adapter (EventStoreDB positions
 * are byte offsets, not sequence numbers). Projections at the same checkpoint (the usual
 * case) share one read.
 */
export async function projectionLag(
  events: Pick<EventStore, 'readAll'>,
  store: Pick<ReadStore, 'getCheckpoint'>,
  projections: readonly Versioned[],
  now: Date,
  cap = PROJECTION_LAG_CAP,
): Promise<ProjectionLag[]> {
  const checkpoints = await Promise.all(projections.map((p) => store.getCheckpoint(checkpointKey(p))));
  const pending = new Map<Position | undefined, Promise<RecordedEvent[]>>();
  const behind = (after: Position | undefined): Promise<RecordedEvent[]> => {
    let read = pending.get(after);
    if (!read) pending.set(after, (read = events.readAll({ after, maxCount: cap })));
    return read;
  };
  return Promise.all(
    projections.map(async (p, i) => {
      const unapplied = await behind(checkpoints[i]);
      const oldest = unapplied[0];
      const seconds = oldest ? Math.max(0, (now.getTime() - Date.parse(oldest.occurredAt)) / 1000) : 0;
      return { projection: p.name, events: unapplied.length, seconds };
    }),
  );
}
