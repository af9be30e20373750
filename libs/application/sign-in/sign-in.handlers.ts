import type { Type } from '@nestjs/common';
import { CompleteSecondFactorHandler } from './complete-second-factor.handler';
import { LogInHandler } from './log-in.handler';

/** Signing in: the password step and the second factor: the area's command and query handlers, registered by ApplicationModule. */
export const SIGN_IN_HANDLERS: Type[] = [
  CompleteSecondFactorHandler,
  LogInHandler,
];
