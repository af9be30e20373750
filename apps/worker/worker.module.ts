import { Module } from '@nestjs/common';
import { ApplicationModule } from '../../libs/application/application.module';
import { SendMailProcessor } from './mail/send-mail.processor';
import { MailWorkerService } from './mail-worker.service';

/** The `worker` role: sends mail (and, later, runs scheduled jobs). */
@Module({ imports: [ApplicationModule], providers: [SendMailProcessor, MailWorkerService] })
export class WorkerModule {}
