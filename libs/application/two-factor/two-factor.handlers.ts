import type { Type } from '@nestjs/common';
import { ChangeSecondFactorHandler } from './change-second-factor.handler';
import { ConfirmTotpEnrollmentHandler } from './confirm-totp-enrollment.handler';
import { StartTotpEnrollmentHandler } from './start-totp-enrollment.handler';

/** Two-factor authentication: TOTP enrolment, disabling, recovery codes: the area's command and query handlers, registered by ApplicationModule. */
export const TWO_FACTOR_HANDLERS: Type[] = [
  ChangeSecondFactorHandler,
  ConfirmTotpEnrollmentHandler,
  StartTotpEnrollmentHandler,
];
