import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import type { JobQueue, QueueWorker } from '@warden/infrastructure/queue/job-queue.port';
import { JOB_QUEUE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { MAIL_QUEUE, type MailJob } from '@warden/mail/mail-job';
import { SendMailProcessor } from './mail/send-mail.processor';

/** Consumes the mail queue: retries with backoff, dead-letters after the last try. */
@Injectable()
export class MailWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: QueueWorker;
  private readonly logger = new Logger('mail-worker');

  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly processor: SendMailProcessor,
    private readonly metrics: WardenMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = this.queue.work<MailJob>(
      MAIL_QUEUE,
      async (job) => {
        const { template } = job.payload;
        const outcome = await this.processor.process(job).catch((error: unknown) => {
          // Every failed try; the queue retries it or, after the last, dead-letters it.
          this.metrics.mailsFailed.inc({ template });
          throw error;
        });
        if (outcome === 'sent') this.metrics.mailsSent.inc({ template });
        this.logger.log(`mail ${template} for event ${job.id}: ${outcome}`);
      },
      {
        attempts: this.config.mail.attempts,
        backoffMs: this.config.mail.backoffMs,
        concurrency: 4,
        onDeadLetter: (job, error) => {
          this.metrics.mailsDeadLettered.inc();
          this.logger.error(`mail job ${job.id} dead-lettered: ${error.message}`);
        },
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
