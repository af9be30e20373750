import type { RecordedEvent } from '@warden/shared/envelope';
import type { JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import { mailReactor } from './mail-reactor/mail.reactor';
import type { Projection } from './projection';
import { deletionSchedulerReactor } from './scheduler/deletion-scheduler.reactor';

/**
 * Reactors turn events into jobs (mails, scheduled work). They run in their own runner and
 * are never rebuilt with the read models: replaying them could act twice after the
 * queue has forgotten a job id.
 */
export function reactors(queue: JobQueue): Projection<RecordedEvent>[] {
  return [mailReactor(queue), deletionSchedulerReactor(queue)];
}
