import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { reactors } from '@warden/projections/reactors';
import { recordedAsIs } from '@warden/projections/projection';
import { ProjectorRunner } from '@warden/projections/projector-runner';
import { leasedRunnerOptions } from '@warden/projections/runner-options';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { AccountEventCodec, type DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import type { JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { EVENT_STORE, JOB_QUEUE, READ_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';

const REACTORS_WAKE_DELAY_MS = 20;

/**
 * Two runners: the read models (rebuildable at will) and the mail reactor, which is never
 * rebuilt with them — replaying it from zero could mail people again.
 */
@Injectable()
export class ProjectorService {
  readonly readModels: ProjectorRunner<DecodedAccountEvent>;
  readonly reactors: ProjectorRunner;
  private readonly logger = new Logger('projector');

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) store: ReadStore,
    @Inject(JOB_QUEUE) queue: JobQueue,
    @Inject(WARDEN_CONFIG) config: WardenConfig,
    codec: AccountEventCodec,
  ) {
    const onError = (projection: string, error: unknown) =>
      this.logger.error(`projection ${projection} failed: ${error instanceof Error ? error.message : String(error)}`);
    // One lease holder identity per runner: the two runners lease different keys anyway.
    const options = leasedRunnerOptions(config, store, onError);
    this.readModels = new ProjectorRunner(
      { events, store, projections: ACCOUNT_PROJECTIONS, decode: (e) => codec.decode(e) },
      options,
    );
    this.reactors = new ProjectorRunner(
      { events, store, projections: reactors(queue), decode: recordedAsIs },
      // Mails may leave a few milliseconds later: bursts gather into one batch, and the
      // read models and requests of this process go first.
      { ...leasedRunnerOptions(config, store, onError), wakeDelayMs: REACTORS_WAKE_DELAY_MS },
    );
  }
}

/** Runs the projections in the background for as long as the process lives. */
@Injectable()
export class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly projector: ProjectorService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.readModels.start();
    await this.projector.reactors.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.readModels.stop();
    await this.projector.reactors.stop();
  }
}
