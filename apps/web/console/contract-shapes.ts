/**
 * The contract's answers the console reads (§3.2, §3.3): the API's own response types,
 * imported as types only, so a change in what the API answers is a compile error here.
 */
export type { AccountView } from '../../../libs/application/get-account/account-view.mapper';
export type { SessionSummary as SessionEntry } from '../../../libs/application/list-sessions/list-sessions.handler';
export type { AuditEntry } from '../../../libs/application/get-audit/get-audit.handler';
export type { ActivityEntry } from '../../../libs/application/activity-feed/activity-feed.handler';
export type { Page } from '../../../libs/application/shared/newest-first-page';
export type { AppealEntry, RecoveryCaseEntry } from '../../../libs/application/support-queues/support-queues.handlers';
export type { HistoryLine as HistoryEvent } from '../../../libs/application/compliance/account-history';
export type { IntegrityReport } from '../../../libs/application/compliance/account-integrity';
