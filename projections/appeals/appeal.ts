import type { ProjectedDoc } from '../apply-once';

/** An appeal against a suspension, open or decided; keyed by appeal id. The support queue. */
export interface AppealDoc extends ProjectedDoc {
  appealId: string;
  accountId: string;
  /** The owner's words: personal, "[erased]" once the account is deleted. */
  message: string;
  status: 'open' | 'decided';
  decision: 'reinstate' | 'uphold' | null;
  openedAt: string;
  /** Position of AppealSubmitted: never changes, so it orders the queue and is its cursor. */
  openedPosition: string;
  decidedAt: string | null;
}

export const APPEALS = 'appeals';
