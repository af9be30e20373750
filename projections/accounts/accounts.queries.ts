import type { Type } from '@nestjs/common';
import { FindAccountsHandler } from './find-accounts.query';
import { GetAccountHandler } from './get-account.query';

/** The query handlers that read the `accounts` read model (registered by ReadModelQueriesModule). */
export const ACCOUNTS_QUERIES: Type[] = [GetAccountHandler, FindAccountsHandler];
