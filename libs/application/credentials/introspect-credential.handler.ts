import { Inject, Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { CLOCK, WARDEN_CONFIG } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { AccountRepository } from '../shared/account.repository';
import { accountOfSecret, findCredential } from './credential-secret';
import { IntrospectCredentialQuery } from './credentials.queries';

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
export class IntrospectCredentialHandler implements IQueryHandler<IntrospectCredentialQuery, CredentialIntrospection> {
  private readonly logger = new Logger('credential-introspection');

  constructor(
    private readonly repository: AccountRepository,
    private readonly runner: AccountCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ secret }: IntrospectCredentialQuery): Promise<CredentialIntrospection> {
    const accountId = accountOfSecret(secret);
    if (!accountId) return INACTIVE;
    const { state } = await this.repository.load(accountId);
    if (state.status !== 'active') return INACTIVE;
    const credential = findCredential(state, secret);
    if (!credential) return INACTIVE;
    const touchMs = this.config.credentials.touchSeconds * 1000;
    if (credential.lastUsedAt === null || this.clock.now().getTime() - Date.parse(credential.lastUsedAt) >= touchMs) {
      await this.recordUse(accountId, credential.credentialId);
    }
    return { active: true, accountId, credentialId: credential.credentialId };
  }

  /** Best effort: failing to record a use must not fail the introspection. */
  private async recordUse(accountId: string, credentialId: string): Promise<void> {
    try {
      await this.runner.run(
        accountId,
        (_s, now) => ({ type: 'TouchCredential', now: now.toISOString(), credentialId, minIntervalSeconds: this.config.credentials.touchSeconds }),
        { correlationId: `introspect-${credentialId}`, actor: { type: 'system', id: 'introspection' } },
      );
    } catch (error) {
      this.logger.warn(`could not record use of a credential: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
