import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LivenessDto, ReadinessDto } from './health.responses';
import { ApiErrors } from '../http/openapi/api-errors.decorator';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import type { JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { EVENT_STORE, JOB_QUEUE, READ_STORE } from '@warden/infrastructure/tokens';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly read: ReadStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /** The process is up; says nothing of its dependencies. */
  // A probe's request body is parsed like any other: a malformed or hostile one is refused.
  @ApiErrors('validation_failed', 'unsupported_media_type')
  @Get('live')
  @ApiOkResponse({ type: LivenessDto, description: 'the process is up' })
  live() {
    return { status: 'ok' };
  }

  /** Ready when the event store, the read store and the queue all answer. */
  // A probe's request body is parsed like any other: a malformed or hostile one is refused.
  @ApiErrors('validation_failed', 'unsupported_media_type')
  @Get('ready')
  // Terminus's own documentation of 503 is not what clients get (ErrorFilter answers in the contract's shape).
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: ReadinessDto, description: 'every dependency answers' })
  @ApiErrors('service_unavailable')
  ready() {
    return this.health.check([
      () => this.probe('eventStore', () => this.events.ping()),
      () => this.probe('readStore', () => this.read.ping()),
      () => this.probe('queue', () => this.queue.ping()),
    ]);
  }

  private async probe<K extends string>(key: K, ping: () => Promise<void>) {
    const check = this.indicators.check(key);
    try {
      await ping();
      return check.up();
    } catch {
      return check.down({ message: 'unreachable' });
    }
  }
}
