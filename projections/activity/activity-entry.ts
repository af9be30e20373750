import type { ProjectedDoc } from '../apply-once';

/** One line of the customer's own security activity (GET /v1/accounts/{id}/activity). */
export interface ActivityEntryDoc extends ProjectedDoc {
  accountId: string;
  occurredAt: string;
  kind: string;
  description: string;
  ip: string | null;
  device: string | null;
}

export const ACTIVITY_ENTRIES = 'activity_entries';
