import type { MailedLinkPurpose } from '@warden/account/mailed-link';
import { Inject } from '@nestjs/common';
import { Query, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mailedLinkView, type MailedLinkView } from '@warden/account/mailed-link';
import { accountOfToken, hashToken } from '@warden/infrastructure/crypto/tokens';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { AccountRepository } from '../runner/account.repository';

/** What the page of a mailed link may show before anything is submitted (nothing is appended). */
export class PreviewMailedLinkQuery extends Query<MailedLinkView> {
  constructor(
    readonly token: string,
    readonly purpose: MailedLinkPurpose,
  ) {
    super();
  }
}

/** Reads the account's stream, as the commands do: a read model could lag behind the mail. */
@QueryHandler(PreviewMailedLinkQuery)
export class PreviewMailedLinkHandler implements IQueryHandler<PreviewMailedLinkQuery> {
  constructor(
    private readonly accounts: AccountRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ token, purpose }: PreviewMailedLinkQuery): Promise<MailedLinkView> {
    const accountId = accountOfToken(token);
    if (!accountId) return { usable: false, secondFactor: false };
    const { state } = await this.accounts.load(accountId);
    return mailedLinkView(state, purpose, hashToken(token), this.clock.now().toISOString());
  }
}
