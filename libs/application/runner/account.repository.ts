import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AccountEvent } from '@warden/account/account.events';
import { evolve, initialState, type AccountState } from '@warden/account/account.state';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { AppendResult, EventStore, ExpectedRevision } from '@warden/infrastructure/event-store/event-store.port';
import { AccountSnapshots } from '@warden/infrastructure/snapshots/account-snapshots';
import { EVENT_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { RecordedEvent } from '@warden/shared/envelope';
import type { CommandMetadata } from './command-metadata';
import { type CachedAccount, WriteModelCache } from './write-model-cache';
import { REGISTRATION_ABANDONED } from '@warden/account/reservation/registration-abandoned';

export interface LoadedAccount {
  state: AccountState;
  revision: ExpectedRevision;
  /** The stream holds only the seal of a lapsed claim: the account never existed and never will. */
  sealed?: true;
}

const logger = new Logger('AccountRepository');

/** Before the first event: revision -1, so the tail starts at 0. */
const EMPTY: CachedAccount = Object.freeze({ state: initialState(), revision: -1, hash: '', snapshotRevision: -1 });

/**
 * Loads an account's write model and appends its new events. A load starts from the
 * cached fold, or else from the account's snapshot, or else from nothing, and folds only
 * the events stored after that point (`readStream` from a revision): its cost does not
 * grow with the account's history. The stream stays the truth: the tail is always read,
 * the starting point is used only if the stream still holds its last event (same
 * revision, same chain hash), and the append's expected revision refuses a decision
 * taken on a stale state.
 */
@Injectable()
export class AccountRepository {
  private readonly cache: WriteModelCache;
  private readonly snapshotEvery: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codec: AccountEventCodec,
    private readonly snapshots: AccountSnapshots,
    @Inject(WARDEN_CONFIG) config: Pick<WardenConfig, 'writeModel'>,
  ) {
    this.cache = new WriteModelCache(config.writeModel.cacheSize);
    this.snapshotEvery = config.writeModel.snapshotEvery;
  }

  async load(accountId: string): Promise<LoadedAccount> {
    const start = this.cache.get(accountId) ?? (await this.fromSnapshot(accountId));
    const entry = (await this.foldTail(accountId, start)) ?? (await this.foldFromScratch(accountId));
    if (entry.sealed) return { state: initialState(), revision: entry.revision, sealed: true };
    await this.keep(accountId, entry);
    return { state: entry.state, revision: entry.revision < 0 ? 'no_stream' : entry.revision };
  }

  /**
   * Appends the decided events. `after`, the state they lead to, is kept as the write
   * model at the new revision; without it the next load folds the appended events.
   */
  async append(
    accountId: string,
    events: AccountEvent[],
    expected: ExpectedRevision,
    metadata: CommandMetadata & { causationId: string; occurredAt: string },
    after?: AccountState,
  ): Promise<AppendResult> {
    const encoded = await this.codec.encode(accountId, events, metadata);
    const result = await this.store.append(accountStream(accountId), encoded, expected);
    if (after) {
      const snapshotRevision = this.cache.get(accountId)?.snapshotRevision ?? -1;
      const hash = result.events[result.events.length - 1].metadata.hash;
      await this.keep(accountId, { state: after, revision: result.revision, hash, snapshotRevision });
    }
    return result;
  }

  /** Erasure: no copy of the account's state may outlive its data key, in memory or stored. */
  async forget(accountId: string): Promise<void> {
    this.cache.forget(accountId);
    await this.snapshots.drop(accountId);
  }

  private async fromSnapshot(accountId: string): Promise<CachedAccount> {
    const snapshot = await this.snapshots.load(accountId);
    return snapshot ? { ...snapshot, snapshotRevision: snapshot.revision } : EMPTY;
  }

  /** The start plus the events after it; undefined when the stream no longer holds the start's last event. */
  private async foldTail(accountId: string, start: CachedAccount): Promise<(CachedAccount & { sealed?: true }) | undefined> {
    if (start.revision < 0) return this.fold(start, await this.store.readStream(accountStream(accountId)));
    // Read from the start's own last event (inclusive): one row more, and a check that it is still there.
    const [anchor, ...tail] = await this.store.readStream(accountStream(accountId), { fromRevision: start.revision });
    if (anchor?.revision !== start.revision || anchor.metadata.hash !== start.hash) {
      logger.warn(`account ${accountId}: the stream no longer holds revision ${start.revision} as cached or snapshotted; folding it from the start`);
      return undefined;
    }
    return this.fold(start, tail);
  }

  private async foldFromScratch(accountId: string): Promise<CachedAccount & { sealed?: true }> {
    this.cache.forget(accountId);
    await this.snapshots.drop(accountId);
    return this.fold(EMPTY, await this.store.readStream(accountStream(accountId)));
  }

  private async fold(start: CachedAccount, tail: RecordedEvent[]): Promise<CachedAccount & { sealed?: true }> {
    if (tail.length === 0) return start;
    let state = start.state;
    for (const event of tail) {
      // A seal (a lapsed claim's takeover, see ClaimHolders) is the stream's only event: no account to fold.
      if (event.type === REGISTRATION_ABANDONED) {
        return { state, revision: event.revision, hash: event.metadata.hash, snapshotRevision: start.snapshotRevision, sealed: true };
      }
      const decoded = await this.codec.decode(event);
      state = evolve(state, decoded.event, { occurredAt: decoded.occurredAt });
    }
    const last = tail[tail.length - 1];
    return { state, revision: last.revision, hash: last.metadata.hash, snapshotRevision: start.snapshotRevision };
  }

  private async keep(accountId: string, entry: CachedAccount): Promise<void> {
    // Nothing to cache for an unknown account, and a deleted one's personal data is on its
    // way to erasure: neither is kept in memory nor snapshotted.
    if (entry.revision < 0 || entry.state.status === 'deleted') {
      this.cache.forget(accountId);
      return;
    }
    if (entry.revision - entry.snapshotRevision >= this.snapshotEvery) {
      entry = { ...entry, snapshotRevision: await this.snapshot(accountId, entry) };
    }
    this.cache.remember(accountId, entry);
  }

  /** Best effort: a snapshot only shortens later cold loads. Returns the revision now snapshotted. */
  private async snapshot(accountId: string, { state, revision, hash, snapshotRevision }: CachedAccount): Promise<number> {
    try {
      await this.snapshots.save(accountId, { state, revision, hash });
      return revision;
    } catch (error) {
      logger.warn(`snapshot of account ${accountId} at revision ${revision} failed: ${error instanceof Error ? error.message : String(error)}`);
      return snapshotRevision;
    }
  }
}
