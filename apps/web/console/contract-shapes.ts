/**
 * The contract's answers the console reads (§3.2, §3.3): the API's own response types,
 * imported as types only, so a change in what the API answers is a compile error here.
 */
export type { AccountView } from '@warden/projections/accounts/account-view.mapper';
export type { SessionSummary as SessionEntry } from '@warden/projections/sessions/list-sessions.query';
export type { AuditEntry } from '@warden/projections/audit/get-audit.query';
export type { ActivityEntry } from '@warden/projections/activity/activity-feed.query';
export type { Page } from '@warden/projections/newest-first-page';
export type { AppealEntry } from '@warden/projections/appeals/list-appeals.query';
export type { RecoveryCaseEntry } from '@warden/projections/recovery-cases/list-recovery-cases.query';
export type { HistoryLine as HistoryEvent } from '@warden/application/compliance/account-history';
export type { IntegrityReport } from '@warden/application/compliance/account-integrity';
