import type { Type } from '@nestjs/common';
import { UniqueValueChange } from './unique-value-change';
import { ChangeDisplayNameHandler } from './change-display-name.handler';
import { ChangeUsernameHandler } from './change-username.handler';
import { ConfirmEmailChangeHandler } from './confirm-email-change.handler';
import { LockUsernameHandler } from './lock-username.handler';
import { RequestEmailChangeHandler } from './request-email-change.handler';
import { UnlockUsernameHandler } from './unlock-username.handler';

/** Profile: display name, username, email change, username locks: the area's command and query handlers (with UniqueValueChange, the claim → change → release sequence they share), registered by ApplicationModule. */
export const PROFILE_HANDLERS: Type[] = [
  UniqueValueChange,
  ChangeDisplayNameHandler,
  ChangeUsernameHandler,
  ConfirmEmailChangeHandler,
  LockUsernameHandler,
  RequestEmailChangeHandler,
  UnlockUsernameHandler,
];
