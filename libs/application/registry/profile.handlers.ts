import type { Type } from '@nestjs/common';
import { ChangeDisplayNameHandler } from '../profile/change-display-name/change-display-name.handler';
import { ChangeUsernameHandler } from '../profile/change-username/change-username.handler';
import { ConfirmEmailChangeHandler } from '../profile/confirm-email-change/confirm-email-change.handler';
import { RequestEmailChangeHandler } from '../profile/request-email-change/request-email-change.handler';
import { UniqueValueChange } from '../profile/shared/unique-value-change';
import { LockUsernameHandler, UnlockUsernameHandler } from '../profile/username-locks/username-lock.handlers';

/**
 * The profile use cases' command and query handlers, registered by ApplicationModule
 * (with UniqueValueChange, the claim → change → release sequence they share).
 */
export const PROFILE_HANDLERS: Type[] = [
  UniqueValueChange,
  ChangeDisplayNameHandler,
  ChangeUsernameHandler,
  RequestEmailChangeHandler,
  ConfirmEmailChangeHandler,
  LockUsernameHandler,
  UnlockUsernameHandler,
];
