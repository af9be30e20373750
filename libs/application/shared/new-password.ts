import { Inject, Injectable } from '@nestjs/common';
import type { AccountState } from '../../account/account.state';
import { assertStrongPassword } from '../../account/password-policy';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '../../infrastructure/tokens';
import { isCommonPassword } from './common-passwords';
import { normalizePassword, PasswordHasher } from './password-hasher';

/** Checks a new password against the policy for its owner, then hashes it. */
@Injectable()
export class NewPassword {
  constructor(
    private readonly hasher: PasswordHasher,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async hashFor(password: string, owner: Pick<AccountState, 'email' | 'username'>): Promise<string> {
    assertStrongPassword(normalizePassword(password), owner, {
      compositionRule: this.config.passwordCompositionRule,
      isCommon: isCommonPassword,
    });
    return this.hasher.hash(password);
  }
}
