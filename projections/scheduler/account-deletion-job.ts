/** The queue the deletion scheduler fills and the worker's account-deletion job consumes. */
export const ACCOUNT_DELETION_QUEUE = 'account-deletion';

/**
 * One scheduled deletion (job id = the AccountDeletionScheduled event id). Ids and times
 * only: no personal data waits in the queue.
 */
export interface DeletionJobPayload {
  accountId: string;
  /** When this schedule's grace period ends: the job does not run before. */
  executeAt: string;
  /** The scheduling request's correlation id, carried onto the deletion's events. */
  correlationId: string;
}
