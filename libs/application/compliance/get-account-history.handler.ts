import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { CLOCK, EVENT_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { openAccountHistory, type AccountHistory } from './account-history';
import { parseAsOf } from './as-of';

/** Compliance queries (contract §3.3): answered from the event store, never a read model. */

export class GetAccountHistoryQuery extends Query<AccountHistory> {
  /** `asOf` raw as given (ISO-8601); absent: the whole history. */
  constructor(
    readonly accountId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

// Thin Nest adapters: the logic lives in the plain functions, which the CLI (apps/cli) calls too.

@QueryHandler(GetAccountHistoryQuery)
export class GetAccountHistoryHandler implements IQueryHandler<GetAccountHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly codec: AccountEventCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, asOf }: GetAccountHistoryQuery): Promise<AccountHistory> {
    const until = asOf === undefined ? undefined : parseAsOf(asOf, this.clock.now());
    return openAccountHistory({ events: this.events, codec: this.codec }, accountId, { asOf: until });
  }
}
