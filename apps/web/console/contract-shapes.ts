/**
 * The contract's answers the console reads (§3.2, §3.3): the API's own response types,
 * imported as types only, so a change in what the API answers is a compile error here.
 */
export type { AccountView } from '../../../projections/accounts/account-view.mapper';
export type { SessionSummary as SessionEntry } from '../../../projections/sessions/list-sessions.query';
export type { AuditEntry } from '../../../projections/audit/get-audit.query';
export type { ActivityEntry } from '../../../projections/activity/activity-feed.query';
export type { Page } from '../../../projections/newest-first-page';
export type { AppealEntry } from '../../../projections/appeals/list-appeals.query';
export type { RecoveryCaseEntry } from '../../../projections/recovery-cases/list-recovery-cases.query';
export type { HistoryLine as HistoryEvent } from '../../../libs/application/compliance/account-history';
export type { IntegrityReport } from '../../../libs/application/compliance/account-integrity';
