import type { AccountState } from '@warden/account/account.state';

/** The two bcrypt operations, as PasswordHasher offers them. */
export interface Bcrypt {
  hash(password: string): Promise<string>;
  verify(password: string, storedHash: string | null): Promise<boolean>;
}

/**
 * One password given in one request, with its bcrypt work done at most once per input.
 * The runner may decide a command more than once (a write by another process came first);
 * a comparison is reused as long as the stored hash it compared against is the same, so a
 * retry costs no bcrypt unless the password itself changed in between.
 */
export class PasswordAttempt {
  private readonly comparisons = new Map<string, Promise<boolean>>();
  private hashed?: Promise<string>;

  constructor(
    private readonly bcrypt: Bcrypt,
    readonly password: string,
  ) {}

  /** Whether the password matches the account's stored hash (one decoy comparison when there is none). */
  matches(state: Pick<AccountState, 'passwordHash'>): Promise<boolean> {
    const stored = state.passwordHash;
    let compared = this.comparisons.get(stored);
    if (!compared) {
      compared = this.bcrypt.verify(this.password, stored || null);
      this.comparisons.set(stored, compared);
    }
    return compared;
  }

  /** The password's bcrypt hash, as a new password: salted once, then reused. */
  hash(): Promise<string> {
    this.hashed ??= this.bcrypt.hash(this.password);
    return this.hashed;
  }
}
