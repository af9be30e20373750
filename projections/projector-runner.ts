import type { Position, RecordedEvent } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import { StopSignal } from '@warden/infrastructure/event-store/stop-signal';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { LeaseLostError } from '@warden/infrastructure/read-store/lease-lost.error';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { batchDecoder } from './batch-decoder';
import { CatchUpError } from './catch-up-error';
import { checkpointKey } from './checkpoint-key';
import { waitForCheckpoints } from './checkpoint-watch';
import { FeedPool } from './feed-pool';
import { FreshCollections } from './fresh-collections';
import type { Decode, Projection, ProjectedEvent } from './projection';
import { type LeaseGrant, soleRunnerLease, type ProjectionLease } from './projection-lease';
import { WorkingSet } from './working-set';

export interface ProjectorRunnerDeps<E extends ProjectedEvent> {
  events: Pick<EventStore, 'openFeed' | 'headPosition'>;
  store: ReadStore;
  projections: readonly Projection<E>[];
  decode: Decode<E>;
}

export interface ProjectorRunnerOptions {
  /**
   * Most events per batch (one commit each). A batch is what the event feed has ready
   * after the checkpoint, up to this: large while catching up, one event when following
   * live. Default 1000.
   */
  batchSize?: number;
  /**
   * Most events per batch while a projection is built from empty (a rebuild, a first run, a
   * version bump): far larger, so a document changed by many events is written once per
   * batch rather than once per `batchSize` events, and commits are fewer. A batch must still
   * be applied well within the lease's TTL. Default 10 × batchSize.
   */
  rebuildBatchSize?: number;
  /**
   * Longest sleep once caught up. New events wake the runner at once (the feeds' onReady);
   * this is the safety net, and the lease renewal when idle. Default 1000 ms.
   */
  pollIntervalMs?: number;
  /**
   * How long new events may wait before the runner reads them. 0 (the default) reads them
   * in the event loop's next check phase. A runner whose work is not waited on (the
   * reactors: a mail is not a few milliseconds late) can wait a little, which gathers a
   * burst into one batch and one commit and lets the read models and the requests go first.
   */
  wakeDelayMs?: number;
  /** Pause before a failed projection is tried again (live mode). Default 1000 ms. */
  retryDelayMs?: number;
  /** Every failure of a projection; the runner keeps going either way. */
  onError?: (projection: string, error: unknown) => void;
  /** After each committed batch: its first and last positions and how many events it held. */
  onBatch?: (projection: string, batch: CommittedBatch) => void;
  /** Whether this runner holds each projection's lease: first known, then at every change (takeovers, for the log). */
  onLeaseChange?: (projection: string, held: boolean) => void;
  /** Who may advance which projection; see ProjectionLease. Default: this runner, always. */
  lease?: ProjectionLease;
}

export interface CommittedBatch {
  first: Position;
  last: Position;
  events: number;
}

/** A projection's batch, applied to its working set and not yet committed. */
interface HandledBatch<E extends ProjectedEvent> {
  p: Projection<E>;
  working: WorkingSet;
  grant: LeaseGrant;
}

type Outcome =
  | { kind: 'advanced'; last: Position; full: boolean }
  | { kind: 'idle' }
  | { kind: 'leased-elsewhere' }
  | { kind: 'failed'; error: unknown };

const logToStderr = (projection: string, error: unknown): void => {
  // eslint-disable-next-line no-console
  console.error(`projection ${projection} failed`, error);
};

/**
 * Runs projections as catch-up subscriptions on the global order, each with its own
 * checkpoint. Events come from the event store's feeds (EventStore.openFeed; on
 * EventStoreDB a server-filtered catch-up subscription), one per checkpoint position,
 * kept open from batch to batch (FeedPool). A projection handles a batch against a
 * WorkingSet (reads cached, writes kept in memory); the changed documents and the
 * checkpoint are then committed together (ReadStore.commitBatch), so a crash leaves
 * either the whole batch or none of it, and a replay is absorbed anyway (see the
 * idempotency rule in Projection).
 *
 * Everything that touches checkpoints runs one step at a time through `exclusive`, so
 * the live loop, `catchUp` and `rebuild` never interleave inside one runner. Across
 * processes, that is the lease's job.
 */
