import { Controller, Get, Inject, type OnModuleInit, Res } from '@nestjs/common';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import type { JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CLOCK, EVENT_STORE, JOB_QUEUE, READ_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { reactors } from '@warden/projections/reactors';
import { MAIL_QUEUE } from '@warden/mail/mail-job';
import { projectionLag } from '@warden/projections/projection-lag';

/**
 * `GET /metrics` (contract §3.4), public like the health checks. Queue depth and
 * projection lag are read from the shared stores at scrape time, so every API replica
 * reports them, wherever the projector and the worker run.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly metrics: WardenMetrics,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // Both runners of apps/projector: the read models and the reactors.
    const projections = [...ACCOUNT_PROJECTIONS, ...reactors(this.queue)];
    this.metrics.observeQueue(MAIL_QUEUE, () => this.queue.stats(MAIL_QUEUE));
    this.metrics.observeProjectionLag(() => projectionLag(this.events, this.store, projections, this.clock.now()));
  }

  /** Prometheus text exposition: command latency, events appended, projection lag, queue depth, mails. */
  // A probe's request body is parsed like any other: a malformed or hostile one is refused.
  @ApiErrors('validation_failed', 'unsupported_media_type')
  @Get()
  // The text type on the 200 alone: the refusals above are JSON error bodies.
  @ApiOkResponse({ description: 'Prometheus text format (version 0.0.4)', content: { 'text/plain': { schema: { type: 'string' } } } })
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.metrics.scrape();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return body;
  }
}
