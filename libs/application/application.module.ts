import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfirmEmailHandler } from './registration/confirm-email.handler';
import { FindAccountsHandler } from './find-accounts/find-accounts.handler';
import { GetAccountHandler } from './get-account/get-account.handler';
import { GetAuditHandler } from './get-audit/get-audit.handler';
import { IntrospectSessionHandler } from './sessions/introspect-session.handler';
import { ListSessionsHandler } from './list-sessions/list-sessions.handler';
import { LogInHandler } from './sign-in/log-in.handler';
import { LogOutHandler } from './sessions/log-out.handler';
import { RegisterAccountHandler } from './registration/register-account.handler';
import { ResendEmailVerificationHandler } from './registration/resend-email-verification.handler';
import {
  CompleteAccountRecoveryHandler,
  DecideRecoveryCaseHandler,
  RequestAccountRecoveryHandler,
} from './recovery/account-recovery.handlers';
import { ActivityFeedHandler } from './activity-feed/activity-feed.handler';
import { GetAccountHistoryHandler, GetAccountStateAsOfHandler, VerifyAccountIntegrityHandler } from './compliance/compliance.handlers';
import { CompleteSecondFactorHandler } from './sign-in/complete-second-factor.handler';
import { ChangeSecondFactorHandler, ConfirmTotpEnrollmentHandler, StartTotpEnrollmentHandler } from './two-factor/totp.handlers';
import { NewLogin } from './sign-in/new-login';
import { CREDENTIAL_HANDLERS } from './registry/credential.handlers';
import { LIFECYCLE_HANDLERS } from './registry/lifecycle.handlers';
import { PROFILE_HANDLERS } from './registry/profile.handlers';
import { SecondFactors } from './shared/second-factor';
import { UseRecorder } from './shared/use-recorder';
import { EmailAddressedCommands } from './shared/email-addressed-commands';
import { ChangePasswordHandler } from './passwords/change-password.handler';
import { CompleteOwnershipVerificationHandler } from './protection/complete-ownership-verification.handler';
import { CompletePasswordResetHandler } from './passwords/complete-password-reset.handler';
import { ExecuteAccountCommandHandler } from './runner/execute-account-command.handler';
import { RequestOwnershipVerificationHandler } from './protection/request-ownership-verification.handler';
import { RequestPasswordResetHandler } from './passwords/request-password-reset.handler';
import { AccountCommandRunner } from './runner/account-command-runner';
import { LoginThrottle } from './sign-in/login-throttle';
import { NewPassword } from './shared/new-password';
import { AccountRepository } from './runner/account.repository';
import { PasswordHasher } from './shared/password-hasher';
import { Reservations } from './shared/reservations';
import { ClaimHolders } from './shared/claim-holder';
import { RecoveryCaseIndex } from './recovery/recovery-case-index';

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
  GetAccountHandler,
  FindAccountsHandler,
  ListSessionsHandler,
  GetAuditHandler,
  ExecuteAccountCommandHandler,
  RequestPasswordResetHandler,
  CompletePasswordResetHandler,
  ChangePasswordHandler,
  RequestOwnershipVerificationHandler,
  CompleteOwnershipVerificationHandler,
  ActivityFeedHandler,
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
