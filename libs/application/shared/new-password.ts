import { Inject, Injectable } from '@nestjs/common';
import type { AccountState } from '@warden/account/account.state';
import { assertStrongPassword } from '@warden/account/password-policy';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { isCommonPassword } from './common-passwords';
import type { PasswordAttempt } from './password-attempt';
import { normalizePassword, PasswordHasher } from './password-hasher';

/** Checks a new password against the policy for its owner, then hashes it (once per request). */
@Injectable()
export class NewPassword {
  constructor(
    private readonly hasher: PasswordHasher,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  attempt(password: string): PasswordAttempt {
    return this.hasher.attempt(password);
  }

  async hashFor(password: PasswordAttempt, owner: Pick<AccountState, 'email' | 'username'>): Promise<string> {
    assertStrongPassword(normalizePassword(password.password), owner, {
      compositionRule: this.config.passwordCompositionRule,
      isCommon: isCommonPassword,
    });
    return password.hash();
  }
}
