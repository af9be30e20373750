import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { PasswordAttempt } from './password-attempt';
import { floorWarning } from './uniform-timing';

const logger = new Logger('password-hasher');

/** bcrypt, with a decoy hash so an unknown email costs the same time as a wrong password. */
@Injectable()
export class PasswordHasher implements OnApplicationBootstrap {
  private decoy: Promise<string>;

  constructor(@Inject(WARDEN_CONFIG) private readonly config: WardenConfig) {
    this.decoy = bcrypt.hash('decoy-password-never-matches', config.bcryptCost);
  }

  /** Not awaited: start-up does not wait for the check. */
  onApplicationBootstrap(): void {
    this.checkFloor().catch(() => undefined);
  }

  /**
   * Times one comparison at the configured cost (against the decoy, once, after start-up)
   * and warns when UNIFORM_RESPONSE_MS would not cover it. Resolves with the warning, if any.
   */
  async checkFloor(): Promise<string | undefined> {
    const target = await this.decoy;
    const started = performance.now();
    await bcrypt.compare('decoy-check', target);
    const warning = floorWarning(performance.now() - started, this.config.uniformResponseMs, this.config.bcryptCost);
    if (warning) logger.warn(warning);
    return warning;
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
