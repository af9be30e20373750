import { isOneOf, type EventSchemas } from '../area-members';

export interface AccountSuspended {
  type: 'AccountSuspended';
  data: { reason: string; policyRef: string };
}

export interface AccountReinstated {
  type: 'AccountReinstated';
  data: { reason: string };
}

export interface AppealSubmitted {
  type: 'AppealSubmitted';
  data: { appealId: string; message: string };
}

export interface AppealDecided {
  type: 'AppealDecided';
  data: { appealId: string; decision: 'reinstate' | 'uphold'; note: string };
}

export interface AccountDeletionScheduled {
  type: 'AccountDeletionScheduled';
  data: { reason: string; ticketRef: string; graceDays: number; executeAt: string; previousStatus: string };
}

export interface AccountDeletionCancelled {
  type: 'AccountDeletionCancelled';
  data: { restoredStatus: string };
}

/** The end: the email and username are released and the data key is destroyed right after. */
export interface AccountDeleted {
  type: 'AccountDeleted';
  data: { email: string; username: string | null };
}

export type LifecycleEvent =
  | AccountSuspended
  | AccountReinstated
  | AppealSubmitted
  | AppealDecided
  | AccountDeletionScheduled
  | AccountDeletionCancelled
  | AccountDeleted;

/** Each event's current schema version and the fields the codec encrypts. */
export const LIFECYCLE_EVENTS: EventSchemas<LifecycleEvent> = {
  AccountSuspended: { version: 1, personal: ['reason'] },
  AccountReinstated: { version: 1, personal: ['reason'] },
  AppealSubmitted: { version: 1, personal: ['message'] },
  AppealDecided: { version: 1, personal: ['note'] },
  AccountDeletionScheduled: { version: 1, personal: ['reason'] },
  AccountDeletionCancelled: { version: 1, personal: [] },
  AccountDeleted: { version: 1, personal: ['email', 'username'] },
};

export const isLifecycleEvent = isOneOf<LifecycleEvent>(LIFECYCLE_EVENTS);
