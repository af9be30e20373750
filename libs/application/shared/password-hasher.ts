import { Inject, Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { PasswordAttempt } from './password-attempt';

/** bcrypt, with a decoy hash so an unknown email costs the same time as a wrong password. */
@Injectable()
export class PasswordHasher {
  private decoy: Promise<string>;

  constructor(@Inject(WARDEN_CONFIG) private readonly config: WardenConfig) {
    this.decoy = bcrypt.hash('decoy-password-never-matches', config.bcryptCost);
  }

  /** A password of one request: its comparisons and hash memoised for the runner's retries. */
  attempt(password: string): PasswordAttempt {
    return new PasswordAttempt(this, password);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(normalizePassword(password), this.config.bcryptCost);
  }

  /** Always runs one bcrypt comparison, against the decoy when there is no stored hash. */
  async verify(password: string, storedHash: string | null): Promise<boolean> {
    const target = storedHash && storedHash.startsWith('$2') ? storedHash : await this.decoy;
    const matches = await bcrypt.compare(normalizePassword(password), target);
    return matches && target !== (await this.decoy);
  }
}

export const normalizePassword = (password: string) => password.normalize('NFC');
