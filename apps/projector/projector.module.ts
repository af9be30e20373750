import { Module } from '@nestjs/common';
import { ProjectorLifecycle, ProjectorService } from './projector.service';

/** The `projector` role: builds the read models and queues the mails. */
@Module({ providers: [ProjectorService, ProjectorLifecycle], exports: [ProjectorService] })
export class ProjectorModule {}
