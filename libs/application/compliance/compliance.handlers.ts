import type { Type } from '@nestjs/common';
import { GetAccountHistoryHandler } from './get-account-history.handler';
import { GetAccountStateAsOfHandler } from './get-account-state-as-of.handler';
import { VerifyAccountIntegrityHandler } from './verify-account-integrity.handler';

/** Compliance reads, answered from the event store (contract §3.3): the area's command and query handlers, registered by ApplicationModule. */
export const COMPLIANCE_HANDLERS: Type[] = [
  GetAccountHistoryHandler,
  GetAccountStateAsOfHandler,
  VerifyAccountIntegrityHandler,
];
