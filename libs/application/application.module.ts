import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfirmEmailHandler } from './confirm-email/confirm-email.handler';
import { IntrospectSessionHandler } from './introspect-session/introspect-session.handler';
import { LogInHandler } from './log-in/log-in.handler';
import { LogOutHandler } from './log-out/log-out.handler';
import { RegisterAccountHandler } from './register-account/register-account.handler';
import { ResendEmailVerificationHandler } from './resend-email-verification/resend-email-verification.handler';
import {
  CompleteAccountRecoveryHandler,
  DecideRecoveryCaseHandler,
  RequestAccountRecoveryHandler,
} from './account-recovery/account-recovery.handlers';
import { ListAppealsHandler, ListRecoveryCasesHandler } from './support-queues/support-queues.handlers';
import { GetAccountHistoryHandler, GetAccountStateAsOfHandler, VerifyAccountIntegrityHandler } from './compliance/compliance.handlers';
import { CompleteSecondFactorHandler } from './complete-second-factor/complete-second-factor.handler';
import { ChangeSecondFactorHandler, ConfirmTotpEnrollmentHandler, StartTotpEnrollmentHandler } from './totp/totp.handlers';
import { NewLogin } from './shared/new-login';
import { CREDENTIAL_HANDLERS } from './registry/credential.handlers';
import { LIFECYCLE_HANDLERS } from './registry/lifecycle.handlers';
import { PROFILE_HANDLERS } from './registry/profile.handlers';
import { SecondFactors } from './shared/second-factor';
import { UseRecorder } from './shared/use-recorder';
import { EmailAddressedCommands } from './shared/email-addressed-commands';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { CompleteOwnershipVerificationHandler } from './complete-ownership-verification/complete-ownership-verification.handler';
import { CompletePasswordResetHandler } from './complete-password-reset/complete-password-reset.handler';
import { ExecuteAccountCommandHandler } from './execute-account-command/execute-account-command.handler';
import { RequestOwnershipVerificationHandler } from './request-ownership-verification/request-ownership-verification.handler';
import { RequestPasswordResetHandler } from './request-password-reset/request-password-reset.handler';
import { AccountCommandRunner } from './shared/account-command-runner';
import { LoginThrottle } from './shared/login-throttle';
import { NewPassword } from './shared/new-password';
import { AccountRepository } from './shared/account.repository';
import { PasswordHasher } from './shared/password-hasher';
import { Reservations } from './shared/reservations';
import { ClaimHolders } from './shared/claim-holder';
import { RecoveryCaseIndex } from './account-recovery/recovery-case-index';

const shared = [
  AccountRepository,
  AccountCommandRunner,
  Reservations,
  ClaimHolders,
  RecoveryCaseIndex,
  PasswordHasher,
  NewPassword,
  LoginThrottle,
  NewLogin,
  SecondFactors,
  UseRecorder,
  EmailAddressedCommands,
];

const handlers = [
  RegisterAccountHandler,
  ConfirmEmailHandler,
  ResendEmailVerificationHandler,
  LogInHandler,
  LogOutHandler,
  IntrospectSessionHandler,
  ListRecoveryCasesHandler,
  ListAppealsHandler,
  ExecuteAccountCommandHandler,
  RequestPasswordResetHandler,
  CompletePasswordResetHandler,
  ChangePasswordHandler,
  RequestOwnershipVerificationHandler,
  CompleteOwnershipVerificationHandler,
  CompleteSecondFactorHandler,
  StartTotpEnrollmentHandler,
  ConfirmTotpEnrollmentHandler,
  ChangeSecondFactorHandler,
  RequestAccountRecoveryHandler,
  CompleteAccountRecoveryHandler,
  DecideRecoveryCaseHandler,
  GetAccountHistoryHandler,
  GetAccountStateAsOfHandler,
  VerifyAccountIntegrityHandler,
  ...LIFECYCLE_HANDLERS,
  ...PROFILE_HANDLERS,
  ...CREDENTIAL_HANDLERS,
];

/** The use cases, on @nestjs/cqrs command and query buses. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [...shared, ...handlers],
  exports: [CqrsModule, ...shared],
})
export class ApplicationModule {}
