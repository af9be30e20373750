import type { CredentialsCommand } from './credentials/credentials.commands';
import type { LifecycleCommand } from './lifecycle/lifecycle.commands';
import type { PasswordsCommand } from './passwords/passwords.commands';
import type { ProfileCommand } from './profile/profile.commands';
import type { ProtectionCommand } from './protection/protection.commands';
import type { RecoveryCommand } from './recovery/recovery.commands';
import type { RegistrationCommand } from './registration/registration.commands';
import type { SignInCommand } from './sign-in/sign-in.commands';
import type { TwoFactorCommand } from './two-factor/two-factor.commands';

/**
 * Every command an account decides, composed from the areas' unions (`<area>.commands.ts`).
 * Commands carry everything a decision needs, already computed by the handler: the time,
 * fresh ids, hashes of new secrets, the result of the password check. That keeps the
 * deciders pure and deterministic.
 */
export type AccountCommand =
  | RegistrationCommand
  | SignInCommand
  | PasswordsCommand
  | ProtectionCommand
  | TwoFactorCommand
  | RecoveryCommand
  | ProfileCommand
  | CredentialsCommand
  | LifecycleCommand;
