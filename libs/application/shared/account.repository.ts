import { Inject, Injectable } from '@nestjs/common';
import type { AccountEvent } from '../../account/account.events';
import { evolve, initialState, type AccountState } from '../../account/account.state';
import { AccountEventCodec } from '../../infrastructure/event-codec/account-event.codec';
import { accountStream } from '../../infrastructure/event-codec/account-streams';
import type { AppendResult, EventStore, ExpectedRevision } from '../../infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { CommandMetadata } from './command-metadata';

export interface LoadedAccount {
  state: AccountState;
  revision: ExpectedRevision;
}

/** Loads an account's write model (a fold of its stream) and appends its new events. */
@Injectable()
export class AccountRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codec: AccountEventCodec,
  ) {}

  async load(accountId: string): Promise<LoadedAccount> {
    const recorded = await this.store.readStream(accountStream(accountId));
    let state = initialState();
    for (const event of recorded) {
      const decoded = await this.codec.decode(event);
      state = evolve(state, decoded.event, { occurredAt: decoded.occurredAt });
    }
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.revision : 'no_stream' };
  }

  async append(
    accountId: string,
    events: AccountEvent[],
    expected: ExpectedRevision,
    metadata: CommandMetadata & { causationId: string; occurredAt: string },
  ): Promise<AppendResult> {
    const encoded = await this.codec.encode(accountId, events, metadata);
    return this.store.append(accountStream(accountId), encoded, expected);
  }
}
