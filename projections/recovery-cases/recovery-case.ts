import type { ProjectedDoc } from '../apply-once';

/** A lost-device recovery case awaiting (or past) a support decision; keyed by case id. */
export interface RecoveryCaseDoc extends ProjectedDoc {
  caseId: string;
  accountId: string;
  status: 'open' | 'approve' | 'reject';
  openedAt: string;
  decidedAt: string | null;
}

export const RECOVERY_CASES = 'recovery_cases';
