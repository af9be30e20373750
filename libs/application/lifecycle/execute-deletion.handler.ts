import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { CLOCK, EVENT_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { AccountRepository } from '../runner/account.repository';
import { findLatestEvent, type StoredEventRef } from './account-deleted-event';

/**
 * Run by the scheduled deletion job: deletes the account if its grace period is over (the
 * decider appends nothing when it was cancelled or is not due yet) and reports what is left
 * to do. Safe to run any number of times.
 */
export class ExecuteDeletionCommand extends Command<DeletionProgress> {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Where an account's deletion stands after the job's ExecuteDeletion. */
export type DeletionProgress =
  /** Never scheduled, or cancelled: nothing to do. */
  | { kind: 'not_scheduled'; status: string | null }
  /** Still in its grace period (the job ran early, or this schedule was replaced by a later one). */
  | { kind: 'not_due'; executeAt: string }
  /**
   * Due, and the data key still exists: the farewell mail (rendered from the schedule's
   * event), the releases and the key's destruction come next; then ExecuteDeletion again.
   */
  | { kind: 'erasure_pending'; scheduled: StoredEventRef }
  /** The key is gone and AccountDeleted is stored (appended by this very call, or before). */
  | { kind: 'erased' };

/**
 * The deletion's last command. `AccountDeleted` is appended only once the account's data
 * key is destroyed, so no reader ever finds it next to clear personal data: while the key
 * lives this answers `erasure_pending` and appends nothing; once it is gone it appends the
 * deletion (sessions and credentials ended), whose personal fields read "[erased]" already.
 * The cancel decider refuses from `executeAt` on, so nothing can bring back an account
 * whose key is being destroyed.
 */
@CommandHandler(ExecuteDeletionCommand)
export class ExecuteDeletionHandler implements ICommandHandler<ExecuteDeletionCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly repository: AccountRepository,
    private readonly keyring: DataKeyring,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, meta }: ExecuteDeletionCommand): Promise<DeletionProgress> {
    const { state } = await this.repository.load(accountId);
    const keyAlive = (await this.keyring.get(accountId, { fresh: true }))?.state === 'active';
    // 'deleted' with a live key: an AccountDeleted stored by a release that appended it first.
    if (state.status === 'deleted') return keyAlive ? await this.erasurePending(accountId) : { kind: 'erased' };
    if (state.status !== 'deletion_scheduled' || !state.deletion) return { kind: 'not_scheduled', status: state.status };
    if (this.clock.now().getTime() < Date.parse(state.deletion.executeAt)) return { kind: 'not_due', executeAt: state.deletion.executeAt };
    if (keyAlive) return this.erasurePending(accountId);
    const outcome = await this.runner.run(accountId, (_state, now) => ({ type: 'ExecuteDeletion', now: now.toISOString() }), meta);
    if (outcome.state.status !== 'deleted') throw new Error(`account ${accountId}: its key is destroyed but ExecuteDeletion appended nothing`);
    return { kind: 'erased' };
  }

  private async erasurePending(accountId: string): Promise<DeletionProgress> {
    const scheduled = await findLatestEvent(this.events, accountId, 'AccountDeletionScheduled');
    if (!scheduled) throw new Error(`account ${accountId} is due for deletion but its AccountDeletionScheduled event was not found`);
    return { kind: 'erasure_pending', scheduled: { streamId: scheduled.streamId, revision: scheduled.revision, eventId: scheduled.eventId } };
  }
}
