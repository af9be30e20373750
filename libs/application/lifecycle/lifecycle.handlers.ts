import type { Type } from '@nestjs/common';
import { CancelDeletionHandler } from './cancel-deletion.handler';
import { DecideAppealHandler } from './decide-appeal.handler';
import { EraseAccountHandler } from './erase-account.handler';
import { ExecuteDeletionHandler } from './execute-deletion.handler';
import { ReinstateAccountHandler } from './reinstate-account.handler';
import { ScheduleDeletionHandler } from './schedule-deletion.handler';
import { SubmitAppealHandler } from './submit-appeal.handler';
import { SuspendAccountHandler } from './suspend-account.handler';

/** Lifecycle: suspension, appeals, scheduled deletion, erasure: the area's command and query handlers, registered by ApplicationModule. */
export const LIFECYCLE_HANDLERS: Type[] = [
  CancelDeletionHandler,
  DecideAppealHandler,
  EraseAccountHandler,
  ExecuteDeletionHandler,
  ReinstateAccountHandler,
  ScheduleDeletionHandler,
  SubmitAppealHandler,
  SuspendAccountHandler,
];
