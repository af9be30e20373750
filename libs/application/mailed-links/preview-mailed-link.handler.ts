import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mailedLinkView, type MailedLinkView } from '../../account/mailed-link';
import { accountOfToken, hashToken } from '../../infrastructure/crypto/tokens';
import { CLOCK } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { AccountRepository } from '../runner/account.repository';
import { PreviewMailedLinkQuery } from './preview-mailed-link.command';

/** Reads the account's stream, as the commands do: a read model could lag behind the mail. */
@QueryHandler(PreviewMailedLinkQuery)
export class PreviewMailedLinkHandler implements IQueryHandler<PreviewMailedLinkQuery, MailedLinkView> {
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
