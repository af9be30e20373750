import { accountIdOfStream } from '@warden/infrastructure/event-codec/account-streams';
import type { JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import type { RecordedEvent } from '@warden/shared/envelope';
import type { Projection } from '../projection';
import { ACCOUNT_DELETION_QUEUE, type DeletionJobPayload } from './account-deletion-job';

/** The job an AccountDeletionScheduled event calls for, run at the end of its grace period. */
export function deletionJobFor(event: RecordedEvent): { id: string; job: DeletionJobPayload; runAt: Date } {
  const accountId = accountIdOfStream(event.streamId);
  const executeAt = event.data.executeAt;
  const runAt = typeof executeAt === 'string' ? new Date(executeAt) : new Date(NaN);
  if (!accountId || Number.isNaN(runAt.getTime())) throw new Error(`deletion scheduler: malformed ${event.type} ${event.eventId}`);
  return {
    id: event.eventId,
    job: { accountId, executeAt: runAt.toISOString(), correlationId: event.metadata.correlationId },
    runAt,
  };
}

/**
 * Turns each scheduled deletion into a delayed job on the `account-deletion` queue. The job
 * id is the event id, so a replayed batch enqueues nothing new. A cancellation needs no
 * job of its own: the job finds the deletion cancelled (or rescheduled) and does nothing.
 * Checkpointed with the other reactors, never rebuilt with the read models.
 */
export function deletionSchedulerReactor(queue: JobQueue): Projection<RecordedEvent> {
  return {
    name: 'deletion-scheduler',
    version: 1,
    collections: [],
    canHandle: (type) => type === 'AccountDeletionScheduled',
    init: async () => undefined,
    async handle(events) {
      for (const event of events) {
        const { id, job, runAt } = deletionJobFor(event);
        await queue.enqueue(ACCOUNT_DELETION_QUEUE, id, job, { runAt });
      }
    },
    // Nothing to empty: the queue forgets nothing and enqueue is idempotent by id.
    truncate: async () => undefined,
  };
}
