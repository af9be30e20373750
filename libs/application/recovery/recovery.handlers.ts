import type { Type } from '@nestjs/common';
import { CompleteAccountRecoveryHandler } from './complete-account-recovery.handler';
import { DecideRecoveryCaseHandler } from './decide-recovery-case.handler';
import { RequestAccountRecoveryHandler } from './request-account-recovery.handler';

/** Recovery of an account whose second factor is lost: the area's command and query handlers, registered by ApplicationModule. */
export const RECOVERY_HANDLERS: Type[] = [
  CompleteAccountRecoveryHandler,
  DecideRecoveryCaseHandler,
  RequestAccountRecoveryHandler,
];
