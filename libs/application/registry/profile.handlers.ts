import type { Type } from '@nestjs/common';
import { ChangeDisplayNameHandler } from '../profile/change-display-name.handler';
import { ChangeUsernameHandler } from '../profile/change-username.handler';
import { ConfirmEmailChangeHandler } from '../profile/confirm-email-change.handler';
import { RequestEmailChangeHandler } from '../profile/request-email-change.handler';
import { UniqueValueChange } from '../profile/unique-value-change';
import { LockUsernameHandler, UnlockUsernameHandler } from '../profile/username-lock.handlers';

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
