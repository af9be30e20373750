import type { Type } from '@nestjs/common';
import { ListAppealsHandler } from './list-appeals.query';

/** The query handlers that read the `appeals` read model (registered by ReadModelQueriesModule). */
export const APPEALS_QUERIES: Type[] = [ListAppealsHandler];
