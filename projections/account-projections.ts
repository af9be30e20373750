import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountsProjection } from './accounts/accounts.projector';
import { appealsProjection } from './appeals/appeals.projector';
import { activityProjection } from './activity/activity.projector';
import { auditProjection } from './audit/audit.projector';
import { credentialsProjection } from './credentials/credentials.projector';
import { recoveryCasesProjection } from './recovery-cases/recovery-cases.projector';
import type { Projection } from './projection';
import { sessionsProjection } from './sessions/sessions.projector';

/** Every read model of contract §5, in the order the runner advances them. */
export const ACCOUNT_PROJECTIONS: readonly Projection<DecodedAccountEvent>[] = [
  accountsProjection,
  sessionsProjection,
  auditProjection,
  activityProjection,
  recoveryCasesProjection,
  appealsProjection,
  credentialsProjection,
];
