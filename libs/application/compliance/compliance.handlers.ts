import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccountEventCodec } from '../../infrastructure/event-codec/account-event.codec';
import type { EventStore } from '../../infrastructure/event-store/event-store.port';
import { CLOCK, EVENT_STORE } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { openAccountHistory, type AccountHistory } from './account-history';
import { accountStateAt, type AccountStateAsOf } from './account-state-at';
import { verifyAccountIntegrity, type IntegrityReport } from './account-integrity';
import { parseAsOf } from './as-of';
import { GetAccountHistoryQuery, GetAccountStateAsOfQuery, VerifyAccountIntegrityQuery } from './compliance.queries';

// Thin Nest adapters: the logic lives in the plain functions, which the CLI (apps/cli) calls too.

@QueryHandler(GetAccountHistoryQuery)
export class GetAccountHistoryHandler implements IQueryHandler<GetAccountHistoryQuery, AccountHistory> {
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

@QueryHandler(GetAccountStateAsOfQuery)
export class GetAccountStateAsOfHandler implements IQueryHandler<GetAccountStateAsOfQuery, AccountStateAsOf> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly codec: AccountEventCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, asOf }: GetAccountStateAsOfQuery): Promise<AccountStateAsOf> {
    return accountStateAt({ events: this.events, codec: this.codec }, accountId, parseAsOf(asOf, this.clock.now()));
  }
}

@QueryHandler(VerifyAccountIntegrityQuery)
export class VerifyAccountIntegrityHandler implements IQueryHandler<VerifyAccountIntegrityQuery, IntegrityReport> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute({ accountId }: VerifyAccountIntegrityQuery): Promise<IntegrityReport> {
    return verifyAccountIntegrity(this.events, accountId);
  }
}
