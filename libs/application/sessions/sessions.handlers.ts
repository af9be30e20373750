import type { Type } from '@nestjs/common';
import { EndAllSessionsHandler } from './end-all-sessions.handler';
import { EndOtherSessionsHandler } from './end-other-sessions.handler';
import { EndSessionHandler } from './end-session.handler';
import { IntrospectSessionHandler } from './introspect-session.handler';
import { LogOutHandler } from './log-out.handler';

/** Sessions: logout, revocations, introspection: the area's command and query handlers, registered by ApplicationModule. */
export const SESSIONS_HANDLERS: Type[] = [
  EndAllSessionsHandler,
  EndOtherSessionsHandler,
  EndSessionHandler,
  IntrospectSessionHandler,
  LogOutHandler,
];
