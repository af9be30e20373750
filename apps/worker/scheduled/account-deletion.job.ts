import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EraseAccountCommand } from '@warden/application/lifecycle/erase-account.handler';
import { ExecuteDeletionCommand } from '@warden/application/lifecycle/execute-deletion.handler';
import type { StoredEventRef } from '@warden/application/lifecycle/account-deleted-event';
import type { CommandMetadata } from '@warden/application/runner/command-metadata';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import type { Job, JobQueue, QueueWorker } from '@warden/infrastructure/queue/job-queue.port';
import { JOB_QUEUE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Actor } from '@warden/shared/envelope';
import type { MailJob } from '@warden/mail/mail-job';
import { ACCOUNT_DELETION_QUEUE, type DeletionJobPayload } from '@warden/projections/scheduler/account-deletion-job';
import { SendMailProcessor } from '../mail/send-mail.processor';

/** Who the deletion's events name as their actor. */
export const ACCOUNT_DELETION_ACTOR: Actor = { type: 'system', id: 'account-deletion' };

/** The farewell mail, rendered from AccountDeletionScheduled; not a MAIL_TRIGGER (see run()). */
export const ACCOUNT_DELETED_TEMPLATE = 'account-deleted';

/**
 * Tries per job, with the mail backoff doubling between them (2 s base: about 17 minutes
 * in all). Generous, because a dead-lettered deletion leaves personal data readable.
 */
export const ACCOUNT_DELETION_ATTEMPTS = 10;

export type AccountDeletionOutcome = 'deleted' | 'cancelled' | 'superseded' | 'already_erased';

/** A schedule whose grace period has not ended when its job runs (clocks disagree): try again later. */
export class DeletionNotDueError extends Error {
  constructor(accountId: string, executeAt: string) {
    super(`deletion of account ${accountId} is not due before ${executeAt}`);
    this.name = 'DeletionNotDueError';
  }
}

/**
 * Runs scheduled deletions (the `account-deletion` queue, filled by the deletion scheduler
 * reactor at executeAt). One job, in this order, so that `AccountDeleted` never becomes
 * visible while the account's data key still exists (no reader sees clear personal data
 * next to it):
 *   1. ExecuteDeletion: nothing when the deletion was cancelled or is not due; while the key
 *      lives it answers `erasure_pending` and appends nothing;
 *   2. the `account-deleted` mail to the address as it is, sent right here through the mail
 *      processor, rendered from the AccountDeletionScheduled event (mail id
 *      `<that event id>:account-deleted`): after step 3 the address is unreadable;
 *   3. EraseAccount: the email and username released, then the data key destroyed;
 *   4. ExecuteDeletion again: `AccountDeleted` (sessions and credentials ended) appended,
 *      its personal fields "[erased]" already.
 * Every step is idempotent, so a retry after a crash anywhere finishes the rest: with the
 * key alive it continues from (2), without it from (4).
 */
@Injectable()
export class AccountDeletionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: QueueWorker;
  private readonly logger = new Logger('account-deletion');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly commands: CommandBus,
    private readonly mail: SendMailProcessor,
    private readonly metrics: WardenMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.observeQueue(ACCOUNT_DELETION_QUEUE, () => this.queue.stats(ACCOUNT_DELETION_QUEUE));
    this.worker = this.queue.work<DeletionJobPayload>(
      ACCOUNT_DELETION_QUEUE,
      async (job) => {
        const outcome = await this.run(job);
        this.logger.log(`deletion job ${job.id} for account ${job.payload.accountId}: ${outcome}`);
      },
      {
        attempts: ACCOUNT_DELETION_ATTEMPTS,
        backoffMs: this.config.mail.backoffMs,
        concurrency: 2,
        onDeadLetter: (job, error) =>
          this.logger.error(`deletion job ${job.id} dead-lettered, the account may still hold personal data: ${error.message}`),
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async run(job: Job<DeletionJobPayload>): Promise<AccountDeletionOutcome> {
    const { accountId, executeAt, correlationId } = job.payload;
    const meta: CommandMetadata = { correlationId, actor: ACCOUNT_DELETION_ACTOR };
    const execute = () => this.commands.execute(new ExecuteDeletionCommand(accountId, meta));
    const progress = await execute();
    switch (progress.kind) {
      case 'not_scheduled':
        return 'cancelled';
      case 'erased':
        return 'already_erased';
      case 'not_due':
        // This job's own schedule, early: retry. Another schedule replaced it: that one has its own job.
        if (progress.executeAt === executeAt) throw new DeletionNotDueError(accountId, executeAt);
        return 'superseded';
      case 'erasure_pending': {
        await this.sendFarewell(job, progress.scheduled);
        await this.commands.execute(new EraseAccountCommand(accountId, meta));
        const after = await execute();
        if (after.kind !== 'erased') throw new Error(`account ${accountId}: erased, but its deletion stands at ${after.kind}`);
        return 'deleted';
      }
      default: {
        const unhandled: never = progress;
        return unhandled;
      }
    }
  }

  /**
   * The mail goes before the key: after it, the address is unreadable. If the mail server
   * still refuses it on the job's last try, the erasure goes ahead without it: a lost
   * goodbye is better than personal data kept against the owner's will.
   */
  private async sendFarewell(job: Job<DeletionJobPayload>, scheduled: StoredEventRef): Promise<void> {
    const template = ACCOUNT_DELETED_TEMPLATE;
    // Shaped like the mail reactor's job for a second mail of this event (its first is the
    // deletion-scheduled notice), so the normal template path renders it.
    const mailJob: Job<MailJob> = {
      id: `${scheduled.eventId}:${template}`,
      queue: ACCOUNT_DELETION_QUEUE,
      attempt: job.attempt,
      payload: { streamId: scheduled.streamId, revision: scheduled.revision, template },
    };
    try {
      const outcome = await this.mail.process(mailJob);
      if (outcome === 'sent') this.metrics.mailsSent.inc({ template });
    } catch (error) {
      this.metrics.mailsFailed.inc({ template });
      if (job.attempt < ACCOUNT_DELETION_ATTEMPTS) throw error;
      this.metrics.mailsDeadLettered.inc();
      this.logger.error(`account-deleted mail ${mailJob.id} given up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
