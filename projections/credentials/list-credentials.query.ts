import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { READ_STORE } from '@warden/infrastructure/tokens';
import { requireKnownAccount } from '../accounts/require-known-account';
import { CREDENTIALS, type CredentialDoc } from './credential-view';

/** What the owner sees of a credential: never the secret, nor its hash. */
export interface CredentialSummary {
  credentialId: string;
  label: string;
  prefix: string;
  createdAt: string;
  rotatedAt: string | null;
  lastUsedAt: string | null;
}

/** The account's active credentials, from the `credentials` read model. */
export class ListCredentialsQuery extends Query<{ credentials: CredentialSummary[] }> {
  constructor(readonly accountId: string) {
    super();
  }
}

/** Active credentials only, newest first. */
@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId }: ListCredentialsQuery): Promise<{ credentials: CredentialSummary[] }> {
    await requireKnownAccount(this.store, accountId);
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
