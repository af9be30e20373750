import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS, type AccountDoc } from '../../../projections/accounts/account-view';
import { AccountErrors } from '../../account/account.errors';
import type { ReadStore } from '../../infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { toAccountView, type AccountView } from './account-view.mapper';
import { GetAccountQuery } from './get-account.query';

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery, AccountView> {
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
