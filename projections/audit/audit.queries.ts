import type { Type } from '@nestjs/common';
import { GetAuditHandler } from './get-audit.query';

/** The query handlers that read the `audit` read model (registered by ReadModelQueriesModule). */
export const AUDIT_QUERIES: Type[] = [GetAuditHandler];
