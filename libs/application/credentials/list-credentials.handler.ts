import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS } from '../../../projections/accounts/account-view';
import { CREDENTIALS, type CredentialDoc } from '../../../projections/credentials/credential-view';
import { AccountErrors } from '../../account/account.errors';
import type { ReadStore } from '../../infrastructure/read-store/read-store.port';
import { READ_STORE } from '../../infrastructure/tokens';
import { ListCredentialsQuery } from './credentials.queries';

/** What the owner sees of a credential: never the secret, nor its hash. */
export interface CredentialSummary {
  credentialId: string;
  label: string;
  prefix: string;
  createdAt: string;
  rotatedAt: string | null;
  lastUsedAt: string | null;
}

/** Active credentials only, newest first. */
@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery, { credentials: CredentialSummary[] }> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId }: ListCredentialsQuery): Promise<{ credentials: CredentialSummary[] }> {
    if (!(await this.store.collection(ACCOUNTS).get(accountId))) throw AccountErrors.notFound();
    const docs = await this.store
      .collection<CredentialDoc>(CREDENTIALS)
      .find({ accountId, active: true }, { sort: [{ field: 'createdAt', direction: 'desc' }] });
    return {
      credentials: docs.map(({ credentialId, label, prefix, createdAt, rotatedAt, lastUsedAt }) => ({
        credentialId,
        label,
        prefix,
        createdAt,
        rotatedAt,
        lastUsedAt,
      })),
    };
  }
}
