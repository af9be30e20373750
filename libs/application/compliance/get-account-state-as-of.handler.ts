import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { CLOCK, EVENT_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { accountStateAt, type AccountStateAsOf } from './account-state-at';
import { parseAsOf } from './as-of';

export class GetAccountStateAsOfQuery extends Query<AccountStateAsOf> {
  /** `asOf` raw as given (ISO-8601); absent: now. */
  constructor(
    readonly accountId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(GetAccountStateAsOfQuery)
export class GetAccountStateAsOfHandler implements IQueryHandler<GetAccountStateAsOfQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly codec: AccountEventCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, asOf }: GetAccountStateAsOfQuery): Promise<AccountStateAsOf> {
    return accountStateAt({ events: this.events, codec: this.codec }, accountId, parseAsOf(asOf, this.clock.now()));
  }
}
