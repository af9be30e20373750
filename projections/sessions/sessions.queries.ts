import type { Type } from '@nestjs/common';
import { ListSessionsHandler } from './list-sessions.query';

/** The query handlers that read the `sessions` read model (registered by ReadModelQueriesModule). */
export const SESSIONS_QUERIES: Type[] = [ListSessionsHandler];