export class ProjectorRunner<E extends ProjectedEvent = RecordedEvent> {
  private readonly projections: readonly Projection<E>[];
  private readonly batchSize: number;
  private readonly rebuildBatchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly onError: (projection: string, error: unknown) => void;
  private readonly lease: ProjectionLease;
  /** Projections whose init (and version check) ran in this process. */
  private readonly prepared = new Set<string>();
  private readonly retryAt = new Map<string, number>();
  /** Projections whose lease this runner holds, as far as it knows. */
  private readonly held = new Set<string>();
  private readonly leaseKnown = new Set<string>();
  /** Collections this runner emptied and alone has written since (see FreshCollections). */
  private readonly fresh = new FreshCollections();
  private tail: Promise<void> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private signal = new StopSignal();
  private readonly feeds: FeedPool;

  constructor(
    private readonly deps: ProjectorRunnerDeps<E>,
    private readonly options: ProjectorRunnerOptions = {},
  ) {
    const names = deps.projections.map((p) => p.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new Error(`projection ${duplicate} is registered twice`);
    this.projections = deps.projections;
    this.batchSize = options.batchSize ?? 1000;
    this.rebuildBatchSize = Math.max(this.batchSize, options.rebuildBatchSize ?? 10 * this.batchSize);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.onError = options.onError ?? logToStderr;
    this.lease = options.lease ?? soleRunnerLease;
    // New events end the loop's sleep, whichever signal is current.
    const wakeDelayMs = options.wakeDelayMs ?? 0;
    let delayedWake: NodeJS.Timeout | undefined;
    const onReady =
      wakeDelayMs > 0
        ? () => {
            delayedWake ??= setTimeout(() => {
              delayedWake = undefined;
              this.signal.wake();
            }, wakeDelayMs).unref();
          }
        : () => this.signal.wake();
    this.feeds = new FeedPool((after) => deps.events.openFeed(after, { onReady, readAhead: this.batchSize }));
  }

  /** Follows the log in the background until `stop()`. */
  async start(): Promise<void> {
    if (this.loop) return;
    const signal = (this.signal = new StopSignal());
    this.loop = this.follow(signal);
  }

  /** Lets the batch in flight finish (checkpoint saved), closes the feeds, then releases the leases. */
  async stop(): Promise<void> {
    this.signal.stop();
    await this.loop;
    this.loop = undefined;
    await this.exclusive(() => this.feeds.closeAll());
    await Promise.all(this.projections.map((p) => this.lease.release(checkpointKey(p))));
  }

  /**
   * Processes everything up to the head as it is now, then resolves. Healthy projections
   * finish even when another fails; then it rejects with a CatchUpError naming the failed.
   * A projection leased by another runner is skipped (that runner advances it).
   */
  async catchUp(names?: readonly string[]): Promise<void> {
    const head = await this.deps.events.headPosition();
    let pending = this.select(names);
    const failures: { projection: string; error: unknown }[] = [];
    try {
      while (pending.length > 0) {
        const outcomes = await this.exclusive(() => this.step(pending));
        pending = pending.filter((p) => {
          const outcome = outcomes.get(p.name);
          if (outcome?.kind === 'failed') failures.push({ projection: p.name, error: outcome.error });
          // `idle` ends it too: a feed answers nothing only once it has caught up.
          return outcome?.kind === 'advanced' && head !== undefined && comparePositions(outcome.last, head) < 0;
        });
      }
    } finally {
      // A runner that is not following keeps no subscription open once it is done.
      if (!this.loop) await this.exclusive(() => this.feeds.closeAll());
    }
    if (failures.length > 0) throw new CatchUpError(failures);
  }

  /** Empties the read models (all, or the one named) and rebuilds them from position 0. */
  async rebuild(name?: string): Promise<void> {
    const targets = this.select(name === undefined ? undefined : [name]);
    await this.exclusive(async () => {
      for (const p of targets) {
        if (!(await this.lease.acquire(checkpointKey(p)))) throw new Error(`projection ${p.name} is held by another runner`);
        // Checkpoint first: if we crash before the truncate, the missing checkpoint makes
        // the next start truncate and rebuild anyway (see prepare).
        await this.deps.store.deleteCheckpoint(checkpointKey(p));
        this.prepared.delete(p.name);
      }
    });
    await this.catchUp(targets.map((p) => p.name));
  }

  /** The stored checkpoint of a projection's current version. */
  async positionOf(name: string): Promise<Position | undefined> {
    return this.deps.store.getCheckpoint(checkpointKey(this.find(name)));
  }

  /** True once every projection has reached `position` (read from the store), false on timeout. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return waitForCheckpoints(this.deps.store, this.projections, position, timeoutMs);
  }

  private async follow(signal: StopSignal): Promise<void> {
    while (!signal.stopped) {
      let more = false;
      try {
        const now = Date.now();
        const due = this.projections.filter((p) => (this.retryAt.get(p.name) ?? 0) <= now);
        const outcomes = due.length > 0 ? await this.exclusive(() => this.step(due)) : new Map<string, Outcome>();
        for (const [name, outcome] of outcomes) {
          if (outcome.kind === 'failed') this.retryAt.set(name, Date.now() + this.retryDelayMs);
          if (outcome.kind === 'advanced' && outcome.full) more = true;
        }
      } catch (error) {
        // Only a throwing hook gets here; keep following rather than die silently.
        this.onError('*', error);
      }
      if (!more) await signal.sleep(this.pollIntervalMs);
    }
  }

  /**
   * One batch for each given projection. Projections at the same checkpoint (the usual
   * case once caught up) share one feed, one read and one decode of the batch.
   */
  private async step(targets: readonly Projection<E>[]): Promise<Map<string, Outcome>> {
    const outcomes = new Map<string, Outcome>();
    const fail = (p: Projection<E>, error: unknown): void => {
      this.fresh.forget(p.collections);
      outcomes.set(p.name, { kind: 'failed', error });
      this.onError(p.name, error);
    };
    const groups = new Map<Position | undefined, Projection<E>[]>();
    const grants = new Map<string, LeaseGrant>();
    for (const p of targets) {
      try {
        const grant = await this.lease.acquire(checkpointKey(p));
        this.holding(p.name, grant !== null);
        if (!grant) {
          this.fresh.forget(p.collections);
          outcomes.set(p.name, { kind: 'leased-elsewhere' });
          continue;
        }
        grants.set(p.name, grant);
        this.fresh.stillHeld(p.collections, grant.fence?.token);
        await this.prepare(p, grant);
        const after = await this.deps.store.getCheckpoint(checkpointKey(p));
        groups.set(after, [...(groups.get(after) ?? []), p]);
      } catch (error) {
        fail(p, error);
      }
    }
    for (const [after, group] of groups) {
      const maxCount = group.every((p) => this.fresh.covers(p.collections)) ? this.rebuildBatchSize : this.batchSize;
      let batch: RecordedEvent[];
      try {
        batch = await this.feeds.next(after, maxCount);
      } catch (error) {
        group.forEach((p) => fail(p, error));
        continue;
      }
      const decode = batchDecoder(this.deps.decode);
      const handled: HandledBatch<E>[] = [];
      for (const p of group) {
        try {
          const working = await this.handle(p, batch, decode);
          if (working) handled.push({ p, working, grant: grants.get(p.name) ?? {} });
          else outcomes.set(p.name, { kind: 'idle' });
        } catch (error) {
          fail(p, error);
        }
      }
      await this.commit(handled, batch, maxCount, outcomes, fail);
    }
    await this.feeds.endStep();
    return outcomes;
  }

  /** Applies a batch to a projection's working set; null when the batch is empty (caught up). */
  private async handle(p: Projection<E>, batch: RecordedEvent[], decode: (event: RecordedEvent) => Promise<E>): Promise<WorkingSet | null> {
    if (batch.length === 0) {
      // Caught up: back to reading the store, so the ids kept for a rebuild do not outlive it.
      this.fresh.forget(p.collections);
      return null;
    }
    const relevant = batch.filter((e) => p.canHandle(e.type));
    const working = new WorkingSet(this.deps.store, this.fresh);
    // One after the other, not all at once: the first event of an account loads its data
    // key into the keyring's cache, and the account's other events then find it there
    // (concurrent decodes would each unwrap the key again).
    const decoded: E[] = [];
    for (const event of relevant) decoded.push(await decode(event));
    if (decoded.length > 0) await p.handle(decoded, working);
    return working;
  }

  /**
   * Commits the projections' batches with their checkpoints — even a projection to which
   * nothing in the batch was relevant, so a quiet projection does not re-read the same
   * events forever and waitFor sees it as caught up. Together in one write when there are
   * several (ReadStore.commitBatches: one SQLite transaction instead of one per projection,
   * which after every command was seven); if that fails, one by one, so each projection
   * keeps its own fate (a lost lease, a refused write).
   */
  private async commit(
    handled: HandledBatch<E>[],
    batch: RecordedEvent[],
    maxCount: number,
    outcomes: Map<string, Outcome>,
    fail: (p: Projection<E>, error: unknown) => void,
  ): Promise<void> {
    const last = batch.at(-1)?.position;
    if (last === undefined || handled.length === 0) return;
    const writes = handled.map(({ p, working, grant }) => working.batchWrite({ key: checkpointKey(p), position: last, fence: grant.fence }));
    let together = handled.length > 1;
    if (together) {
      try {
        await this.deps.store.commitBatches(writes);
      } catch {
        together = false;
      }
    }
    const committed: CommittedBatch = { first: batch[0].position, last, events: batch.length };
    const full = batch.length >= maxCount;
    for (const [i, h] of handled.entries()) {
      try {
        if (!together) await this.deps.store.commitBatch(writes[i]);
        await h.working.committed(writes[i]);
        this.retryAt.delete(h.p.name);
        this.options.onBatch?.(h.p.name, committed);
        if (!full) this.fresh.forget(h.p.collections);
        outcomes.set(h.p.name, { kind: 'advanced', last, full });
      } catch (error) {
        if (error instanceof LeaseLostError) {
          // Another runner took over (we were too slow to renew): nothing was written.
          this.fresh.forget(h.p.collections);
          this.lease.lost(checkpointKey(h.p));
          this.holding(h.p.name, false);
          outcomes.set(h.p.name, { kind: 'leased-elsewhere' });
        } else {
          fail(h.p, error);
        }
      }
    }
  }

  /**
   * Once per process and projection: declare indexes, and when the current version has no
   * checkpoint (first run, version bump, interrupted rebuild) start from an empty model,
   * because documents left by another version or an earlier attempt cannot be trusted.
   */
  private async prepare(p: Projection<E>, grant: LeaseGrant): Promise<void> {
    if (this.prepared.has(p.name)) return;
    await p.init(this.deps.store);
    if ((await this.deps.store.getCheckpoint(checkpointKey(p))) === undefined) {
      await p.truncate(this.deps.store);
      this.fresh.emptied(p.collections, grant.fence?.token);
    }
    this.prepared.add(p.name);
  }

  /** Tells onLeaseChange the first answer for each projection, then every change. */
  private holding(projection: string, held: boolean): void {
    if (this.leaseKnown.has(projection) && this.held.has(projection) === held) return;
    this.leaseKnown.add(projection);
    if (held) this.held.add(projection);
    else this.held.delete(projection);
    this.options.onLeaseChange?.(projection, held);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private select(names: readonly string[] | undefined): Projection<E>[] {
    return names === undefined ? [...this.projections] : names.map((name) => this.find(name));
  }

  private find(name: string): Projection<E> {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`unknown projection ${name}`);
    return projection;
  }
}
