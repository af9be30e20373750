import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { COMPLIANCE_HANDLERS } from './compliance/compliance.handlers';
import { CREDENTIALS_HANDLERS } from './credentials/credentials.handlers';
import { LIFECYCLE_HANDLERS } from './lifecycle/lifecycle.handlers';
import { PASSWORDS_HANDLERS } from './passwords/passwords.handlers';
import { PROFILE_HANDLERS } from './profile/profile.handlers';
import { PROTECTION_HANDLERS } from './protection/protection.handlers';
import { RecoveryCaseIndex } from './recovery/recovery-case-index';
import { RECOVERY_HANDLERS } from './recovery/recovery.handlers';
import { REGISTRATION_HANDLERS } from './registration/registration.handlers';
import { AccountCommandRunner } from './runner/account-command-runner';
import { AccountRepository } from './runner/account.repository';
import { SESSIONS_HANDLERS } from './sessions/sessions.handlers';
import { ClaimHolders } from './shared/claim-holder';
import { EmailAddressedCommands } from './shared/email-addressed-commands';
import { NewPassword } from './shared/new-password';
import { PasswordHasher } from './shared/password-hasher';
import { Reservations } from './shared/reservations';
import { SecondFactors } from './shared/second-factor';
import { UseRecorder } from './shared/use-recorder';
import { WrongSecretThrottle } from './shared/wrong-secret-throttle';
import { LoginThrottle } from './sign-in/login-throttle';
import { NewLogin } from './sign-in/new-login';
import { SIGN_IN_HANDLERS } from './sign-in/sign-in.handlers';
import { TWO_FACTOR_HANDLERS } from './two-factor/two-factor.handlers';

/** The runner and the services handlers share (exported: the worker and the pages use some). */
const services = [
  AccountRepository,
  AccountCommandRunner,
  Reservations,
  ClaimHolders,
  RecoveryCaseIndex,
  PasswordHasher,
  NewPassword,
  LoginThrottle,
  WrongSecretThrottle,
  NewLogin,
  SecondFactors,
  UseRecorder,
  EmailAddressedCommands,
];

/**
 * One list per feature area: a new use case goes in its area's `<area>.handlers.ts`.
 * (mailed-links/ serves the pages only: HostedPagesModule registers its handler.)
 */
const areas = [
  REGISTRATION_HANDLERS,
  SIGN_IN_HANDLERS,
  SESSIONS_HANDLERS,
  PASSWORDS_HANDLERS,
  PROTECTION_HANDLERS,
  TWO_FACTOR_HANDLERS,
  RECOVERY_HANDLERS,
  PROFILE_HANDLERS,
  CREDENTIALS_HANDLERS,
  LIFECYCLE_HANDLERS,
  COMPLIANCE_HANDLERS,
].flat();


/** The use cases, on @nestjs/cqrs command and query buses. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [...services, ...areas],
  exports: [CqrsModule, ...services],
})
export class ApplicationModule {}
