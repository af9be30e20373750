import type { Type } from '@nestjs/common';
import { ListRecoveryCasesHandler } from './list-recovery-cases.query';

/** The query handlers that read the `recovery_cases` read model (registered by ReadModelQueriesModule). */
export const RECOVERY_CASES_QUERIES: Type[] = [ListRecoveryCasesHandler];
