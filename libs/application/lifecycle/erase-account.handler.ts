import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { AccountRepository } from '../runner/account.repository';
import { normalizeEmail, normalizeUsername } from '@warden/account/normalize';
import { Reservations } from '../shared/reservations';

/**
 * A deletion's erasure, after the farewell mail and before AccountDeleted is appended: give
 * the email and username back, then destroy the account's data key (crypto-shredding).
 * Only for an account whose grace period is over (or one already deleted).
 */
export class EraseAccountCommand extends Command<ErasureOutcome> {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export type ErasureOutcome = 'erased' | 'already_erased';

/**
 * Gives the email and username back, then destroys the account's data key. The values are
 * read from the account's state, which needs the key: so the key goes last, and each step
 * is idempotent (a release does nothing unless this account still holds the value), so a
 * retry after a crash anywhere finishes the rest.
 */
@CommandHandler(EraseAccountCommand)
export class EraseAccountHandler implements ICommandHandler<EraseAccountCommand> {
  constructor(
    private readonly repository: AccountRepository,
    private readonly keyring: DataKeyring,
    private readonly reservations: Reservations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, meta }: EraseAccountCommand): Promise<ErasureOutcome> {
    const { state } = await this.repository.load(accountId);
    const now = this.clock.now();
    const due = state.status === 'deletion_scheduled' && state.deletion !== null && now.getTime() >= Date.parse(state.deletion.executeAt);
    // Never shred a living account: only one whose grace period is over (or already deleted).
    if (!due && state.status !== 'deleted') throw new Error(`account ${accountId} is not due for deletion; refusing to erase it`);
    if ((await this.keyring.get(accountId, { fresh: true }))?.state !== 'active') {
      // A retry after a crash between the key and the snapshot finishes the job.
      await this.repository.forget(accountId);
      return 'already_erased';
    }
    if (state.email) await this.reservations.release('email', normalizeEmail(state.email), accountId, meta);
    if (state.username) await this.reservations.release('username', normalizeUsername(state.username), accountId, meta);
    await this.keyring.destroy(accountId, now);
    // After the key: a load racing this step could otherwise snapshot or cache the account again.
    await this.repository.forget(accountId);
    return 'erased';
  }
}
