import type { Actor } from '@warden/shared/envelope';
import type { ProjectedDoc } from '../apply-once';

/** One line of the support audit (contract §3.2); keyed by event id, insert-only. */
export interface AuditEntryDoc extends ProjectedDoc {
  eventId: string;
  accountId: string;
  type: string;
  occurredAt: string;
  actor: Actor;
  summary: string;
  ip: string | null;
  userAgent: string | null;
  correlationId: string;
}

export const AUDIT_ENTRIES = 'audit_entries';
