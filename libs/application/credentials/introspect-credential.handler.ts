import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { AccountRepository } from '../runner/account.repository';
import { UseRecorder } from '../shared/use-recorder';
import { accountOfSecret, findCredential } from './credential-secret';

/** Is this secret a live credential of an active account? Answered from the account's stream. */
export class IntrospectCredentialQuery extends Query<CredentialIntrospection> {
  constructor(readonly secret: string) {
    super();
  }
}

export type CredentialIntrospection = { active: true; accountId: string; credentialId: string } | { active: false };

const INACTIVE: CredentialIntrospection = { active: false };

/**
 * Answered from the account's own stream, not the read model: a regeneration or a
 * revocation is refused from the very next call, with no projection lag to race against.
 * A credential works only while its account is `active`: a locked, suspended, pending or
 * deleted account's integrations stop with it (and work again if it is unlocked or
 * reinstated). A use is recorded (CredentialUsed, at most every CREDENTIAL_TOUCH_SECONDS)
 * for the list's lastUsedAt.
 */
@QueryHandler(IntrospectCredentialQuery)
export class IntrospectCredentialHandler implements IQueryHandler<IntrospectCredentialQuery> {
  constructor(
    private readonly repository: AccountRepository,
    private readonly uses: UseRecorder,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ secret }: IntrospectCredentialQuery): Promise<CredentialIntrospection> {
    const accountId = accountOfSecret(secret);
    if (!accountId) return INACTIVE;
    const { state } = await this.repository.load(accountId);
    if (state.status !== 'active') return INACTIVE;
    const credential = findCredential(state, secret);
    if (!credential) return INACTIVE;
    const { credentialId } = credential;
    const minIntervalSeconds = this.config.credentials.touchSeconds;
    await this.uses.recordIfDue(
      accountId,
      credential.lastUsedAt,
      minIntervalSeconds,
      (now) => ({ type: 'TouchCredential', now, credentialId, minIntervalSeconds }),
      `credential ${credentialId}`,
    );
    return { active: true, accountId, credentialId };
  }
}
