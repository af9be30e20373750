import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueStats } from '../queue/job-queue.port';

/** How a command ended: decided (events or none), refused with a contract code, or failed. */
export type CommandOutcomeLabel = 'ok' | 'refused' | 'error';

/** How far a projection's stored checkpoint is behind the event store, at scrape time. */
export interface ProjectionLag {
  projection: string;
  /** Events after the checkpoint, counted up to a cap (see `PROJECTION_LAG_CAP`). */
  events: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  seconds: number;
}

/** Counting stops here, so a scrape during a rebuild never reads the whole log. */
export const PROJECTION_LAG_CAP = 1000;

const QUEUE_STATES: readonly (keyof QueueStats)[] = ['waiting', 'delayed', 'active', 'failed'];

/** Seconds; bcrypt at the default cost 12 takes a few hundred ms, so the top buckets matter. */
const COMMAND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Every Prometheus metric of the service (contract §3.4), on a registry of its own rather
 * than prom-client's global one, so that several apps in one process (tests, `npm start`
 * running all roles) never collide. Counters and the histogram are fed by the code that
 * does the work; the gauges (queue depth, projection lag) are read from the shared stores
 * by `scrape()`, so any API replica reports them whichever process runs the projector.
 */
@Injectable()
export class WardenMetrics {
  readonly registry = new Registry();

  readonly commandDuration = new Histogram({
    name: 'warden_command_duration_seconds',
    help: 'Time to run an account command (load, decide, append, retries), by command type and outcome (ok | refused | error).',
    labelNames: ['command', 'outcome'] as const,
    buckets: COMMAND_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'warden_events_appended_total',
    help: 'Account events appended to the event store, by event type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly mailsSent = new Counter({
    name: 'warden_mails_sent_total',
    help: 'Mails handed to the mail server, by template.',
    labelNames: ['template'] as const,
    registers: [this.registry],
  });

  readonly mailsFailed = new Counter({
    name: 'warden_mails_failed_total',
    help: 'Failed mail attempts (each try that threw, retried or not), by template.',
    labelNames: ['template'] as const,
    registers: [this.registry],
  });

  readonly mailsDeadLettered = new Counter({
    name: 'warden_mails_dead_lettered_total',
    help: 'Mail jobs given up after their last try.',
    registers: [this.registry],
  });

  readonly collectFailures = new Counter({
    name: 'warden_metrics_collect_failures_total',
    help: 'Scrape-time readings that failed (their series are left out of that scrape).',
    labelNames: ['collector'] as const,
    registers: [this.registry],
  });

  /** Fed at scrape time from the event store's own count (see observeForeignEvents). */
  readonly foreignEventsSkipped = new Counter({
    name: 'warden_foreign_events_skipped_total',
    help: 'Events of the global log that are not Warden’s (other applications’ streams on a shared EventStoreDB, malformed events in Warden-named streams) passed over, each counted once',
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'warden_queue_jobs',
    help: 'Jobs in a queue by state (waiting, delayed, active, failed), read when scraped.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'warden_projection_lag_events',
    help: `Events in the store after a projection's checkpoint (counted up to ${PROJECTION_LAG_CAP}), read when scraped.`,
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'warden_projection_lag_seconds',
    help: 'Age of the oldest event a projection has not applied yet (0 when caught up), read when scraped.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  private readonly queues = new Map<string, () => Promise<QueueStats>>();
  private projectionLagSource?: () => Promise<readonly ProjectionLag[]>;
  private foreignEventsCount?: () => number;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Reports this queue's depth at every scrape. */
  observeQueue(queue: string, stats: () => Promise<QueueStats>): void {
    this.queues.set(queue, stats);
  }

  /** Reports projection lag at every scrape; the last source given wins. */
  observeProjectionLag(source: () => Promise<readonly ProjectionLag[]>): void {
    this.projectionLagSource = source;
  }

  /** Reports, at every scrape, how many foreign events the event store has skipped so far. */
  observeForeignEvents(count: () => number): void {
    this.foreignEventsCount = count;
  }

  /** Starts timing a command; call the result once with its type and outcome. */
  startCommand(): (command: string, outcome: CommandOutcomeLabel) => void {
    const end = this.commandDuration.startTimer();
    return (command, outcome) => end({ command, outcome });
  }

  countAppended(events: readonly { type: string }[]): void {
    for (const event of events) this.eventsAppended.inc({ type: event.type });
  }

  /** Reads the scrape-time gauges, then renders every metric in the Prometheus text format. */
  async scrape(): Promise<string> {
    await Promise.all([this.readQueues(), this.readProjectionLag()]);
    const foreign = this.foreignEventsCount?.() ?? 0;
    const reported = (await this.foreignEventsSkipped.get()).values[0]?.value ?? 0;
    if (foreign > reported) this.foreignEventsSkipped.inc(foreign - reported);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async readQueues(): Promise<void> {
    const readings = await Promise.all([...this.queues].map(async ([queue, read]) => [queue, await this.reading('queue', read)] as const));
    this.queueJobs.reset();
    for (const [queue, stats] of readings) {
      if (stats) for (const state of QUEUE_STATES) this.queueJobs.set({ queue, state }, stats[state]);
    }
  }

  private async readProjectionLag(): Promise<void> {
    const lags = this.projectionLagSource ? await this.reading('projection_lag', this.projectionLagSource) : [];
    this.projectionLagEvents.reset();
    this.projectionLagSeconds.reset();
    for (const { projection, events, seconds } of lags ?? []) {
      this.projectionLagEvents.set({ projection }, events);
      this.projectionLagSeconds.set({ projection }, seconds);
    }
  }

  /** A store that does not answer must not fail the whole scrape: count it, leave its series out. */
  private async reading<T>(collector: string, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch {
      this.collectFailures.inc({ collector });
      return undefined;
    }
  }
}
