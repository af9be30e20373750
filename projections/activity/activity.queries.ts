import type { Type } from '@nestjs/common';
import { ActivityFeedHandler } from './activity-feed.query';

/** The query handlers that read the `activity` read model (registered by ReadModelQueriesModule). */
export const ACTIVITY_QUERIES: Type[] = [ActivityFeedHandler];
