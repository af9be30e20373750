import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccountCommandRunner } from '@warden/application/runner/account-command-runner';
import type { CommandMetadata } from '@warden/application/runner/command-metadata';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import type { JobQueue, QueueWorker } from '@warden/infrastructure/queue/job-queue.port';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CLOCK, JOB_QUEUE, READ_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { ACCOUNTS, type AccountDoc } from '@warden/projections/accounts/account-view';

export const PASSWORD_AGE_QUEUE = 'password-age';

/** The day (UTC) a tick is for; the job id is `password-age:<day>`, so each day runs once. */
export interface PasswordAgeTick {
  day: string;
}

export interface PasswordAgeScan {
  /** Active accounts whose password is at least PASSWORD_MAX_AGE_DAYS old, per the read model. */
  candidates: number;
  /** Accounts that got their PasswordAgeReminded now (the others had theirs for this password already). */
  reminded: number;
}

const DAY_MS = 86_400_000;
const ACTOR = { type: 'system', id: 'password-age-reminder' } as const;

const dayOf = (t: Date) => t.toISOString().slice(0, 10);
const startOfNextDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1));
const tickId = (day: string) => `${PASSWORD_AGE_QUEUE}:${day}`;

/**
 * Password-age reminders, in the worker role. The daily tick is a job on the durable queue
 * with one id per day: whichever worker claims `password-age:<day>` scans once, however many
 * workers run or restart; enqueueing an id again does nothing. At start a worker enqueues
 * today's tick (due now: a no-op if today's already ran) and tomorrow's (due at 00:00 UTC);
 * each tick enqueues the next day's before it scans, so a failing scan cannot break the chain.
 *
 * The scan reads the `accounts` read model for candidates and runs RemindPasswordAge on
 * each through the command runner: the decider (on the account's own stream) decides, and
 * appends PasswordAgeReminded once per password, so a late read model, a retried tick or a
 * second scan never reminds twice.
 */
@Injectable()
export class PasswordAgeReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: QueueWorker;
  private readonly logger = new Logger('password-age-reminder');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly runner: AccountCommandRunner,
    private readonly metrics: WardenMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.observeQueue(PASSWORD_AGE_QUEUE, () => this.queue.stats(PASSWORD_AGE_QUEUE));
    this.worker = this.queue.work<PasswordAgeTick>(
      PASSWORD_AGE_QUEUE,
      async (job) => {
        await this.scheduleNextDay();
        const { candidates, reminded } = await this.runScan(job.id);
        this.logger.log(`password-age tick ${job.payload.day}: ${reminded} reminded of ${candidates} candidates`);
      },
      {
        attempts: 5,
        backoffMs: 60_000,
        onDeadLetter: (job, error) => this.logger.error(`password-age tick ${job.id} dead-lettered: ${error.message}`),
      },
    );
    const today = dayOf(this.clock.now());
    await this.queue.enqueue<PasswordAgeTick>(PASSWORD_AGE_QUEUE, tickId(today), { day: today });
    await this.scheduleNextDay();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /**
   * One scan, now. The daily tick calls it; so can tests and operators. Safe to run at any
   * time and any number of times: the decider reminds once per password.
   */
  async runScan(correlationId = `password-age-scan:${dayOf(this.clock.now())}`): Promise<PasswordAgeScan> {
    const maxAgeDays = this.config.passwordMaxAgeDays;
    const cutoff = new Date(this.clock.now().getTime() - maxAgeDays * DAY_MS).toISOString();
    const candidates = await this.store
      .collection<AccountDoc>(ACCOUNTS)
      .find({ status: 'active' }, { range: { field: 'passwordChangedAt', lte: cutoff } });
    const meta: CommandMetadata = { correlationId, actor: ACTOR };
    let reminded = 0;
    let failed = 0;
    for (const { accountId } of candidates) {
      try {
        const outcome = await this.runner.run(accountId, (_s, now) => ({ type: 'RemindPasswordAge', now: now.toISOString(), maxAgeDays }), meta);
        if (outcome.events.length > 0) reminded++;
      } catch (error) {
        // One account must not keep the others from their reminder; the tick is retried below.
        failed++;
        this.logger.warn(`password-age reminder for account ${accountId} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
    if (failed > 0) throw new Error(`password-age scan: ${failed} of ${candidates.length} accounts failed`);
    return { candidates: candidates.length, reminded };
  }

  private async scheduleNextDay(): Promise<void> {
    const next = startOfNextDay(this.clock.now());
    const day = dayOf(next);
    await this.queue.enqueue<PasswordAgeTick>(PASSWORD_AGE_QUEUE, tickId(day), { day }, { runAt: next });
  }
}
