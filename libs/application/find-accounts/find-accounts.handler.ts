import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS, type AccountDoc } from '../../../projections/accounts/account-view';
import type { Filter, ReadStore } from '../../infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { toAccountView, type AccountView } from '../get-account/account-view.mapper';
import { normalizeEmail, normalizeUsername } from '../../account/normalize';
import { FindAccountsQuery } from './find-accounts.query';

@QueryHandler(FindAccountsQuery)
export class FindAccountsHandler implements IQueryHandler<FindAccountsQuery, { accounts: AccountView[] }> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ by }: FindAccountsQuery): Promise<{ accounts: AccountView[] }> {
    const filter: Filter =
      'email' in by ? { emailNormalized: normalizeEmail(by.email) } : { usernameNormalized: normalizeUsername(by.username) };
    const docs = await this.store.collection<AccountDoc>(ACCOUNTS).find(filter, { limit: 50 });
    const now = this.clock.now();
    return { accounts: await Promise.all(docs.map((doc) => toAccountView(doc, this.store, now))) };
  }
}
