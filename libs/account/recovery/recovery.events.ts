import type { IssuedToken } from '../issued-token';
import { isOneOf, type EventSchemas } from '../area-members';

export interface AccountRecoveryRequested {
  type: 'AccountRecoveryRequested';
  data: IssuedToken & { email: string };
}

export interface RecoveryCaseOpened {
  type: 'RecoveryCaseOpened';
  data: { caseId: string; statement: string };
}

export interface RecoveryCaseDecided {
  type: 'RecoveryCaseDecided';
  data: { caseId: string; decision: 'approve' | 'reject'; note: string };
}

export type RecoveryEvent =
  | AccountRecoveryRequested
  | RecoveryCaseOpened
  | RecoveryCaseDecided;

/** Each event's current schema version and the fields the codec encrypts. */
export const RECOVERY_EVENTS: EventSchemas<RecoveryEvent> = {
  AccountRecoveryRequested: { version: 1, personal: ['email'] },
  RecoveryCaseOpened: { version: 1, personal: ['statement'] },
  RecoveryCaseDecided: { version: 1, personal: ['note'] },
};

export const isRecoveryEvent = isOneOf<RecoveryEvent>(RECOVERY_EVENTS);
