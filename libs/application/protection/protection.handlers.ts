import type { Type } from '@nestjs/common';
import { CompleteOwnershipVerificationHandler } from './complete-ownership-verification.handler';
import { LockAccountHandler } from './lock-account.handler';
import { RequestOwnershipVerificationHandler } from './request-ownership-verification.handler';
import { UnlockAccountHandler } from './unlock-account.handler';

/** Account protection: locks and proving ownership by a mailed link: the area's command and query handlers, registered by ApplicationModule. */
export const PROTECTION_HANDLERS: Type[] = [
  CompleteOwnershipVerificationHandler,
  LockAccountHandler,
  RequestOwnershipVerificationHandler,
  UnlockAccountHandler,
];
