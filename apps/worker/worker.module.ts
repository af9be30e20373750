import { Module } from '@nestjs/common';
import { ApplicationModule } from '@warden/application/application.module';
import { SendMailProcessor } from './mail/send-mail.processor';
import { MailWorkerService } from './mail-worker.service';
import { SCHEDULED_JOB_PROVIDERS } from './scheduled/scheduled-jobs';

/** The `worker` role: sends mail (and, later, runs scheduled jobs). */
@Module({ imports: [ApplicationModule], providers: [SendMailProcessor, MailWorkerService, ...SCHEDULED_JOB_PROVIDERS] })
export class WorkerModule {}
