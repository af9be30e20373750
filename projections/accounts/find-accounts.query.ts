import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { normalizeEmail, normalizeUsername } from '@warden/account/normalize';
import type { Filter, ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { ACCOUNTS, type AccountDoc } from './account-view';
import { toAccountView, type AccountView } from './account-view.mapper';

/** Support's search by exact email or username, compared as the contract normalises them. */
export class FindAccountsQuery extends Query<{ accounts: AccountView[] }> {
  constructor(readonly by: { email: string } | { username: string }) {
    super();
  }
}

@QueryHandler(FindAccountsQuery)
export class FindAccountsHandler implements IQueryHandler<FindAccountsQuery> {
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
