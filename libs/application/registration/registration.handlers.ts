import type { Type } from '@nestjs/common';
import { ConfirmEmailHandler } from './confirm-email.handler';
import { RegisterAccountHandler } from './register-account.handler';
import { ResendEmailVerificationHandler } from './resend-email-verification.handler';

/** Registration and email verification: the area's command and query handlers, registered by ApplicationModule. */
export const REGISTRATION_HANDLERS: Type[] = [
  ConfirmEmailHandler,
  RegisterAccountHandler,
  ResendEmailVerificationHandler,
];
