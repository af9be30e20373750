import type { Type } from '@nestjs/common';
import { ListCredentialsHandler } from './list-credentials.query';

/** The query handlers that read the `credentials` read model (registered by ReadModelQueriesModule). */
export const CREDENTIALS_QUERIES: Type[] = [ListCredentialsHandler];
