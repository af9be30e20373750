import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountDeleted } from '../../../account/account.events';
import { DataKeyring } from '../../../infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '../../../infrastructure/event-codec/account-event.codec';
import type { EventStore } from '../../../infrastructure/event-store/event-store.port';
import { CLOCK, EVENT_STORE } from '../../../infrastructure/tokens';
import type { Clock } from '../../../shared/clock';
import { AccountRepository } from '../../shared/account.repository';
import { normalizeEmail, normalizeUsername } from '../../shared/normalize';
import { Reservations } from '../../shared/reservations';
import { findAccountDeleted } from '../account-deleted-event';
import { EraseAccountCommand } from './erase-account.command';

export type ErasureOutcome = 'erased' | 'already_erased';

/**
 * Each step is idempotent, so a retry after a crash anywhere finishes the rest: a release
 * does nothing unless this account still holds the value (someone may have taken it since),
 * and the key goes last because the values to release are read with it.
 */
@CommandHandler(EraseAccountCommand)
export class EraseAccountHandler implements ICommandHandler<EraseAccountCommand, ErasureOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly codec: AccountEventCodec,
    private readonly keyring: DataKeyring,
    private readonly reservations: Reservations,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly accounts: AccountRepository,
  ) {}

  async execute({ accountId, meta }: EraseAccountCommand): Promise<ErasureOutcome> {
    const recorded = await findAccountDeleted(this.events, accountId);
    // Never shred a living account: only after its deletion is stored.
    if (!recorded) throw new Error(`account ${accountId} is not deleted; refusing to erase it`);
    const key = await this.keyring.get(accountId);
    if (key?.state !== 'active') {
      // A retry after a crash between the key and the snapshot finishes the job.
      await this.accounts.forget(accountId);
      return 'already_erased';
    }
    const { email, username } = ((await this.codec.decode(recorded)).event as AccountDeleted).data;
    await this.reservations.release('email', normalizeEmail(email), accountId, meta);
    if (username !== null) await this.reservations.release('username', normalizeUsername(username), accountId, meta);
    await this.keyring.destroy(accountId, this.clock.now());
    // After the key: a load racing this step could otherwise snapshot the account again.
    await this.accounts.forget(accountId);
    return 'erased';
  }
}
