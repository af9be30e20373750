import { Module } from '@nestjs/common';
import { ACCOUNTS_QUERIES } from './accounts/accounts.queries';
import { ACTIVITY_QUERIES } from './activity/activity.queries';
import { APPEALS_QUERIES } from './appeals/appeals.queries';
import { AUDIT_QUERIES } from './audit/audit.queries';
import { CREDENTIALS_QUERIES } from './credentials/credentials.queries';
import { RECOVERY_CASES_QUERIES } from './recovery-cases/recovery-cases.queries';
import { SESSIONS_QUERIES } from './sessions/sessions.queries';

/**
 * The queries answered from the read models, one list per read model (each beside its
 * projector and view). Nest's CQRS explorer finds @QueryHandler providers in every module,
 * so importing this module next to the QueryBus (ApplicationModule) registers them; they
 * need only the global READ_STORE and CLOCK. Queries answered from an account's own stream
 * (introspection, mailed-link previews, compliance) are use cases of libs/application.
 */
@Module({ providers: [...ACCOUNTS_QUERIES, ...SESSIONS_QUERIES, ...AUDIT_QUERIES, ...ACTIVITY_QUERIES, ...CREDENTIALS_QUERIES, ...RECOVERY_CASES_QUERIES, ...APPEALS_QUERIES] })
export class ReadModelQueriesModule {}
