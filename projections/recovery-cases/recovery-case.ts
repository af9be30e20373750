import type { ProjectedDoc } from '../apply-once';

/** A lost-device recovery case awaiting (or past) a support decision; keyed by case id. */
export interface RecoveryCaseDoc extends ProjectedDoc {
  caseId: string;
  accountId: string;
  status: 'open' | 'approve' | 'reject';
  /** `open` or `decided`: what the support queue filters on. */
  queueStatus: 'open' | 'decided';
  /** The owner's statement: personal, "[erased]" once the account is deleted. */
  statement: string;
  openedAt: string;
  /** Position of RecoveryCaseOpened: never changes, so it orders the queue and is its cursor. */
  openedPosition: string;
  decidedAt: string | null;
}

export const RECOVERY_CASES = 'recovery_cases';
