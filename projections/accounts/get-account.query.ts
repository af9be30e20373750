import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccountErrors } from '@warden/account/account.errors';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { ACCOUNTS, type AccountDoc } from './account-view';
import { toAccountView, type AccountView } from './account-view.mapper';

/** One account as support sees it (contract AccountView), from the `accounts` read model. */
export class GetAccountQuery extends Query<AccountView> {
  constructor(readonly accountId: string) {
    super();
  }
}

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId }: GetAccountQuery): Promise<AccountView> {
    const doc = await this.store.collection<AccountDoc>(ACCOUNTS).get(accountId);
    if (!doc) throw AccountErrors.notFound();
    return toAccountView(doc, this.store, this.clock.now());
  }
}
