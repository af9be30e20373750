import type { Type } from '@nestjs/common';
import { ChangePasswordHandler } from './change-password.handler';
import { CompletePasswordResetHandler } from './complete-password-reset.handler';
import { DisablePasswordHandler } from './disable-password.handler';
import { RequestPasswordResetHandler } from './request-password-reset.handler';

/** Passwords: change, reset by mail, disabling by support: the area's command and query handlers, registered by ApplicationModule. */
export const PASSWORDS_HANDLERS: Type[] = [
  ChangePasswordHandler,
  CompletePasswordResetHandler,
  DisablePasswordHandler,
  RequestPasswordResetHandler,
];
