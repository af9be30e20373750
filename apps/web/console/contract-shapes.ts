/** The contract's answers the console reads (§3.2, §3.3), as far as it reads them. */

export interface AccountView {
  accountId: string;
  email: string;
  username: string | null;
  displayName: string;
  status: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  passwordDisabled: boolean;
  lock: { reason: string; since: string } | null;
  suspension: { reason: string; policyRef: string; since: string } | null;
  createdAt: string;
  lastLoginAt: string | null;
  failedLoginCount: number;
  activeSessionCount: number;
  passwordChangedAt: string;
}

export interface SessionEntry {
  sessionId: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  userAgent: string;
  deviceId: string | null;
}

export interface AuditEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  actor: { type: string; id: string } | null;
  summary: string;
  ip: string | null;
  userAgent: string | null;
  correlationId: string;
}

export interface ActivityEntry {
  occurredAt: string;
  kind: string;
  description: string;
  ip: string | null;
  device: string | null;
}

export interface Page<T> {
  entries: T[];
  nextCursor: string | null;
}

export interface QueueEntry {
  accountId: string;
  email: string | null;
  openedAt: string;
  status: string;
}
export interface RecoveryCaseEntry extends QueueEntry {
  caseId: string;
  statement: string;
}
export interface AppealEntry extends QueueEntry {
  appealId: string;
  message: string;
}

export interface HistoryEvent {
  revision: number;
  position: string;
  eventId: string;
  type: string;
  occurredAt: string;
  actor: { type: string; id: string; onBehalfOf?: string };
  correlationId: string;
  data: unknown;
}

export type IntegrityReport =
  | { valid: true; events: number; headHash: string }
  | { valid: false; brokenAt: { revision: number; eventId: string; reason: string } };
