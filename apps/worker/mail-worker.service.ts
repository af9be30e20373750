import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { WardenConfig } from '../../libs/infrastructure/config/warden-config';
import type { JobQueue, QueueWorker } from '../../libs/infrastructure/queue/job-queue.port';
import { JOB_QUEUE, WARDEN_CONFIG } from '../../libs/infrastructure/tokens';
import { MAIL_QUEUE, type MailJob } from '../../projections/mail-reactor/mail-triggers';
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
  ) {}

  onApplicationBootstrap(): void {
    this.worker = this.queue.work<MailJob>(
      MAIL_QUEUE,
      async (job) => {
        const outcome = await this.processor.process(job);
        this.logger.log(`mail ${job.payload.template} for event ${job.id}: ${outcome}`);
      },
      {
        attempts: this.config.mail.attempts,
        backoffMs: this.config.mail.backoffMs,
        concurrency: 4,
        onDeadLetter: (job, error) => this.logger.error(`mail job ${job.id} dead-lettered: ${error.message}`),
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
