import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataKeyring } from '../../../infrastructure/crypto/data-keyring';
import type { EventStore } from '../../../infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '../../../infrastructure/tokens';
import { AccountCommandRunner } from '../../shared/account-command-runner';
import { findAccountDeleted } from '../account-deleted-event';
import { ExecuteDeletionCommand } from './execute-deletion.command';

/** Where an account's deletion stands after the job's ExecuteDeletion. */
export type DeletionProgress =
  /** Never scheduled, or cancelled: nothing to do. */
  | { kind: 'not_scheduled'; status: string | null }
  /** Still in its grace period (the job ran early, or this schedule was replaced by a later one). */
  | { kind: 'not_due'; executeAt: string }
  /** AccountDeleted is stored and the data key still exists: the mail, releases and key destruction are due. */
  | { kind: 'erasure_pending'; deleted: { streamId: string; revision: number; eventId: string } }
  /** Deleted and erased: a retry or a late duplicate found nothing left to do. */
  | { kind: 'erased' };

@CommandHandler(ExecuteDeletionCommand)
export class ExecuteDeletionHandler implements ICommandHandler<ExecuteDeletionCommand, DeletionProgress> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly keyring: DataKeyring,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ accountId, meta }: ExecuteDeletionCommand): Promise<DeletionProgress> {
    const { state } = await this.runner.run(accountId, (_state, now) => ({ type: 'ExecuteDeletion', now: now.toISOString() }), meta);
    if (state.status === 'deletion_scheduled' && state.deletion) return { kind: 'not_due', executeAt: state.deletion.executeAt };
    if (state.status !== 'deleted') return { kind: 'not_scheduled', status: state.status };
    const key = await this.keyring.get(accountId);
    if (key?.state !== 'active') return { kind: 'erased' };
    const deleted = await findAccountDeleted(this.events, accountId);
    if (!deleted) throw new Error(`account ${accountId} is deleted but its AccountDeleted event was not found`);
    return { kind: 'erasure_pending', deleted: { streamId: deleted.streamId, revision: deleted.revision, eventId: deleted.eventId } };
  }
}
