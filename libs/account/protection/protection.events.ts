import type { IssuedToken } from '../issued-token';
import { isOneOf, type EventSchemas } from '../area-members';

export type LockReason = 'unusual_activity' | 'manual';

export interface AccountLocked {
  type: 'AccountLocked';
  /** With an unusual-activity lock, the alert mail carries an ownership-verification link. */
  data: { reason: LockReason; note: string | null; ownershipVerification: IssuedToken | null };
}

export interface OwnershipVerificationRequested {
  type: 'OwnershipVerificationRequested';
  data: IssuedToken & { email: string };
}

export interface OwnershipVerified {
  type: 'OwnershipVerified';
  data: { method: 'ownership_link' | 'password_reset' };
}

export interface AccountUnlocked {
  type: 'AccountUnlocked';
  data: { reason: string };
}

export type ProtectionEvent =
  | AccountLocked
  | OwnershipVerificationRequested
  | OwnershipVerified
  | AccountUnlocked;

/** Each event's current schema version and the fields the codec encrypts. */
export const PROTECTION_EVENTS: EventSchemas<ProtectionEvent> = {
  AccountLocked: { version: 1, personal: ['note'] },
  OwnershipVerificationRequested: { version: 1, personal: ['email'] },
  OwnershipVerified: { version: 1, personal: [] },
  AccountUnlocked: { version: 1, personal: ['reason'] },
};

export const isProtectionEvent = isOneOf<ProtectionEvent>(PROTECTION_EVENTS);
