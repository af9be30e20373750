import type { RecordedEvent } from '@warden/shared/envelope';
import type { JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import type { Projection } from '../projection';
import { MAIL_QUEUE } from '@warden/mail/mail-job';
import { MAIL_TRIGGERS, mailJobsFor, SECOND_MAILS } from '@warden/mail/mail-triggers';

/**
 * Turns mail-worthy events into queued mail jobs, checkpointed like a projection. The job
 * id is the event id, so a replayed batch enqueues nothing new: one mail per event.
 */
export function mailReactor(queue: JobQueue): Projection<RecordedEvent> {
  return {
    name: 'mail-reactor',
    version: 1,
    collections: [],
    canHandle: (type) => type in MAIL_TRIGGERS || type in SECOND_MAILS,
    init: async () => undefined,
    async handle(events) {
      for (const event of events) {
        for (const { id, job } of mailJobsFor(event)) await queue.enqueue(MAIL_QUEUE, id, job);
      }
    },
    // Nothing to empty: a rebuild must never mail again, and enqueue is idempotent anyway.
    truncate: async () => undefined,
  };
}
