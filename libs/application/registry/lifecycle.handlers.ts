import type { Type } from '@nestjs/common';
import { EraseAccountHandler } from '../lifecycle/erase-account.handler';
import { ExecuteDeletionHandler } from '../lifecycle/execute-deletion.handler';
import { ScheduleDeletionHandler } from '../lifecycle/schedule-deletion.handler';
import { SubmitAppealHandler } from '../lifecycle/submit-appeal.handler';

/**
 * The lifecycle use cases' command and query handlers, registered by ApplicationModule.
 * Suspend, reinstate, appeal decisions and deletion cancels need nothing but the state:
 * they go through the generic ExecuteAccountCommand.
 */
export const LIFECYCLE_HANDLERS: Type[] = [SubmitAppealHandler, ScheduleDeletionHandler, ExecuteDeletionHandler, EraseAccountHandler];
